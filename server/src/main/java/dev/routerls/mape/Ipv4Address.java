package dev.routerls.mape;

import dev.routerls.core.IpText;

/** An IPv4 address as its 32 bits; dotted-quad text in and out. */
public record Ipv4Address(int value) {

    /** Parses {@code a.b.c.d} with decimal parts 0–255. */
    public static Ipv4Address parse(String text) {
        long v = IpText.ipv4(text.trim(), false);
        if (v < 0) throw notAddress(text);
        return new Ipv4Address((int) v);
    }

    private static IllegalArgumentException notAddress(String text) {
        return new IllegalArgumentException("'" + text + "' is not an IPv4 address");
    }

    /** The address as an unsigned number. */
    public long unsigned() {
        return value & 0xffffffffL;
    }

    /** The address with every bit from {@code length} on cleared. */
    public Ipv4Address masked(int length) {
        if (length < 0 || length > 32) {
            throw new IllegalArgumentException("IPv4 prefix length must be 0-32, not " + length);
        }
        return new Ipv4Address(length == 0 ? 0 : value & (-1 << (32 - length)));
    }

    // written out, as in Ipv6Address: a generated record equals links through invokedynamic on first use
    @Override
    public boolean equals(Object o) {
        return o instanceof Ipv4Address a && a.value == value;
    }

    @Override
    public int hashCode() {
        return value;
    }

    @Override
    public String toString() {
        return (value >>> 24) + "." + ((value >>> 16) & 0xff) + "." + ((value >>> 8) & 0xff) + "." + (value & 0xff);
    }
}
