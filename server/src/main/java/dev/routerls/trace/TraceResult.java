package dev.routerls.trace;

import java.util.List;

/**
 * The outcome of one trace. {@code src}, {@code dst} are the addresses the packet has when it leaves
 * (or when it stops); a value the config cannot give is written as what it is, e.g. {@code ipcp(pp1)} for
 * the address PP 1 gets from its peer, {@code dhcp(lan2)} for a DHCP lease. {@code srcPorts} is the source
 * port set after NAT ({@code LO-HI}, comma-separated when a masquerade may use several ranges), or null when
 * the packet has no port. {@code egress} is the interface (YAMAHA) or device (OpenWrt) it leaves by.
 */
public record TraceResult(Disposition disposition, String egress, String src, String srcPorts, String dst,
                          List<NatApplied> nat, FilterDecision filter, List<TraceStep> steps) {
    public TraceResult {
        nat = List.copyOf(nat);
        steps = List.copyOf(steps);
    }
}
