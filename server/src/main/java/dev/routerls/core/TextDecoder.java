package dev.routerls.core;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns file bytes into text. YAMAHA routers save Shift_JIS; editors and terminals give UTF-8.
 * Strict UTF-8 first, then Shift_JIS (windows-31j), then a lenient UTF-8 that never fails,
 * so binary junk still becomes text that can be analysed.
 */
public final class TextDecoder {
    /** The Shift_JIS variant YAMAHA routers and Japanese Windows write. */
    public static final Charset SHIFT_JIS = Charset.forName("windows-31j");

    /**
     * Text and how it was read: the charset, the length of a UTF-8 byte-order mark that was skipped, and
     * whether the decoding was exact (false for the lenient fallback, which replaced undecodable bytes,
     * so writing the text back would not give the original bytes).
     */
    public record Decoded(String text, Charset charset, int bomLength, boolean exact) {
        /** The charset and byte-order mark, to encode the text back as the file held it. */
        public TextEncoding encoding() {
            return new TextEncoding(charset, bomLength > 0);
        }
    }

    private TextDecoder() {
    }

    public static String decode(byte[] bytes) {
        return decodeDetailed(bytes).text();
    }

    /** The same decoding as {@link #decode}, also telling which charset it used. */
    public static Decoded decodeDetailed(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        if (isAscii(bytes, start)) {
            // what strict UTF-8 gives, without a decoder's char buffer (most configs are plain ASCII)
            return new Decoded(new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1),
                    StandardCharsets.UTF_8, start, true);
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes, start, bytes.length - start);
        for (Charset cs : new Charset[]{StandardCharsets.UTF_8, SHIFT_JIS}) {
            try {
                String text = cs.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(buf.duplicate()).toString();
                return new Decoded(text, cs, start, true);
            } catch (CharacterCodingException e) {
                // try the next charset
            }
        }
        return new Decoded(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8),
                StandardCharsets.UTF_8, start, false);
    }

    private static boolean isAscii(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) if (bytes[i] < 0) return false;
        return true;
    }
}
