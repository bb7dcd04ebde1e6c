package dev.routerls.trace.openwrt;

import dev.routerls.core.SourceRange;
import dev.routerls.core.net.Packet;
import dev.routerls.trace.NatApplied;
import dev.routerls.trace.TraceStep;

import java.util.ArrayList;
import java.util.List;

/**
 * One way the packet can go through the netfilter hooks. A random {@code statistic} or {@code numgen}
 * splits a way in two, so a trace may end with several, each with its probability; an nth one decides
 * from the connection number and does not split.
 */
final class Branch {
    double probability;
    Packet packet;
    long mark;
    /** The source after source NAT, as text (an address, or a value the config does not give); null before. */
    String src;
    /** The source port set after source NAT ({@code LO-HI}); null when NAT leaves the ports alone. */
    String srcPorts;
    boolean natDone;
    /** The hook ended for this way (a NAT target or ACCEPT): later rules of the hook's chains do not run. */
    boolean hookDone;
    /** A RETURN left the chain being run (the caller's chain carries on with this way). */
    boolean returnedFrom;
    final List<NatApplied> nat = new ArrayList<>();
    final List<TraceStep> steps = new ArrayList<>();

    Branch(double probability, Packet packet) {
        this.probability = probability;
        this.packet = packet;
    }

    Branch split(double share) {
        Branch b = new Branch(probability * share, packet);
        b.mark = mark;
        b.src = src;
        b.srcPorts = srcPorts;
        b.natDone = natDone;
        b.hookDone = hookDone;
        b.nat.addAll(nat);
        b.steps.addAll(steps);
        return b;
    }

    void step(String kind, String uri, SourceRange range, String detail) {
        steps.add(new TraceStep(kind, range == null ? null : uri, range, detail));
    }

    /** What later rules can tell apart: the packet, mark and translation so far. */
    String state() {
        return packet + " " + mark + " " + natDone + " " + src + " " + srcPorts + " " + hookDone;
    }

    /** Takes over another way in the same state: its probability adds to this one's. */
    void absorb(Branch other) {
        probability += other.probability;
    }
}
