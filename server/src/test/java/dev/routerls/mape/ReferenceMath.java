package dev.routerls.mape;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * An independent statement of RFC 7597 used as the test oracle: addresses go through the JDK's
 * parser into BigInteger, EA bits are cut with shifts, and a port belongs to a PSID when its A is
 * non-zero (offset > 0) and its PSID bits equal the PSID — tested port by port, not with the block
 * formula the production code uses.
 */
final class ReferenceMath {
    private ReferenceMath() {
    }

    record Expected(String ipv4, int psid, List<String> ranges, BigInteger ce) {
    }

    static BigInteger v6(String literal) {
        try {
            byte[] b = InetAddress.getByName(literal).getAddress();
            BigInteger v = new BigInteger(1, b);
            // the JDK turns an IPv4-mapped literal (::ffff:a.b.c.d) into an IPv4 address: put the mapping back
            return b.length == 4 ? BigInteger.valueOf(0xffff).shiftLeft(32).or(v) : v;
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static long v4(String literal) {
        try {
            return new BigInteger(1, InetAddress.getByName(literal).getAddress()).longValueExact();
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** Uncompressed text (eight hex groups) of a 128-bit number; not the JDK's, which prints mapped addresses as IPv4. */
    static String v6Text(BigInteger value) {
        StringBuilder sb = new StringBuilder();
        for (int group = 7; group >= 0; group--) {
            sb.append(value.shiftRight(group * 16).and(BigInteger.valueOf(0xffff)).toString(16));
            if (group > 0) sb.append(':');
        }
        return sb.toString();
    }

    static BigInteger ones(int bits) {
        return BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
    }

    static Expected compute(String rule6, int rule6len, String rule4, int rule4len, int ealen, int psidlen, int offset,
                            boolean legacy, String delegated, int delegatedLen) {
        BigInteger pd = v6(delegated);
        BigInteger ea = pd.shiftRight(128 - rule6len - ealen).and(ones(ealen));
        int psid = ea.and(ones(psidlen)).intValueExact();
        long suffix = ea.shiftRight(psidlen).longValueExact();
        long ipv4 = v4(rule4) + suffix;
        String ipv4Text = (ipv4 >> 24) + "." + ((ipv4 >> 16) & 255) + "." + ((ipv4 >> 8) & 255) + "." + (ipv4 & 255);

        List<String> ranges = new ArrayList<>();
        int runStart = -1;
        for (int port = 0; port <= 65536; port++) {
            boolean member = port <= 65535
                    && (offset == 0 || (port >> (16 - offset)) != 0)
                    && ((port >> (16 - offset - psidlen)) & ((1 << psidlen) - 1)) == psid;
            if (member && runStart < 0) {
                runStart = port;
            } else if (!member && runStart >= 0) {
                ranges.add(runStart + "-" + (port - 1));
                runStart = -1;
            }
        }

        int keep = Math.min(delegatedLen, 64);
        BigInteger prefixPart = pd.shiftRight(128 - keep).shiftLeft(128 - keep);
        BigInteger iid = legacy
                ? BigInteger.valueOf(ipv4).shiftLeft(24).or(BigInteger.valueOf(psid).shiftLeft(8))
                : BigInteger.valueOf(ipv4).shiftLeft(16).or(BigInteger.valueOf(psid));
        return new Expected(ipv4Text, psid, ranges, prefixPart.or(iid));
    }
}
