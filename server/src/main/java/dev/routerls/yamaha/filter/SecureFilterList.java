package dev.routerls.yamaha.filter;

import dev.routerls.core.SourceRange;

import java.util.List;

/**
 * {@code ip IF secure filter in|out N … [dynamic N …]}: the filters an interface checks, in order, for the
 * packets it receives ({@code in}) or sends ({@code out}). The first static filter that matches decides;
 * a packet that matches none is discarded (8.1.25). {@code iface} is the model's interface key
 * ({@code lan1}, {@code pp 1}, {@code pp anonymous}, {@code tunnel 2}).
 */
public record SecureFilterList(String iface, boolean in, List<FilterRef> filters, List<FilterRef> dynamics,
                               SourceRange range) {

    /** A filter number in the list and where it is written. */
    public record FilterRef(int id, SourceRange range) { }

    public SecureFilterList {
        filters = List.copyOf(filters);
        dynamics = List.copyOf(dynamics);
    }

    public String direction() {
        return in ? "in" : "out";
    }
}
