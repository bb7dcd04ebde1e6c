package dev.routerls.mape;

/** An IPv4 address as its 32 bits; dotted-quad text in and out. */
public record Ipv4Address(int value) {

    /** Parses {@code a.b.c.d} with decimal parts 0–255. */
    public static Ipv4Address parse(String text) {
        String[] parts = text.trim().split("\\.", -1);
        if (parts.length != 4) {
            throw notAddress(text);
        }
        int v = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw notAddress(text);
            }
            int octet = Integer.parseInt(p);
            if (octet > 255) {
                throw notAddress(text);
            }
            v = (v << 8) | octet;
        }
        return new Ipv4Address(v);
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

    @Override
    public String toString() {
        return (value >>> 24) + "." + ((value >>> 16) & 0xff) + "." + ((value >>> 8) & 0xff) + "." + (value & 0xff);
    }
}
