package dev.routerls.yamaha.model;

import dev.routerls.core.IpText;

/** IPv4 values as unsigned 32-bit numbers held in a long, with the few operations the rules need. */
public final class Ipv4 {
    private Ipv4() {
    }

    /** Dotted quad → number, or -1 when it is not one. Input comes from typed tokens. */
    public static long parse(String dotted) {
        return IpText.ipv4(dotted, false);
    }

    public static String format(long v) {
        return IpText.ipv4(v);
    }

    /** Prefix length of a dotted netmask, or -1 when the mask is not contiguous. */
    public static int maskLength(long mask) {
        return IpText.maskLength(mask);
    }

    /** A prefix length written as a number or a dotted mask; -1 when invalid. */
    public static int prefixLength(String s) {
        return IpText.prefixLength(s);
    }

    /** An inclusive address range. */
    public record Range(long first, long last) {
        public boolean contains(long a) {
            return a >= first && a <= last;
        }

        public boolean overlaps(Range o) {
            return first <= o.last && o.first <= last;
        }

        public long size() {
            return last - first + 1;
        }

        @Override
        public String toString() {
            return first == last ? format(first) : format(first) + "-" + format(last);
        }
    }

    /** A network: address/length, with the network and broadcast numbers. */
    public record Subnet(long network, int length) {
        public static Subnet of(long address, int length) {
            return new Subnet(address & IpText.netmask(length), length);
        }

        public long broadcast() {
            return network + (1L << (32 - length)) - 1;
        }

        public Range range() {
            return new Range(network, broadcast());
        }

        public boolean contains(long a) {
            return a >= network && a <= broadcast();
        }

        public boolean overlaps(Subnet o) {
            return range().overlaps(o.range());
        }

        @Override
        public String toString() {
            return format(network) + "/" + length;
        }
    }

    /** Parses a typed address token: {@code a.b.c.d}, {@code a-b} or {@code a/len}; null when invalid. */
    public static Range parseRange(String text) {
        int dash = text.indexOf('-');
        int slash = text.indexOf('/');
        if (dash > 0) {
            long a = parse(text.substring(0, dash));
            long b = parse(slash > dash ? text.substring(dash + 1, slash) : text.substring(dash + 1));
            return a < 0 || b < 0 || b < a ? null : new Range(a, b);
        }
        if (slash > 0) {
            long a = parse(text.substring(0, slash));
            int len = prefixLength(text.substring(slash + 1));
            return a < 0 || len < 0 ? null : Subnet.of(a, len).range();
        }
        long a = parse(text);
        return a < 0 ? null : new Range(a, a);
    }
}
