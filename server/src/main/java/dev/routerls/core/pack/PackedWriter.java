package dev.routerls.core.pack;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a table compiled at build time (the YAMAHA command catalog, the MAP-E rules) in the compact form
 * {@link PackedReader} reads at start-up: each distinct string once, then the values as variable-length
 * numbers and string indexes. Reading it makes no JSON tree and no reflection, which on a cold JVM cost
 * more than the lint of a small file.
 */
public final class PackedWriter {
    private final String format;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> strings = new java.util.ArrayList<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream body = new DataOutputStream(bytes);

    /** {@code format} names what the data is (and its version); the reader refuses any other. */
    public PackedWriter(String format) {
        this.format = format;
    }

    /** A non-negative number in 7-bit groups. */
    public PackedWriter count(int n) {
        if (n < 0) throw new IllegalArgumentException("negative count " + n);
        try {
            while (n >= 0x80) {
                body.writeByte((n & 0x7f) | 0x80);
                n >>>= 7;
            }
            body.writeByte(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        try {
            body.writeLong(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** The format name, the string table, then the values. */
    public byte[] toByteArray() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.size() + strings.size() * 16 + 64);
            DataOutputStream d = new DataOutputStream(out);
            d.writeUTF(format);
            d.writeInt(strings.size());
            for (String s : strings) d.writeUTF(s);
            body.flush();
            bytes.writeTo(d);
            d.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
