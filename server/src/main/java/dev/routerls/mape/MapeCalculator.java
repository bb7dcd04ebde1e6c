package dev.routerls.mape;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 7597 arithmetic: from a Basic Mapping Rule and a delegated prefix to the CE's IPv4 address,
 * PSID, port set and MAP IPv6 address, and back from IPv4 + PSID to the delegated prefix.
 * All methods are pure; impossible inputs raise {@link MapeException} with a readable reason.
 */
public final class MapeCalculator {
    private MapeCalculator() {
    }

    /** Everything a CE derives from {@code rule} and its {@code delegated} prefix. */
    public static MapeResult calculate(MapRule rule, Ipv6Prefix delegated) {
        requireConsistent(rule);
        if (!rule.ip6prefix().contains(delegated)) {
            throw new MapeException(delegated + " is not inside the rule prefix " + rule.ip6prefix());
        }
        if (delegated.length() < rule.endUserPrefixLength()) {
            throw new MapeException(delegated + " is shorter than the /" + rule.endUserPrefixLength()
                    + " the rule needs (/" + rule.ip6prefix().length() + " + " + rule.ealen()
                    + " EA bits), so some EA bits are unknown");
        }
        if (delegated.length() > 64) {
            throw new MapeException(delegated + " is longer than /64 and leaves no room for the MAP interface id");
        }
        long ea = delegated.address().bits(rule.ip6prefix().length(), rule.ealen());
        int k = rule.psidlen();
        int psid = (int) (ea & lowMask(k));
        long suffix = ea >>> k;
        Ipv4Address ipv4 = new Ipv4Address((int) (rule.ip4prefix().address().unsigned() | suffix));
        return new MapeResult(delegated, rule, ea, ipv4, psid, portSet(rule.offset(), k, psid),
                ceAddress(delegated, ipv4, psid, InterfaceIdLayout.of(rule.legacymap())));
    }

    /**
     * The ports of PSID {@code psid}: for each A from 1 (from 0 when offset is 0) to 2^offset − 1,
     * the block {@code A·2^(16−offset) + psid·2^m … + 2^m − 1} with {@code m = 16 − offset − psidlen}.
     * Touching blocks (only possible when psidlen is 0) are merged into one range.
     */
    public static List<PortRange> portSet(int offset, int psidlen, int psid) {
        checkPortParameters(offset, psidlen);
        if (psid < 0 || psid > lowMask(psidlen)) {
            throw new MapeException("PSID " + psid + " does not fit in " + psidlen + " bits");
        }
        int m = 16 - offset - psidlen; // log2 of blockSize
        List<PortRange> out = new ArrayList<>();
        for (int a = offset > 0 ? 1 : 0; a < (1 << offset); a++) {
            int start = (a << (16 - offset)) | (psid << m);
            int end = start + (1 << m) - 1;
            int last = out.size() - 1;
            if (last >= 0 && out.get(last).hi() + 1 == start) {
                out.set(last, new PortRange(out.get(last).lo(), end));
            } else {
                out.add(new PortRange(start, end));
            }
        }
        return out;
    }

    /** The PSID whose blocks contain {@code port} (A=0 ports included; callers check them apart). */
    public static int psidOfPort(int port, int offset, int psidlen) {
        checkPortParameters(offset, psidlen);
        return (int) ((port >>> (16 - offset - psidlen)) & lowMask(psidlen));
    }

    /** Ports in one block of a PSID: {@code 2^(16 − offset − psidlen)}. */
    public static int blockSize(int offset, int psidlen) {
        checkPortParameters(offset, psidlen);
        return 1 << (16 - offset - psidlen);
    }

    /** Distance between a PSID's consecutive blocks: {@code 2^(16 − offset)}. */
    public static int stride(int offset) {
        checkPortParameters(offset, 0);
        return 1 << (16 - offset);
    }

    /** Blocks per PSID: A runs from 1 to 2^offset − 1 (A = 0 is excluded), or one block when offset is 0. */
    public static int blockCount(int offset) {
        checkPortParameters(offset, 0);
        return offset == 0 ? 1 : (1 << offset) - 1;
    }

    /** The value A of {@code port}: its top {@code offset} bits. Ports with A = 0 are kept from sharing. */
    public static int blockIndexOfPort(int port, int offset) {
        return offset == 0 ? 0 : port >>> (16 - offset);
    }

    /**
     * The CE's MAP IPv6 address: the delegated prefix (subnet id 0 up to /64) followed by the
     * interface id holding {@code ipv4} and {@code psid} in the given layout.
     */
    public static Ipv6Address ceAddress(Ipv6Prefix delegated, Ipv4Address ipv4, int psid, InterfaceIdLayout layout) {
        if (delegated.length() > 64) {
            throw new MapeException(delegated + " is longer than /64 and leaves no room for the MAP interface id");
        }
        return layout.encode(delegated.address(), ipv4, psid);
    }

    /**
     * The reverse direction: the delegated prefix (of length ip6prefixlen + ealen) whose EA bits give
     * {@code ipv4} and {@code psid} under {@code rule}.
     */
    public static Ipv6Prefix delegatedPrefix(MapRule rule, Ipv4Address ipv4, int psid) {
        requireConsistent(rule);
        if (!rule.ip4prefix().contains(ipv4)) {
            throw new MapeException(ipv4 + " is not inside the rule's IPv4 prefix " + rule.ip4prefix());
        }
        if (psid < 0 || psid > lowMask(rule.psidlen())) {
            throw new MapeException("PSID " + psid + " does not fit in " + rule.psidlen() + " bits");
        }
        long suffix = ipv4.unsigned() & lowMask(rule.ipv4SuffixLength());
        long ea = (suffix << rule.psidlen()) | psid;
        Ipv6Address a = rule.ip6prefix().address().withBits(rule.ip6prefix().length(), rule.ealen(), ea);
        return new Ipv6Prefix(a, rule.endUserPrefixLength());
    }

    private static void requireConsistent(MapRule rule) {
        rule.inconsistency().ifPresent(why -> {
            throw new MapeException("rule " + rule.ip6prefix() + ": " + why);
        });
    }

    private static void checkPortParameters(int offset, int psidlen) {
        if (offset < 0 || psidlen < 0 || offset + psidlen > 16) {
            throw new MapeException("offset " + offset + " and psidlen " + psidlen + " do not fit in a 16-bit port");
        }
    }

    private static long lowMask(int bits) {
        return bits >= 64 ? -1L : (1L << bits) - 1;
    }
}
