package dev.routerls.mape;

import java.util.List;

/**
 * What a CE gets from a Basic Mapping Rule and its delegated prefix.
 *
 * @param eaBits    the EA bits of the delegated prefix, right-aligned
 * @param ports     the PSID's port set, as blocks in ascending order
 * @param ce        the CE's MAP IPv6 address (tunnel source), in the layout the rule's legacymap selects
 */
public record MapeResult(Ipv6Prefix delegated, MapRule rule, long eaBits, Ipv4Address ipv4, int psid,
                         List<PortRange> ports, Ipv6Address ce) {

    public MapeResult {
        ports = List.copyOf(ports);
    }

    /** Number of ports the CE may use. */
    public int portCount() {
        return ports.stream().mapToInt(PortRange::size).sum();
    }
}
