package dev.routerls.yamaha.model;

/**
 * Which block a line belongs to: the PP selected with {@code pp select} ("1", "anonymous") or the tunnel
 * selected with {@code tunnel select}; at most one is set. {@link #NONE} is the global level.
 */
public record SelectContext(String pp, Integer tunnel) {
    public static final SelectContext NONE = new SelectContext(null, null);

    public boolean isNone() {
        return pp == null && tunnel == null;
    }

    @Override
    public String toString() {
        if (pp != null) return "pp " + pp;
        if (tunnel != null) return "tunnel " + tunnel;
        return "global";
    }
}
