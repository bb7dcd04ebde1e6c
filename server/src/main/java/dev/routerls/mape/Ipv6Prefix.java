package dev.routerls.mape;

/** An IPv6 prefix; the address is always stored with its host bits cleared. */
public record Ipv6Prefix(Ipv6Address address, int length) {

    public Ipv6Prefix {
        if (length < 0 || length > 128) {
            throw new IllegalArgumentException("IPv6 prefix length must be 0-128, not " + length);
        }
        address = address.masked(length);
    }

    /** Parses {@code address/len}; host bits are cleared (a pasted WAN address/64 gives its /64). */
    public static Ipv6Prefix parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + text + "' has no /length");
        }
        return new Ipv6Prefix(Ipv6Address.parse(text.substring(0, slash)),
                PrefixLengths.parse(text.substring(slash + 1), 128, text));
    }

    /** True when {@code other} is this prefix or a longer prefix inside it. */
    public boolean contains(Ipv6Prefix other) {
        return other.length >= length && other.address.masked(length).equals(address);
    }

    public boolean contains(Ipv6Address a) {
        return a.masked(length).equals(address);
    }

    // written out, as in Ipv6Address: a generated record equals links through invokedynamic on first use
    @Override
    public boolean equals(Object o) {
        return o instanceof Ipv6Prefix p && p.length == length && p.address.equals(address);
    }

    @Override
    public int hashCode() {
        return address.hashCode() * 31 + length;
    }

    @Override
    public String toString() {
        return address + "/" + length;
    }
}
