package dev.routerls.mape;

import java.util.Optional;

/**
 * Where a MAP-E CE puts its IPv4 address and PSID in the last 64 bits of its IPv6 address.
 * RFC 7597 §6 uses 16 zero bits, the IPv4 address, then the PSID right-aligned in 16 bits. The
 * Japanese services still use the layout of the earlier draft (draft-ietf-softwire-map-03, OpenWrt
 * {@code legacymap '1'}): the same fields 8 bits further left, with 8 zero bits at the end.
 */
public enum InterfaceIdLayout {
    RFC7597(80),
    LEGACY_DRAFT03(72);

    /** Bit position (from the top of the 128-bit address) where the IPv4 address starts. */
    private final int ipv4Bit;

    InterfaceIdLayout(int ipv4Bit) {
        this.ipv4Bit = ipv4Bit;
    }

    public static InterfaceIdLayout of(boolean legacymap) {
        return legacymap ? LEGACY_DRAFT03 : RFC7597;
    }

    /** Writes IPv4 and PSID into the last 64 bits of {@code prefixPart}, clearing the rest of them. */
    public Ipv6Address encode(Ipv6Address prefixPart, Ipv4Address ipv4, int psid) {
        return prefixPart.withBits(64, 64, 0)
                .withBits(ipv4Bit, 32, ipv4.unsigned())
                .withBits(ipv4Bit + 32, 16, psid & 0xffff);
    }

    /** IPv4 and PSID read back from a CE address, or empty when the bits that must be zero are not. */
    public Optional<Decoded> decode(Ipv6Address ce) {
        int zerosBefore = ipv4Bit - 64;
        int zerosAfter = 128 - (ipv4Bit + 48);
        if (ce.bits(64, zerosBefore) != 0 || ce.bits(ipv4Bit + 48, zerosAfter) != 0) {
            return Optional.empty();
        }
        return Optional.of(new Decoded(new Ipv4Address((int) ce.bits(ipv4Bit, 32)),
                (int) ce.bits(ipv4Bit + 32, 16)));
    }

    /** The IPv4 address and the 16-bit PSID field found in an interface id. */
    public record Decoded(Ipv4Address ipv4, int psid) {
    }
}
