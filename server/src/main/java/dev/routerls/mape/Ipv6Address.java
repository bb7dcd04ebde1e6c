package dev.routerls.mape;

import dev.routerls.core.IpText;

import java.util.Locale;

/**
 * A 128-bit IPv6 address held as two longs, with RFC 4291 text parsing and RFC 5952 canonical
 * (compressed, lowercase) formatting. Bit positions count from 0 at the most significant bit, the
 * way RFC 7597 describes prefixes and EA bits.
 */
public record Ipv6Address(long high, long low) {

    /** Parses the textual forms of RFC 4291 §2.2, including a trailing dotted IPv4 part; no zone ids. */
    public static Ipv6Address parse(String text) {
        long[] v = IpText.ipv6(text.trim());
        if (v == null) throw notAddress(text);
        return new Ipv6Address(v[0], v[1]);
    }

    private static IllegalArgumentException notAddress(String text) {
        return new IllegalArgumentException("'" + text + "' is not an IPv6 address");
    }

    /** The 16-bit group {@code i} (0–7). */
    public int group(int i) {
        long word = i < 4 ? high : low;
        return (int) ((word >>> (16 * (3 - (i & 3)))) & 0xffff);
    }

    /** {@code count} (0–64) bits starting at bit {@code start}, right-aligned. */
    public long bits(int start, int count) {
        checkSpan(start, count);
        if (count == 0) {
            return 0;
        }
        int shift = 128 - start - count;
        long v;
        if (shift >= 64) {
            v = high >>> (shift - 64);
        } else if (shift == 0) {
            v = low;
        } else {
            v = (low >>> shift) | (high << (64 - shift));
        }
        return count == 64 ? v : v & ((1L << count) - 1);
    }

    /** A copy with the {@code count} (0–64) bits at {@code start} replaced by the low bits of {@code value}. */
    public Ipv6Address withBits(int start, int count, long value) {
        checkSpan(start, count);
        if (count == 0) {
            return this;
        }
        long mask = count == 64 ? -1L : (1L << count) - 1;
        int shift = 128 - start - count;
        long[] m = shiftLeft(mask, shift);
        long[] v = shiftLeft(value & mask, shift);
        return new Ipv6Address((high & ~m[0]) | v[0], (low & ~m[1]) | v[1]);
    }

    /** The address with every bit from {@code length} on cleared. */
    public Ipv6Address masked(int length) {
        if (length < 0 || length > 128) {
            throw new IllegalArgumentException("IPv6 prefix length must be 0-128, not " + length);
        }
        long hm = length >= 64 ? -1L : length == 0 ? 0 : -1L << (64 - length);
        long lm = length <= 64 ? 0 : length == 128 ? -1L : -1L << (128 - length);
        return new Ipv6Address(high & hm, low & lm);
    }

    private static long[] shiftLeft(long v, int shift) {
        if (shift >= 64) {
            return new long[] {v << (shift - 64), 0};
        }
        if (shift == 0) {
            return new long[] {0, v};
        }
        return new long[] {v >>> (64 - shift), v << shift};
    }

    private static void checkSpan(int start, int count) {
        if (start < 0 || count < 0 || count > 64 || start + count > 128) {
            throw new IllegalArgumentException("bit span " + start + "+" + count + " is outside an IPv6 address");
        }
    }

    // Written out rather than generated: a record's generated equals and hashCode link through invokedynamic
    // on first use, which cost a cold CLI run more than hashing the 690 rules of the MAP-E table.
    @Override
    public boolean equals(Object o) {
        return o instanceof Ipv6Address a && a.high == high && a.low == low;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(high) * 31 + Long.hashCode(low);
    }

    /** RFC 5952 text: lowercase, no leading zeros, the longest run (≥ 2) of zero groups as {@code ::}. */
    @Override
    public String toString() {
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (group(i) != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && group(j) == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(group(i)).toLowerCase(Locale.ROOT));
        }
        return sb.toString();
    }
}
