package dev.routerls.mape;

import java.util.Optional;

/**
 * A MAP-E Basic Mapping Rule (RFC 7597 §5): rule IPv6 prefix, rule IPv4 prefix, EA-bits length,
 * PSID length and PSID offset, plus the border relay address and whether the CE interface id uses
 * the legacy (draft-03) layout. Field names follow OpenWrt's {@code proto 'map'} options.
 *
 * <p>The constructor only checks that each number is in range; whether the numbers fit together
 * is answered by {@link #inconsistency()}, so that a linter can hold (and report on) a bad rule.
 *
 * @param isp       service name ("v6plus", "OCN", "BIGLOBE") or null for a rule given by hand
 * @param br        border relay (OpenWrt {@code peeraddr}) or null when unknown
 */
public record MapRule(String isp, Ipv6Prefix ip6prefix, Ipv4Prefix ip4prefix, int ealen, int psidlen,
                      int offset, Ipv6Address br, boolean legacymap) {

    public MapRule {
        if (ealen < 0 || ealen > 48) {
            throw new IllegalArgumentException("ealen must be 0-48, not " + ealen);
        }
        if (psidlen < 0 || psidlen > 16) {
            throw new IllegalArgumentException("psidlen must be 0-16, not " + psidlen);
        }
        if (offset < 0 || offset > 16) {
            throw new IllegalArgumentException("offset must be 0-16, not " + offset);
        }
    }

    /** A rule whose PSID length is what the EA bits leave after the IPv4 suffix. */
    public static MapRule withDerivedPsidLength(String isp, Ipv6Prefix ip6prefix, Ipv4Prefix ip4prefix, int ealen,
                                                int offset, Ipv6Address br, boolean legacymap) {
        int psidlen = Math.max(0, ealen - (32 - ip4prefix.length()));
        return new MapRule(isp, ip6prefix, ip4prefix, ealen, psidlen, offset, br, legacymap);
    }

    /** Number of EA bits that complete the IPv4 address: {@code 32 - ip4prefixlen}. */
    public int ipv4SuffixLength() {
        return 32 - ip4prefix.length();
    }

    /** {@code ealen - (32 - ip4prefixlen)}: the PSID length the EA bits imply. */
    public int impliedPsidLength() {
        return ealen - ipv4SuffixLength();
    }

    /** {@code ip6prefixlen + ealen}: the shortest delegated prefix that carries every EA bit. */
    public int endUserPrefixLength() {
        return ip6prefix.length() + ealen;
    }

    /** Ports per block, {@code 2^(16 - offset - psidlen)}. */
    public int portsPerBlock() {
        return MapeCalculator.blockSize(offset, psidlen);
    }

    /**
     * Why these numbers cannot describe a working rule, or empty when they can. Checks RFC 7597's
     * constraints: the EA bits must cover the IPv4 suffix, the PSID they leave must equal psidlen,
     * offset + psidlen must fit in 16 bits, and rule prefix + EA bits must fit in the first 64 bits.
     */
    public Optional<String> inconsistency() {
        if (offset + psidlen > 16) {
            return Optional.of("offset " + offset + " + psidlen " + psidlen + " exceeds the 16 bits of a port");
        }
        if (ealen < ipv4SuffixLength()) {
            return Optional.of("ealen " + ealen + " is shorter than the " + ipv4SuffixLength()
                    + " bits the IPv4 prefix /" + ip4prefix.length() + " leaves to fill");
        }
        if (impliedPsidLength() != psidlen) {
            return Optional.of("ealen " + ealen + " - (32 - " + ip4prefix.length() + ") = " + impliedPsidLength()
                    + " PSID bits, but psidlen is " + psidlen);
        }
        if (endUserPrefixLength() > 64) {
            return Optional.of("rule prefix /" + ip6prefix.length() + " + ealen " + ealen + " = /"
                    + endUserPrefixLength() + " runs past the 64-bit prefix part of an address");
        }
        return Optional.empty();
    }
}
