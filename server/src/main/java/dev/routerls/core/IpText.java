package dev.routerls.core;

/**
 * The one reader of IPv4 and IPv6 address text, shared by the YAMAHA model, the MAP-E engine and the UCI
 * datatypes. Returns numbers (or a "no" value) instead of throwing, so callers on hot paths pay nothing for
 * text that is not an address; each caller wraps the result in its own type.
 */
public final class IpText {
    private IpText() {
    }

    /**
     * {@code a.b.c.d} with decimal parts 0–255 → the address as an unsigned number, or -1. With
     * {@code noLeadingZeros} a part such as {@code 01} is refused, as {@code inet_pton} (and so OpenWrt's
     * validation) refuses it.
     */
    public static long ipv4(String text, boolean noLeadingZeros) {
        int n = text.length(), part = 0, digits = 0;
        long value = 0, octet = 0;
        for (int i = 0; i <= n; i++) {
            char c = i == n ? '.' : text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > 3 || noLeadingZeros && digits == 2 && octet == 0) return -1;
                octet = octet * 10 + (c - '0');
            } else if (c == '.') {
                if (digits == 0 || octet > 255 || ++part > 4) return -1;
                value = (value << 8) | octet;
                octet = 0;
                digits = 0;
            } else {
                return -1;
            }
        }
        return part == 4 ? value : -1;
    }

    /** The IPv4 netmask of a prefix length 0-32, as an unsigned number. */
    public static long netmask(int length) {
        return length == 0 ? 0 : (0xFFFFFFFFL << (32 - length)) & 0xFFFFFFFFL;
    }

    /** The prefix length of a contiguous IPv4 netmask number, or -1 when the mask is not contiguous. */
    public static int maskLength(long mask) {
        int len = Long.numberOfLeadingZeros(~mask & 0xFFFFFFFFL) - 32;
        return netmask(len) == mask ? len : -1;
    }

    /** An IPv4 address with the prefix length of its network (the host bits are kept). */
    public record Ipv4Net(long address, int length) {
        public boolean contains(long a) {
            long mask = netmask(length);
            return (a & mask) == (address & mask);
        }

        public long network() {
            return address & netmask(length);
        }
    }

    /**
     * {@code a.b.c.d}, {@code a.b.c.d/LEN} or {@code a.b.c.d/MASK} → the address and its prefix length
     * ({@code bareLength} when none is written); null when the text is not one, or {@code bareLength} is -1
     * and none is written.
     */
    public static Ipv4Net ipv4Net(String text, int bareLength) {
        int slash = text.indexOf('/');
        long address = ipv4(slash < 0 ? text : text.substring(0, slash), false);
        int length = slash < 0 ? bareLength : prefixLength(text.substring(slash + 1));
        return address < 0 || length < 0 || length > 32 ? null : new Ipv4Net(address, length);
    }

    /** An IPv4 prefix length written as a number 0-32 or a dotted mask; -1 when it is neither. */
    public static int prefixLength(String text) {
        if (text.indexOf('.') >= 0) {
            long m = ipv4(text, false);
            return m < 0 ? -1 : maskLength(m);
        }
        if (text.isEmpty() || text.length() > 2 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) return -1;
        int n = Integer.parseInt(text);
        return n <= 32 ? n : -1;
    }

    /** An unsigned IPv4 number → {@code a.b.c.d}. */
    public static String ipv4(long value) {
        return ((value >> 24) & 255) + "." + ((value >> 16) & 255) + "." + ((value >> 8) & 255) + "." + (value & 255);
    }

    /**
     * The textual forms of RFC 4291 §2.2 (one {@code ::} at most, 1–4 hex digits per group, an optional
     * trailing dotted IPv4 part; no zone id) → {high 64 bits, low 64 bits}, or null.
     */
    public static long[] ipv6(String text) {
        if (text.isEmpty() || text.length() > 45) return null;
        int dc = text.indexOf("::");
        if (dc >= 0 && text.indexOf("::", dc + 1) >= 0) return null;
        int[] groups = new int[8];
        if (dc >= 0) {
            int[] head = groups(text.substring(0, dc), false);
            int[] tail = groups(text.substring(dc + 2), true);
            if (head == null || tail == null || head.length + tail.length > 7) return null;
            System.arraycopy(head, 0, groups, 0, head.length);
            System.arraycopy(tail, 0, groups, 8 - tail.length, tail.length);
        } else {
            int[] all = groups(text, true);
            if (all == null || all.length != 8) return null;
            groups = all;
        }
        long hi = 0, lo = 0;
        for (int i = 0; i < 4; i++) {
            hi = (hi << 16) | groups[i];
            lo = (lo << 16) | groups[i + 4];
        }
        return new long[] {hi, lo};
    }

    /** Colon-separated hex groups; the last piece may be dotted IPv4 (two groups) when allowed. Null: invalid. */
    private static int[] groups(String part, boolean ipv4Allowed) {
        if (part.isEmpty()) return new int[0];
        String[] pieces = part.split(":", -1);
        int count = pieces.length;
        boolean dotted = ipv4Allowed && pieces[count - 1].indexOf('.') >= 0;
        int[] out = new int[dotted ? count + 1 : count];
        for (int i = 0; i < count; i++) {
            String p = pieces[i];
            if (dotted && i == count - 1) {
                long v4 = ipv4(p, true);
                if (v4 < 0) return null;
                out[i] = (int) (v4 >>> 16);
                out[i + 1] = (int) (v4 & 0xffff);
                break;
            }
            if (p.isEmpty() || p.length() > 4) return null;
            int v = 0;
            for (int j = 0; j < p.length(); j++) {
                int d = Character.digit(p.charAt(j), 16);
                if (d < 0) return null;
                v = (v << 4) | d;
            }
            out[i] = v;
        }
        return out;
    }
}
