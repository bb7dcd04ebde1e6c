package dev.routerls.trace.yamaha;

import dev.routerls.core.SourceRange;
import dev.routerls.core.net.Packet;
import dev.routerls.yamaha.model.Ipv4;
import dev.routerls.yamaha.model.YamahaConfig;
import dev.routerls.yamaha.model.YamahaConfig.InterfaceAddress;
import dev.routerls.yamaha.model.YamahaConfig.NetInterface;
import dev.routerls.yamaha.model.YamahaConfig.PoolItem;
import dev.routerls.yamaha.model.YamahaConfig.PpBlock;
import dev.routerls.yamaha.model.YamahaConfig.Route;
import dev.routerls.yamaha.model.YamahaConfig.RouteGateway;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The route a packet takes: the longest matching prefix among the connected subnets ({@code ip IF address}),
 * the addresses of PP remote address pools (host routes to the PP while a client holds them) and
 * {@code ip route} (the last line for a destination wins). A gateway with {@code filter N …} is used only
 * for packets whose first matching filter of that list passes; otherwise the next gateway is tried.
 */
final class RouteLookup {

    /**
     * Where the packet goes: {@code egress} is a model key, or null when it is dropped. {@code selfGateway} when
     * the gateway is the router's own address on the egress interface (its NAT then does not apply, seed 002).
     */
    record Choice(String egress, String gateway, SourceRange range, String detail, boolean selfGateway) {
        Choice(String egress, String gateway, SourceRange range, String detail) {
            this(egress, gateway, range, detail, false);
        }
    }

    private record Candidate(int length, int rank, String iface, Route route, SourceRange range, String what, String destination) { }

    private final YamahaConfig m;
    private final TraceFilters filters;

    RouteLookup(YamahaConfig m, TraceFilters filters) {
        this.m = m;
        this.filters = filters;
    }

    Choice lookup(Packet p) {
        long dst = p.dst();
        List<Candidate> candidates = new ArrayList<>();
        for (NetInterface i : m.interfaces().values()) {
            for (InterfaceAddress a : i.addresses()) {
                if (a.subnet().contains(dst)) {
                    candidates.add(new Candidate(a.subnet().length(), 0, i.name(), null, a.range(), "connected subnet "
                            + a.subnet() + " of " + InterfaceNames.spelled(i.name()), Ipv4.format(dst)));
                }
            }
        }
        for (PpBlock pp : m.pps().values()) {
            for (PoolItem item : pp.pool()) {
                if (item.addresses() != null && item.addresses().contains(dst)) {
                    String key = "pp " + pp.id();
                    candidates.add(new Candidate(32, 1, key, null, item.range(), "the remote address pool of "
                            + InterfaceNames.spelled(key) + " (a host route while a client holds " + Ipv4.format(dst)
                            + "; whether one does is not in the config)", Ipv4.format(dst)));
                }
            }
        }
        Map<String, Route> byDestination = new LinkedHashMap<>();
        for (Route r : m.routes()) {
            if (r.network() == null || !r.network().contains(dst)) continue;
            byDestination.remove(r.network().toString());
            byDestination.put(r.network().toString(), r);   // a later line for the same destination replaces the earlier
        }
        for (Route r : byDestination.values()) {
            candidates.add(new Candidate(r.network().length(), 2, null, r, r.range(), "ip route " + r.destination(), Ipv4.format(dst)));
        }
        candidates.sort(Comparator.comparingInt((Candidate c) -> -c.length()).thenComparingInt(Candidate::rank));
        StringBuilder skipped = new StringBuilder();
        for (Candidate c : candidates) {
            if (c.route() == null) {
                return new Choice(c.iface(), null, c.range(), "to " + Ipv4.format(dst) + " by the " + c.what()
                        + ": out of " + InterfaceNames.spelled(c.iface()) + "." + skipped);
            }
            Choice chosen = gateway(c, p, skipped);
            if (chosen != null) return chosen;
        }
        return new Choice(null, null, null, "no route to " + Ipv4.format(dst) + ": no connected subnet, pool or `ip route`"
                + " covers it, so the router discards it." + skipped);
    }

    private Choice gateway(Candidate c, Packet p, StringBuilder skipped) {
        for (RouteGateway g : c.route().gateways()) {
            if (!g.filters().isEmpty()) {
                FirstMatch fm = FirstMatch.of(filters, g.filters(), p);
                boolean passes = fm.decided() != null && fm.decided().action() != dev.routerls.yamaha.filter.IpFilter.Action.REJECT;
                if (!passes) {
                    skipped.append(" The filter route via ").append(g.kind()).append(' ').append(g.target()).append(" is not taken: ")
                            .append(fm.decided() == null ? "none of its filters matches." : "its filter " + fm.decided().id() + " rejects it.")
                            .append(fm.caveats());
                    continue;
                }
                return target(c, g, " (filter " + fm.decided().id() + " of this filter route passes it)", skipped);
            }
            return target(c, g, "", skipped);
        }
        return null;
    }

    private Choice target(Candidate c, RouteGateway g, String why, StringBuilder skipped) {
        String head = "to " + c.destination() + " by " + c.what() + why;
        switch (g.kind()) {
            case "pp" -> {
                String key = "pp " + g.target().toLowerCase(Locale.ROOT);
                return new Choice(key, null, c.range(), head + ": out of " + InterfaceNames.spelled(key) + "." + skipped);
            }
            case "tunnel" -> {
                String key = "tunnel " + g.target();
                return new Choice(key, null, c.range(), head + ": out of " + InterfaceNames.spelled(key) + "." + skipped);
            }
            case "dhcp" -> {
                String key = g.target().toLowerCase(Locale.ROOT);
                return new Choice(key, "dhcp(" + key + ")", c.range(), head + ": to the gateway of " + key
                        + "'s DHCP lease (not in the config), out of " + key + "." + skipped);
            }
            case "address" -> {
                if (g.address() < 0) return new Choice(null, null, c.range(), head + ": the gateway is not a valid address.");
                for (NetInterface i : m.interfaces().values()) {
                    for (InterfaceAddress a : i.addresses()) {
                        if (!a.subnet().contains(g.address())) continue;
                        String self = a.address() == g.address() ? " The gateway is the router's own address on "
                                + i.name() + ", so that interface's NAT descriptors do not translate this packet (seed 002)." : "";
                        return new Choice(i.name(), Ipv4.format(g.address()), c.range(), head + ": via " + Ipv4.format(g.address())
                                + " out of " + InterfaceNames.spelled(i.name()) + "." + self + skipped, !self.isEmpty());
                    }
                }
                return new Choice(null, null, c.range(), head + ": its gateway " + Ipv4.format(g.address())
                        + " is on no connected subnet, so the router cannot reach it and discards the packet." + skipped);
            }
            default -> {
                String t = g.target().toLowerCase(Locale.ROOT);
                if (t.equals("null")) {
                    return new Choice(null, null, c.range(), head + ": to the null interface, which discards it." + skipped);
                }
                if (m.interfaces().containsKey(t) || t.matches("(lan|bridge|vlan|wan|onu)\\d+.*")) {
                    return new Choice(t, null, c.range(), head + ": out of " + t + "." + skipped);
                }
                return new Choice(null, null, c.range(), head + ": the gateway " + g.target() + " is not one the trace follows,"
                        + " so it stops here." + skipped);
            }
        }
    }
}
