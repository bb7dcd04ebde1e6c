package dev.routerls.mape;

/** An IPv4 prefix; the address is always stored with its host bits cleared. */
public record Ipv4Prefix(Ipv4Address address, int length) {

    public Ipv4Prefix {
        if (length < 0 || length > 32) {
            throw new IllegalArgumentException("IPv4 prefix length must be 0-32, not " + length);
        }
        address = address.masked(length);
    }

    /** Parses {@code a.b.c.d/len}; host bits are cleared. */
    public static Ipv4Prefix parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + text + "' has no /length");
        }
        return new Ipv4Prefix(Ipv4Address.parse(text.substring(0, slash)),
                PrefixLengths.parse(text.substring(slash + 1), 32, text));
    }

    public boolean contains(Ipv4Address a) {
        return a.masked(length).equals(address);
    }

    // written out, as in Ipv6Address: a generated record equals links through invokedynamic on first use
    @Override
    public boolean equals(Object o) {
        return o instanceof Ipv4Prefix p && p.length == length && p.address.value() == address.value();
    }

    @Override
    public int hashCode() {
        return address.value() * 31 + length;
    }

    @Override
    public String toString() {
        return address + "/" + length;
    }
}
