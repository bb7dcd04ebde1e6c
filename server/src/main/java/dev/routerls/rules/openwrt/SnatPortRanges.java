package dev.routerls.rules.openwrt;

import dev.routerls.core.SourceRange;
import dev.routerls.mape.PortRange;
import dev.routerls.openwrt.router.SnatTarget;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct port ranges of a list of SNAT targets, in first-seen order, each with the SNAT
 * arguments that produce it. The same block is usually SNATed once per protocol (tcp, udp, icmp);
 * checking the distinct ranges keeps that from looking like overlapping ranges.
 */
final class SnatPortRanges {
    private final Map<PortRange, List<SnatTarget>> sources = new LinkedHashMap<>();

    SnatPortRanges(List<SnatTarget> targets) {
        for (SnatTarget t : targets) {
            if (!t.known() || t.ports().isEmpty()) continue;
            sources.computeIfAbsent(t.ports().get(), k -> new ArrayList<>()).add(t);
        }
    }

    List<PortRange> ranges() {
        return List.copyOf(sources.keySet());
    }

    boolean isEmpty() {
        return sources.isEmpty();
    }

    /** The targets producing range {@code index} of {@link #ranges()}. */
    List<SnatTarget> sourcesOf(int index) {
        return sources.get(ranges().get(index));
    }

    /** Where the first target is: for findings about the whole set. */
    SnatTarget first() {
        return sources.values().iterator().next().get(0);
    }

    static SourceRange at(SnatTarget t) {
        return t.range();
    }

    static String list(List<PortRange> ranges, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ranges.size() && i < max; i++) {
            if (i > 0) sb.append(", ");
            sb.append(ranges.get(i));
        }
        if (ranges.size() > max) sb.append(", … (").append(ranges.size()).append(" in all)");
        return sb.toString();
    }
}
