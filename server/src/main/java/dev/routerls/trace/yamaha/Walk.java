package dev.routerls.trace.yamaha;

import dev.routerls.core.SourceRange;
import dev.routerls.core.net.Packet;
import dev.routerls.trace.FilterDecision;
import dev.routerls.trace.NatApplied;
import dev.routerls.trace.TraceStep;
import dev.routerls.yamaha.model.Ipv4;

import java.util.ArrayList;
import java.util.List;

/**
 * The packet as it moves through one YAMAHA trace, and what was recorded on the way. A source or
 * destination the config cannot give (the address PP 1 gets by IPCP …) is held as a name beside the
 * number it replaced.
 */
final class Walk {
    final String uri;
    Packet packet;
    /** Non-null when the source address is a value the config does not give, e.g. {@code ipcp(pp1)}. */
    String srcName;
    /** The source port set after masquerade ({@code LO-HI,…}), or null while the ports are the packet's own. */
    String srcPorts;
    /** True when the destination was taken to be the address an interface gets from its peer (the router's own). */
    boolean dstIsRouterPeerAddress;
    final List<TraceStep> steps = new ArrayList<>();
    final List<NatApplied> nat = new ArrayList<>();
    FilterDecision filter;

    Walk(String uri, Packet packet) {
        this.uri = uri;
        this.packet = packet;
    }

    void step(String kind, SourceRange range, String detail) {
        steps.add(new TraceStep(kind, range == null ? null : uri, range, detail));
    }

    void nat(int descriptor, String kind, SourceRange range) {
        nat.add(new NatApplied(descriptor, kind, uri, range));
    }

    String src() {
        return srcName != null ? srcName : Ipv4.format(packet.src());
    }

    String dst() {
        return Ipv4.format(packet.dst());
    }

    /** The source ports the packet leaves with, as {@code LO-HI}; null when it has none. */
    String srcPortsText() {
        if (srcPorts != null) return srcPorts;
        if (!packet.isTcpOrUdp() || packet.srcPort() == Packet.NO_PORT) return null;
        return packet.srcPort() + "-" + packet.srcPort();
    }
}
