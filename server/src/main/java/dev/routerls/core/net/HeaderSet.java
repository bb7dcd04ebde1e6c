package dev.routerls.core.net;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of packets: a union of {@link HeaderBox}es. Answers whether a packet is in it and whether other
 * sets together cover it (by subtracting them box by box).
 */
public record HeaderSet(List<HeaderBox> boxes) {
    /** Subtraction may split boxes; past this many pieces a cover check gives up (answers "not known"). */
    public static final int MAX_PIECES = 20_000;

    public static final HeaderSet EMPTY = new HeaderSet(List.of());

    public HeaderSet {
        boxes = boxes.stream().filter(b -> !b.isEmpty()).toList();
    }

    public static HeaderSet all() {
        return new HeaderSet(List.of(HeaderBox.all()));
    }

    public boolean isEmpty() {
        return boxes.isEmpty();
    }

    public HeaderSet union(HeaderSet o) {
        List<HeaderBox> all = new ArrayList<>(boxes);
        all.addAll(o.boxes);
        return new HeaderSet(all);
    }

    public boolean intersects(HeaderSet o) {
        for (HeaderBox a : boxes) for (HeaderBox b : o.boxes) if (a.intersects(b)) return true;
        return false;
    }

    /**
     * Whether {@code p} is in the set. A port the packet does not give ({@link Packet#NO_PORT}) is inside a
     * box only when the box takes every port.
     */
    public boolean contains(Packet p) {
        int[] point = point(p);
        for (HeaderBox b : boxes) {
            if (portUnknown(p.srcPort()) && !b.full(HeaderBox.SRC_PORT)) continue;
            if (portUnknown(p.dstPort()) && !b.full(HeaderBox.DST_PORT)) continue;
            if (b.contains(point)) return true;
        }
        return false;
    }

    /** Whether {@code p} would be in the set for some value of the ports it does not give. */
    public boolean containsForSomePort(Packet p) {
        int[] point = point(p);
        for (HeaderBox b : boxes) {
            int[] q = point.clone();
            if (portUnknown(p.srcPort())) q[HeaderBox.SRC_PORT] = b.lo()[HeaderBox.SRC_PORT];
            if (portUnknown(p.dstPort())) q[HeaderBox.DST_PORT] = b.lo()[HeaderBox.DST_PORT];
            if (b.contains(q)) return true;
        }
        return false;
    }

    private static boolean portUnknown(int port) {
        return port == Packet.NO_PORT;
    }

    /**
     * True when the union of {@code covers} holds every packet of this set; null when the pieces grew past
     * {@link #MAX_PIECES} before an answer (the caller then reports nothing).
     */
    public Boolean coveredBy(List<HeaderSet> covers) {
        List<HeaderBox> left = new ArrayList<>(boxes);
        for (HeaderSet c : covers) {
            for (HeaderBox cut : c.boxes) {
                List<HeaderBox> next = new ArrayList<>();
                for (HeaderBox b : left) {
                    b.minus(cut, next);
                    if (next.size() > MAX_PIECES) return null;
                }
                left = next;
                if (left.isEmpty()) return true;
            }
        }
        return left.isEmpty();
    }

    /** The point of the header space a packet is. Ports not given count as 0 here (see {@link #contains}). */
    static int[] point(Packet p) {
        int[] x = new int[HeaderBox.DIMENSIONS];
        for (int i = 0; i < 4; i++) {
            x[HeaderBox.SRC + i] = (int) ((p.src() >> (24 - 8 * i)) & 255);
            x[HeaderBox.DST + i] = (int) ((p.dst() >> (24 - 8 * i)) & 255);
        }
        x[HeaderBox.PROTOCOL] = p.protocol() & 255;
        x[HeaderBox.SRC_PORT] = Math.max(0, p.srcPort());
        x[HeaderBox.DST_PORT] = Math.max(0, p.dstPort());
        x[HeaderBox.FLAGS] = p.protocol() == Packet.TCP ? TcpFlags.encode(p.tcpFlags() & TcpFlags.MAX) : 0;
        return x;
    }
}
