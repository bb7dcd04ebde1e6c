package dev.routerls.trace.yamaha;

import dev.routerls.core.net.Packet;
import dev.routerls.yamaha.filter.FilterCondition;
import dev.routerls.yamaha.filter.IpFilter;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks filters in list order against a packet, as a secure filter list and a filter route do: the
 * first that matches decides. Also says what the check could not know: numbers that name no filter,
 * filters that need a port the packet does not give, and filters that depend on names the router resolves
 * at run time (taken as not matching).
 */
record FirstMatch(IpFilter decided, List<Integer> undefined, List<IpFilter> needPort, List<IpFilter> unresolved) {

    static FirstMatch of(TraceFilters filters, List<Integer> ids, Packet p) {
        List<Integer> undefined = new ArrayList<>();
        List<IpFilter> needPort = new ArrayList<>(), unresolved = new ArrayList<>();
        for (int id : ids) {
            IpFilter f = filters.get(id);
            if (f == null) {
                undefined.add(id);
                continue;
            }
            FilterCondition c = filters.condition(f);
            if (c.matches(p)) return new FirstMatch(f, undefined, needPort, unresolved);
            if (c.packets().containsForSomePort(p)) needPort.add(f);
            if (!c.exact()) unresolved.add(f);
        }
        return new FirstMatch(null, undefined, needPort, unresolved);
    }

    /** What the check could not know, as sentences (empty when nothing). */
    String caveats() {
        StringBuilder b = new StringBuilder();
        if (!undefined.isEmpty()) b.append(" Filter ").append(join(undefined)).append(undefined.size() == 1 ? " is" : " are")
                .append(" not defined and skipped.");
        for (IpFilter f : needPort) {
            b.append(" Filter ").append(f.id()).append(" would match for some ports; the packet gives none, so it does not.");
        }
        for (IpFilter f : unresolved) {
            b.append(" Filter ").append(f.id()).append(" also names ").append(String.join(", ", f.condition().unresolved()))
                    .append(", which the router resolves at run time; the trace takes that part as not matching.");
        }
        return b.toString();
    }

    /** {@code pass * 192.168.100.2 tcp * www}: the filter's action and fields as written. */
    static String text(IpFilter f) {
        FilterCondition c = f.condition();
        return f.actionText() + " " + c.src().text() + " " + c.dst().text() + " " + c.protocols().text() + " "
                + c.srcPorts().text() + " " + c.dstPorts().text();
    }

    private static String join(List<Integer> ids) {
        return String.join(", ", ids.stream().map(String::valueOf).toList());
    }
}
