package dev.routerls.trace;

import java.util.Locale;

/** What finally happens to a traced packet. */
public enum Disposition {
    /** It leaves the router through {@link TraceResult#egress()}. */
    FORWARDED,
    /** It is for the router itself. */
    DELIVERED,
    /** A filter or firewall rule (or the end of a filter list) refuses it. */
    DENIED,
    /** Routing or NAT discards it: no route, the null interface, an unmatched packet a descriptor rejects. */
    DROPPED;

    /** The lower-case name used in JSON and text. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
