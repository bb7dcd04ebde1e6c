package dev.routerls.mape;

/** An inclusive range of TCP/UDP ports, written {@code lo-hi}. Bounds are not checked here so that
 *  {@link PortSetCheck} can report bad input instead of failing on it. */
public record PortRange(int lo, int hi) {

    /** Parses {@code lo-hi} or a single port {@code p}. */
    public static PortRange parse(String text) {
        String t = text.trim();
        int dash = t.indexOf('-', 1);
        try {
            if (dash < 0) {
                int p = Integer.parseInt(t);
                return new PortRange(p, p);
            }
            return new PortRange(Integer.parseInt(t.substring(0, dash)), Integer.parseInt(t.substring(dash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a port range", e);
        }
    }

    /** As {@link #parse}, empty when the text is not a port range (for words of a config, which may be anything). */
    public static java.util.Optional<PortRange> read(String text) {
        try {
            return java.util.Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    public int size() {
        return hi - lo + 1;
    }

    /** True when lo ≤ hi and both are ports (0–65535). */
    public boolean isValid() {
        return lo >= 0 && lo <= hi && hi <= 65535;
    }

    public boolean overlaps(PortRange o) {
        return lo <= o.hi && o.lo <= hi;
    }

    // written out, as in Ipv6Address: a generated record equals links through invokedynamic on first use
    @Override
    public boolean equals(Object o) {
        return o instanceof PortRange r && r.lo == lo && r.hi == hi;
    }

    @Override
    public int hashCode() {
        return lo * 65537 + hi;
    }

    @Override
    public String toString() {
        return lo + "-" + hi;
    }
}
