package dev.routerls.core.pack;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a table compiled at build time (the YAMAHA command catalog, the MAP-E rules) in the compact form
 * {@link PackedReader} reads at start-up: each distinct string once, then the values as variable-length
 * numbers and string indexes. Reading it makes no JSON tree and no reflection, which on a cold JVM cost
 * more than the lint of a small file. A {@link #startBlock block} is prefixed with its length, so that a
 * reader can step over it and come back to it only when it is needed.
 */
public final class PackedWriter {
    private final String format;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> strings = new ArrayList<>();
    private byte[] body = new byte[4096];
    private int size;

    /** {@code format} names what the data is (and its version); the reader refuses any other. */
    public PackedWriter(String format) {
        this.format = format;
    }

    private void put(int b) {
        if (size == body.length) body = Arrays.copyOf(body, size * 2);
        body[size++] = (byte) b;
    }

    /** A non-negative number in 7-bit groups. */
    public PackedWriter count(int n) {
        if (n < 0) throw new IllegalArgumentException("negative count " + n);
        while (n >= 0x80) {
            put((n & 0x7f) | 0x80);
            n >>>= 7;
        }
        put(n);
        return this;
    }

    public PackedWriter bool(boolean b) {
        return count(b ? 1 : 0);
    }

    /** null, false or true. */
    public PackedWriter optionalBool(Boolean b) {
        return count(b == null ? 0 : b ? 2 : 1);
    }

    public PackedWriter int64(long v) {
        for (int shift = 56; shift >= 0; shift -= 8) put((int) (v >>> shift));
        return this;
    }

    public PackedWriter optionalInt64(Long v) {
        bool(v != null);
        return v == null ? this : int64(v);
    }

    /** A string or null (index 0). */
    public PackedWriter string(String s) {
        if (s == null) return count(0);
        Integer i = index.get(s);
        if (i == null) {
            strings.add(s);
            i = strings.size();
            index.put(s, i);
        }
        return count(i);
    }

    /** A list of strings, or null. */
    public PackedWriter strings(List<String> list) {
        if (list == null) return count(0);
        count(list.size() + 1);
        for (String s : list) string(s);
        return this;
    }

    /** Starts a block: what is written until {@link #endBlock} with the returned mark, preceded by its length. */
    public int startBlock() {
        for (int i = 0; i < 4; i++) put(0);
        return size;
    }

    public PackedWriter endBlock(int mark) {
        int length = size - mark;
        for (int i = 0; i < 4; i++) body[mark - 4 + i] = (byte) (length >>> (24 - 8 * i));
        return this;
    }

    /** The format name, the string table, then the values. */
    public byte[] toByteArray() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(size + strings.size() * 16 + 64);
            DataOutputStream d = new DataOutputStream(out);
            d.writeUTF(format);
            d.writeInt(strings.size());
            for (String s : strings) d.writeUTF(s);
            d.write(body, 0, size);
            d.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
