package dev.routerls.core.net;

/**
 * The TCP flags dimension of the header space. The twelve flag bits of the TCP header are stored in an
 * order that puts the flags filters test most (ACK, SYN, FIN, RST) first, so "ACK set" is one interval
 * and "SYN set" two, instead of hundreds of scattered values.
 */
public final class TcpFlags {
    private TcpFlags() {
    }

    public static final int MAX = 0xFFF;

    /** Header bit of each dimension bit, most significant first: ACK, SYN, FIN, RST, PSH, URG, ECE, CWR, NS, reserved. */
    private static final int[] ORDER = {0x010, 0x002, 0x001, 0x004, 0x008, 0x020, 0x040, 0x080, 0x100, 0x200, 0x400, 0x800};

    /** The dimension value of header flags {@code raw} (the low twelve bits of the TCP header's flags word). */
    public static int encode(int raw) {
        int v = 0;
        for (int i = 0; i < ORDER.length; i++) if ((raw & ORDER[i]) != 0) v |= 1 << (ORDER.length - 1 - i);
        return v;
    }

    /** The header flags of a dimension value. */
    public static int decode(int value) {
        int raw = 0;
        for (int i = 0; i < ORDER.length; i++) if ((value & (1 << (ORDER.length - 1 - i))) != 0) raw |= ORDER[i];
        return raw;
    }

    /**
     * The dimension values whose header flags satisfy {@code (flags & mask) == value} (or {@code !=} when
     * {@code equal} is false), as sorted inclusive intervals {@code [lo, hi]}.
     */
    public static java.util.List<int[]> intervals(int value, int mask, boolean equal) {
        java.util.List<int[]> out = new java.util.ArrayList<>();
        int start = -1;
        for (int v = 0; v <= MAX + 1; v++) {
            boolean in = v <= MAX && (((decode(v) & mask) == value) == equal);
            if (in && start < 0) start = v;
            if (!in && start >= 0) {
                out.add(new int[]{start, v - 1});
                start = -1;
            }
        }
        return out;
    }
}
