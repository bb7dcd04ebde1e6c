package dev.routerls.core.edit;

import dev.routerls.core.TextDecoder;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A file's bytes together with the text they decode to. Edits are spliced into the original bytes, so
 * every byte outside an edit stays exactly as it was (a byte-order mark, Shift_JIS characters with two
 * encodings, stray terminators); only the inserted text is encoded, in the file's own charset.
 */
public final class EncodedText {
    private final byte[] bytes;
    private final TextDecoder.Decoded decoded;

    private EncodedText(byte[] bytes, TextDecoder.Decoded decoded) {
        this.bytes = bytes;
        this.decoded = decoded;
    }

    public static EncodedText of(byte[] bytes) {
        return new EncodedText(bytes.clone(), TextDecoder.decodeDetailed(bytes));
    }

    public String text() {
        return decoded.text();
    }

    public Charset charset() {
        return decoded.charset();
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** False when the bytes were not valid in any charset we read, so no edit can be written back safely. */
    public boolean writable() {
        return decoded.exact();
    }

    /**
     * The file after {@code edits} (resolved against {@link #text()}).
     *
     * @throws CharacterCodingException when inserted text has characters the file's charset cannot hold
     * @throws IllegalStateException    when the file is not {@link #writable()}
     */
    public EncodedText apply(List<OffsetEdit> edits) throws CharacterCodingException {
        if (!writable()) throw new IllegalStateException("the file is not valid UTF-8 or Shift_JIS");
        int[] byteOffsets = byteOffsets();
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 256);
        int at = 0;
        for (OffsetEdit e : edits) {
            int from = byteOffsets[e.start()];
            out.write(bytes, at, from - at);
            byte[] inserted = encode(e.text());
            out.write(inserted, 0, inserted.length);
            at = byteOffsets[e.end()];
        }
        out.write(bytes, at, bytes.length - at);
        byte[] result = out.toByteArray();
        String expected = DocumentEdits.applyResolved(text(), edits);
        TextDecoder.Decoded again = TextDecoder.decodeDetailed(result);
        if (!again.text().equals(expected) || !again.charset().equals(charset())) {
            // e.g. UTF-8 text added to a pure-ASCII Shift_JIS file would be read back as UTF-8
            throw new CharacterCodingException();
        }
        return new EncodedText(result, again);
    }

    private byte[] encode(String s) throws CharacterCodingException {
        ByteBuffer b = charset().newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(s));
        return Arrays.copyOfRange(b.array(), b.arrayOffset() + b.position(), b.arrayOffset() + b.limit());
    }

    /** byteOffsets[i] = where character i of the text starts in the file (one extra entry for the end). */
    private int[] byteOffsets() {
        String text = text();
        int[] offsets = new int[text.length() + 1];
        int b = decoded.bomLength();
        boolean utf8 = charset().equals(StandardCharsets.UTF_8);
        for (int i = 0; i < text.length(); i++) {
            offsets[i] = b;
            char c = text.charAt(i);
            if (utf8) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    offsets[++i] = b;   // an edit never starts inside a pair; map the low half to the same place
                    b += 4;
                } else {
                    b += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
                }
            } else {
                // Shift_JIS: a lead byte 0x81-0x9F or 0xE0-0xFC starts a two-byte character
                int lead = bytes[b] & 0xff;
                b += lead >= 0x81 && lead <= 0x9F || lead >= 0xE0 && lead <= 0xFC ? 2 : 1;
            }
        }
        offsets[text.length()] = b;
        return offsets;
    }
}
