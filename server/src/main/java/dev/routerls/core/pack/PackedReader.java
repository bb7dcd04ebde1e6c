package dev.routerls.core.pack;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Reads what {@link PackedWriter} wrote, value by value in the order it was written. */
public final class PackedReader {
    private final String[] strings;
    private final byte[] data;
    private final int limit;
    private int pos;

    private PackedReader(String[] strings, byte[] data, int pos, int limit) {
        this.strings = strings;
        this.data = data;
        this.pos = pos;
        this.limit = limit;
    }

    /** Reads the whole stream; fails unless it holds data of {@code format}. */
    public static PackedReader of(InputStream in, String format) throws IOException {
        byte[] all = in.readAllBytes();
        ByteArrayInputStream bytes = new ByteArrayInputStream(all);
        DataInputStream d = new DataInputStream(bytes);
        String found = d.readUTF();
        if (!found.equals(format)) throw new IOException("packed data is " + found + ", not " + format);
        String[] strings = new String[d.readInt() + 1];
        for (int i = 1; i < strings.length; i++) strings[i] = d.readUTF();
        return new PackedReader(strings, all, all.length - bytes.available(), all.length);
    }

    public int count() {
        int n = 0;
        for (int shift = 0; ; shift += 7) {
            if (pos >= limit) throw new UncheckedIOException(new IOException("packed data ends early"));
            byte b = data[pos++];
            n |= (b & 0x7f) << shift;
            if (b >= 0) return n;
        }
    }

    /**
     * Steps over a block the writer started with {@code startBlock}; returns a reader of it, to be read
     * when (and if) its values are needed. Readers of one pack share its bytes and strings, not positions.
     */
    public PackedReader skipBlock() {
        if (pos + 4 > limit) throw new UncheckedIOException(new IOException("packed data ends early"));
        int length = 0;
        for (int i = 0; i < 4; i++) length = (length << 8) | (data[pos++] & 0xff);
        PackedReader block = new PackedReader(strings, data, pos, pos + length);
        pos += length;
        if (pos > limit) throw new UncheckedIOException(new IOException("packed block runs past the data"));
        return block;
    }

    public boolean bool() {
        return count() != 0;
    }

    public Boolean optionalBool() {
        int v = count();
        return v == 0 ? null : v == 2;
    }

    public long int64() {
        if (pos + 8 > limit) throw new UncheckedIOException(new IOException("packed data ends early"));
        long v = 0;
        for (int i = 0; i < 8; i++) v = (v << 8) | (data[pos++] & 0xff);
        return v;
    }

    public Long optionalInt64() {
        return bool() ? int64() : null;
    }

    public String string() {
        return strings[count()];
    }

    /** An unmodifiable list, or null. */
    public List<String> strings() {
        int n = count();
        if (n == 0) return null;
        String[] out = new String[n - 1];
        for (int i = 0; i < out.length; i++) out[i] = string();
        return List.of(out);
    }

    /** Whether every value (of the block) has been read: a reader that stops early has misread the layout. */
    public boolean atEnd() {
        return pos == limit;
    }
}
