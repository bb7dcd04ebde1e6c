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
    private static final Charset SJIS = Charset.forName("windows-31j");

    private TextDecoder() {
    }

    public static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        ByteBuffer buf = ByteBuffer.wrap(bytes, start, bytes.length - start);
        for (Charset cs : new Charset[]{StandardCharsets.UTF_8, SJIS}) {
            try {
                return cs.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(buf.duplicate()).toString();
            } catch (CharacterCodingException e) {
                // try the next charset
            }
        }
        return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    }
}
