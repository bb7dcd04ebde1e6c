package dev.routerls.core.net;

import java.util.Arrays;

/**
 * A box in the packet-header space: one inclusive interval per dimension (source octets 1-4,
 * destination octets 1-4, protocol, source port / ICMP type, destination port / ICMP code, TCP flags).
 * Filter conditions are unions of such boxes, which makes "does one filter match everything another
 * matches" a question of box arithmetic.
 */
public record HeaderBox(int[] lo, int[] hi) {
    public static final int SRC = 0;
    public static final int DST = 4;
    public static final int PROTOCOL = 8;
    public static final int SRC_PORT = 9;
    public static final int DST_PORT = 10;
    public static final int FLAGS = 11;
    public static final int DIMENSIONS = 12;

    /** The largest value of each dimension. */
    static final int[] MAX = {255, 255, 255, 255, 255, 255, 255, 255, 255, 65535, 65535, TcpFlags.MAX};

    public HeaderBox {
        if (lo.length != DIMENSIONS || hi.length != DIMENSIONS) throw new IllegalArgumentException("a header box has " + DIMENSIONS + " dimensions");
    }

    /** Every packet. */
    public static HeaderBox all() {
        int[] lo = new int[DIMENSIONS];
        return new HeaderBox(lo, MAX.clone());
    }

    /** This box with dimension {@code d} narrowed to {@code [from, to]}. */
    public HeaderBox with(int d, int from, int to) {
        int[] l = lo.clone(), h = hi.clone();
        l[d] = from;
        h[d] = to;
        return new HeaderBox(l, h);
    }

    public boolean isEmpty() {
        for (int d = 0; d < DIMENSIONS; d++) if (lo[d] > hi[d]) return true;
        return false;
    }

    public boolean intersects(HeaderBox o) {
        for (int d = 0; d < DIMENSIONS; d++) if (lo[d] > o.hi[d] || o.lo[d] > hi[d]) return false;
        return true;
    }

    /** Whether every point of {@code o} is in this box. */
    public boolean holds(HeaderBox o) {
        for (int d = 0; d < DIMENSIONS; d++) if (o.lo[d] < lo[d] || o.hi[d] > hi[d]) return false;
        return true;
    }

    public boolean contains(int[] point) {
        for (int d = 0; d < DIMENSIONS; d++) if (point[d] < lo[d] || point[d] > hi[d]) return false;
        return true;
    }

    /** True when dimension {@code d} takes every value. */
    public boolean full(int d) {
        return lo[d] == 0 && hi[d] == MAX[d];
    }

    /** What is left of this box after removing {@code cut}: at most two pieces per dimension. */
    public void minus(HeaderBox cut, java.util.List<HeaderBox> out) {
        if (!intersects(cut)) {
            out.add(this);
            return;
        }
        int[] l = lo.clone(), h = hi.clone();
        for (int d = 0; d < DIMENSIONS; d++) {
            if (l[d] < cut.lo[d]) {
                int[] pl = l.clone(), ph = h.clone();
                ph[d] = cut.lo[d] - 1;
                out.add(new HeaderBox(pl, ph));
                l[d] = cut.lo[d];
            }
            if (h[d] > cut.hi[d]) {
                int[] pl = l.clone(), ph = h.clone();
                pl[d] = cut.hi[d] + 1;
                out.add(new HeaderBox(pl, ph));
                h[d] = cut.hi[d];
            }
        }
        // what remains now lies inside cut
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeaderBox b && Arrays.equals(lo, b.lo) && Arrays.equals(hi, b.hi);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lo) + Arrays.hashCode(hi);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("[");
        for (int d = 0; d < DIMENSIONS; d++) {
            if (d > 0) b.append(' ');
            b.append(lo[d]).append(lo[d] == hi[d] ? "" : ".." + hi[d]);
        }
        return b.append(']').toString();
    }
}
