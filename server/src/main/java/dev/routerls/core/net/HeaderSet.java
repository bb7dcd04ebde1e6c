package dev.routerls.core.net;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of packets: a union of {@link HeaderBox}es. Answers whether a packet is in it and whether other
 * sets together cover it (by subtracting them box by box).
 */
public record HeaderSet(List<HeaderBox> boxes) {
    /**
     * A cover check compares pieces with boxes; past this many comparisons it gives up (answers "not known"),
     * which bounds one check to a few milliseconds whatever the filters.
     */
    public static final int MAX_WORK = 1_000_000;

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
     * The answer of {@link #cover}: whether the covers hold every packet of the set ({@code covered} null when
     * the search gave up), and which of them the proof used (indexes into the covers).
     */
    public record Cover(Boolean covered, java.util.BitSet used) { }

    /** True when the union of {@code covers} holds every packet of this set; null when the search gave up. */
    public Boolean coveredBy(List<HeaderSet> covers) {
        return cover(covers).covered();
    }

    /**
     * Whether the union of {@code covers} holds every packet of this set. Each piece left to cover meets the
     * cover boxes in order: one that holds all of it ends it; none intersecting means a packet no cover holds
     * (the answer is no at once); otherwise the first that meets it is cut out and the rest of the piece goes
     * on from the next box. Gives up
     * after {@link #MAX_WORK} comparisons (then {@code covered} is null and the caller reports nothing).
     */
    public Cover cover(List<HeaderSet> covers) {
        List<HeaderBox> cuts = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int c = 0; c < covers.size(); c++) {
            for (HeaderBox b : covers.get(c).boxes) {
                cuts.add(b);
                owner.add(c);
            }
        }
        java.util.BitSet used = new java.util.BitSet();
        java.util.ArrayDeque<HeaderBox> pieces = new java.util.ArrayDeque<>(boxes);
        java.util.ArrayDeque<Integer> from = new java.util.ArrayDeque<>();
        for (int i = 0; i < boxes.size(); i++) from.push(0);
        long work = 0;
        while (!pieces.isEmpty()) {
            HeaderBox piece = pieces.pop();
            int start = from.pop();
            work += cuts.size() - start + 1;
            if (work > MAX_WORK) return new Cover(null, used);
            // a box that holds the whole piece ends it; otherwise the first that meets it splits it
            int hit = -1, holder = -1;
            for (int i = start; i < cuts.size() && holder < 0; i++) {
                HeaderBox cut = cuts.get(i);
                if (!cut.intersects(piece)) continue;
                if (cut.holds(piece)) holder = i;
                else if (hit < 0) hit = i;
            }
            if (holder >= 0) {
                used.set(owner.get(holder));
                continue;
            }
            if (hit < 0) return new Cover(false, used);
            used.set(owner.get(hit));
            List<HeaderBox> rest = new ArrayList<>();
            piece.minus(cuts.get(hit), rest);
            for (HeaderBox r : rest) {
                pieces.push(r);
                from.push(hit + 1);
            }
        }
        return new Cover(true, used);
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
