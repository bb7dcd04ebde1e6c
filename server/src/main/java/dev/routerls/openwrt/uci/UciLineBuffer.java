package dev.routerls.openwrt.uci;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The line buffer libuci parses in, filled the way libuci fills it: with {@code fgets} into a buffer that
 * starts at 32 bytes and doubles whenever a line does not fit. That reading has visible effects the
 * parser inherits: a NUL byte ends the C string, so the rest of what one {@code fgets} call read is lost
 * (normally the rest of the line with its LF, whose line is then not counted) and the next read is
 * appended in its place; a line counts only once its LF has been read.
 *
 * <p>Quotes and backslash continuations pull further lines into the same buffer, so the buffer holds one
 * logical line. The parser edits the buffer in place (it writes the unquoted value over the quoted text
 * and ends strings with NUL bytes), which is why the buffer is exposed byte by byte. For every buffer
 * position the file offset it was read from is kept, so that findings point at the file.
 */
final class UciLineBuffer {
    private static final int FIRST_SIZE = 32;

    private final byte[] in;
    private int inPos;
    private boolean eof;
    /** The capacity libuci's buffer would have: it decides where a long line is split between reads. */
    private int capacity;
    private byte[] buf = new byte[64];
    private int[] src = new int[64];
    private int filled;
    /** Where NUL bytes cut reads short: file offsets [start, end) that libuci never sees, by start. */
    private final Map<Integer, Integer> hidden = new TreeMap<>();

    UciLineBuffer(byte[] in) {
        this.in = in;
    }

    boolean atEof() {
        return eof;
    }

    /**
     * Reads the next line into the buffer at {@code offset} (0 for a new line, the parse position when a
     * quote or continuation needs more). At the end of the file nothing is read and the buffer ends at
     * {@code offset}.
     */
    void readLine(int offset) {
        if (capacity == 0) capacity = FIRST_SIZE;
        if (offset >= capacity - 1) capacity *= 2;
        int at = offset;
        while (true) {
            ensure(at + 1);
            buf[at] = 0;
            src[at] = inPos;
            if (inPos >= in.length) {
                eof = true;
                return;
            }
            // one fgets call: at most capacity - at - 1 bytes, up to and including an LF
            int max = capacity - at - 1;
            int start = inPos;
            int n = 0;
            boolean sawLf = false;
            while (n < max && inPos < in.length) {
                byte b = in[inPos++];
                n++;
                if (b == '\n') {
                    sawLf = true;
                    break;
                }
            }
            if (!sawLf && n < max) eof = true;
            int len = 0;
            while (len < n && in[start + len] != 0) len++;
            ensure(at + len + 1);
            for (int i = 0; i < len; i++) {
                buf[at + i] = in[start + i];
                src[at + i] = start + i;
            }
            buf[at + len] = 0;
            src[at + len] = start + len;
            if (len < n) hidden.put(start + len, start + n);   // a line read again after an open quote counts once
            if (len == 0) return;
            at += len;
            filled = at;
            if (buf[at - 1] == '\n') return;
            capacity *= 2;
        }
    }

    /** Forgets the rest of the file up to {@code fileOffset} and goes on reading from there. */
    void continueAt(int fileOffset) {
        inPos = Math.min(Math.max(fileOffset, 0), in.length);
        eof = false;
    }

    /** The file offset just after the first LF at or after {@code fileOffset} (the file length if none). */
    int nextLineStart(int fileOffset) {
        for (int i = Math.max(fileOffset, 0); i < in.length; i++) {
            if (in[i] == '\n') return i + 1;
        }
        return in.length;
    }

    byte at(int i) {
        return i < buf.length ? buf[i] : 0;
    }

    void set(int i, byte b) {
        ensure(i + 1);
        buf[i] = b;
    }

    /** Length of the C string that starts at {@code i}. */
    int strlen(int i) {
        int j = i;
        while (at(j) != 0) j++;
        return j - i;
    }

    /** End of what the reads so far put in the buffer. */
    int filled() {
        return filled;
    }

    /** The file offset the byte at buffer position {@code i} was read from. */
    int fileOffset(int i) {
        return src[Math.max(0, Math.min(i, src.length - 1))];
    }

    /** The bytes of the C string at {@code i}. */
    byte[] string(int i) {
        return Arrays.copyOfRange(buf, i, i + strlen(i));
    }

    /** The spans a NUL byte hid, as file offsets [start, end), in file order. */
    List<int[]> hiddenByNul() {
        List<int[]> out = new ArrayList<>();
        hidden.forEach((start, end) -> out.add(new int[]{start, end}));
        return out;
    }

    private void ensure(int size) {
        if (size <= buf.length) return;
        int n = Math.max(size, buf.length * 2);
        buf = Arrays.copyOf(buf, n);
        src = Arrays.copyOf(src, n);
    }
}
