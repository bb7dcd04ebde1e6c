package dev.routerls.openwrt.uci;

import dev.routerls.core.LineIndex;
import dev.routerls.core.SourceRange;
import dev.routerls.core.TextDecoder;
import dev.routerls.core.TextEncoding;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;

/**
 * A UCI file seen twice: as the bytes libuci reads and as the text an editor shows. libuci works on
 * bytes (the second byte of a Shift_JIS character can be a backslash to it, a byte-order mark is three
 * ordinary bytes), while every range routerls reports is in the decoded text. This class keeps both and
 * maps byte offsets to text offsets and to editor line/column positions.
 */
public final class UciSource {
    private final byte[] bytes;
    private final String text;
    private final Charset charset;
    /** For each byte offset (and the end), the text offset of the character that starts there or holds it. */
    private final int[] textOffset;
    /** True where a character starts (or at the end): a range ending mid-character is widened to the next one. */
    private final boolean[] boundary;
    private final LineIndex lines;

    private UciSource(byte[] bytes, String text, Charset charset, int[] textOffset, boolean[] boundary) {
        this.bytes = bytes;
        this.text = text;
        this.charset = charset;
        this.textOffset = textOffset;
        this.boundary = boundary;
        this.lines = new LineIndex(text);
    }

    /** Text from an editor: the bytes are its UTF-8 encoding. */
    public static UciSource of(String text) {
        return of(text, TextEncoding.UTF_8);
    }

    /** Text that was decoded from a file stored as {@code encoding}: the bytes are the text encoded back. */
    public static UciSource of(String text, TextEncoding encoding) {
        Charset cs = encoding.charset();
        CharsetEncoder enc = cs.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        int bom = encoding.byteOrderMark() ? 3 : 0;
        ByteBuffer out = ByteBuffer.allocate(bom + text.length() + 16);
        int[] offsets = new int[out.capacity() + 1];
        boolean[] starts = new boolean[out.capacity() + 1];
        if (bom > 0) out.put((byte) 0xEF).put((byte) 0xBB).put((byte) 0xBF);
        starts[0] = true;
        CharBuffer in = CharBuffer.wrap(text);
        int perChar = (int) Math.ceil(enc.maxBytesPerChar()) * 2 + 1;
        while (in.hasRemaining()) {
            if (out.remaining() < perChar) {
                // grow by half: most text is ASCII, so one byte per character is the usual size
                int size = out.capacity() + Math.max(perChar, out.capacity() / 2);
                out = ByteBuffer.allocate(size).put(out.flip());
                offsets = Arrays.copyOf(offsets, size + 1);
                starts = Arrays.copyOf(starts, size + 1);
            }
            int charAt = in.position();
            int byteAt = out.position();
            int cp = text.codePointAt(charAt);
            in.limit(charAt + Character.charCount(cp));
            enc.encode(in, out, false);
            if (in.position() == charAt) {   // a lone surrogate the encoder waits on: take it as unmappable
                out.put((byte) '?');
                in.position(charAt + 1);
            }
            in.limit(text.length());
            for (int b = byteAt; b < out.position(); b++) offsets[b] = charAt;
            starts[byteAt] = true;
        }
        int n = out.position();
        offsets[n] = text.length();
        starts[n] = true;
        return new UciSource(Arrays.copyOf(out.array(), n), text, cs, Arrays.copyOf(offsets, n + 1),
                Arrays.copyOf(starts, n + 1));
    }

    /**
     * A file's bytes, decoded as {@link TextDecoder} decodes every file (so the text and its positions
     * are those the editor and the other readers see).
     */
    public static UciSource fromBytes(byte[] bytes) {
        TextDecoder.Decoded decoded = TextDecoder.decodeDetailed(bytes);
        CharsetDecoder dec = decoded.charset().newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        int start = decoded.bomLength();
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        StringBuilder text = new StringBuilder(bytes.length);
        int[] offsets = new int[bytes.length + 1];
        boolean[] starts = new boolean[bytes.length + 1];
        starts[0] = true;
        CharBuffer out = CharBuffer.allocate(2);
        boolean flushed = false;
        while (in.hasRemaining() || !flushed) {
            int byteAt = in.position();
            out.clear().limit(1);
            CoderResult r = dec.decode(in, out, true);
            if (out.position() == 0 && r.isOverflow()) {   // a character outside the BMP needs two chars
                out.limit(2);
                dec.decode(in, out, true);
            }
            if (!in.hasRemaining() && out.position() == 0) {
                out.clear();
                dec.flush(out);
                flushed = true;
            }
            out.flip();
            for (int b = byteAt; b < in.position(); b++) offsets[b] = text.length();
            if (in.position() > byteAt) starts[byteAt] = true;
            text.append(out);
        }
        offsets[bytes.length] = text.length();
        starts[bytes.length] = true;
        if (!text.toString().equals(decoded.text())) {
            // not expected: the same decoder ran on the same bytes; keep the shared text authoritative
            return of(decoded.text(), decoded.encoding());
        }
        return new UciSource(bytes.clone(), decoded.text(), decoded.charset(), offsets, starts);
    }

    public String text() {
        return text;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return bytes.length;
    }

    /** The text a run of bytes stands for, in the file's charset (undecodable bytes become U+FFFD). */
    String decode(byte[] value) {
        return new String(value, charset);
    }

    /** Text offset where the byte at {@code byteOffset} starts. */
    int textStart(int byteOffset) {
        return textOffset[clamp(byteOffset)];
    }

    /** Text offset where a byte range ending (exclusive) at {@code byteOffset} ends: after the whole character. */
    int textEnd(int byteOffset) {
        int b = clamp(byteOffset);
        while (!boundary[b]) b++;
        return textOffset[b];
    }

    /** The editor range of the bytes [start, end). */
    public SourceRange range(int startByte, int endByte) {
        int s = textStart(startByte);
        int e = Math.max(s, textEnd(Math.max(startByte, endByte)));
        return textRange(s, e);
    }

    /** The editor range of the text offsets [start, end). */
    SourceRange textRange(int start, int end) {
        return lines.range(start, end);
    }

    /** The byte offset of an editor position (the first byte of the character there). */
    public int byteOffset(int line, int column) {
        int l = Math.max(0, Math.min(line, lines.lineCount() - 1));
        int t = Math.min(text.length(), lines.lineStartOffset(l) + Math.max(0, column));
        int i = Arrays.binarySearch(textOffset, t);
        if (i < 0) return Math.min(bytes.length, -i - 1);
        while (i > 0 && textOffset[i - 1] == t) i--;
        return i;
    }

    private int clamp(int b) {
        return Math.max(0, Math.min(b, bytes.length));
    }
}
