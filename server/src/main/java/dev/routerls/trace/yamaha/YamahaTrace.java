package dev.routerls.trace.yamaha;

import dev.routerls.core.net.Packet;
import dev.routerls.trace.Disposition;
import dev.routerls.trace.FilterDecision;
import dev.routerls.trace.TraceException;
import dev.routerls.trace.TraceResult;
import dev.routerls.yamaha.filter.DynamicFilter;
import dev.routerls.yamaha.filter.IpFilter;
import dev.routerls.yamaha.filter.SecureFilterList;
import dev.routerls.yamaha.model.Ipv4;
import dev.routerls.yamaha.model.YamahaConfig;
import dev.routerls.yamaha.model.YamahaConfig.InterfaceAddress;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a YAMAHA router does with the first packet of a new connection, step by step from its config.
 * The router's order (vendor documentation of the NAT/filter order; filters are written with inside
 * addresses): on the way in, NAT of the ingress interface, then its {@code secure filter in} list; then
 * the router's own addresses or the route lookup; on the way out, the egress {@code secure filter out}
 * list, then the egress interface's NAT.
 */
public final class YamahaTrace {
    private final YamahaConfig m;
    private final String uri;
    private final TraceFilters filters;

    public YamahaTrace(YamahaConfig m, String uri) {
        this.m = m;
        this.uri = uri;
        this.filters = new TraceFilters(m);
    }

    /** The interfaces of the config as the command line spells them. */
    public List<String> interfaces() {
        return InterfaceNames.known(m).stream().map(InterfaceNames::spelled).toList();
    }

    /** The model key of {@code spelled}, or a TraceException naming the interfaces there are. */
    String ingressKey(String spelled) throws TraceException {
        String key = InterfaceNames.key(spelled);
        Set<String> known = InterfaceNames.known(m);
        if (!known.contains(key)) {
            throw new TraceException("unknown interface '" + spelled + "': the config has "
                    + (known.isEmpty() ? "no interfaces" : String.join(", ", interfaces())));
        }
        return key;
    }

    public TraceResult trace(String from, Packet packet) throws TraceException {
        String ingress = ingressKey(from);
        Walk w = new Walk(uri, packet);
        NatStage nat = new NatStage(m);
        if (!nat.ingress(ingress, w)) return result(w, Disposition.DROPPED, null);
        if (!filter(ingress, true, w)) return result(w, Disposition.DENIED, null);
        Optional<InterfaceAddress> own = own(w.packet.dst());
        if (own.isPresent() || w.dstIsRouterPeerAddress) {
            w.step("local", own.map(InterfaceAddress::range).orElse(null), Ipv4.format(w.packet.dst()) + " is the router's own"
                    + " address" + own.map(a -> " on " + InterfaceNames.spelled(a.iface())).orElse("") + ": the router takes the packet.");
            return result(w, Disposition.DELIVERED, null);
        }
        RouteLookup.Choice route = new RouteLookup(m, filters).lookup(w.packet);
        w.step("route", route.range(), route.detail());
        if (route.egress() == null) return result(w, Disposition.DROPPED, null);
        if (!filter(route.egress(), false, w)) return result(w, Disposition.DENIED, route.egress());
        if (route.selfGateway()) {
            w.step("nat-out", route.range(), "no NAT on " + InterfaceNames.spelled(route.egress()) + ": the route's gateway is"
                    + " the router's own address there.");
        } else {
            nat.egress(route.egress(), w);
        }
        return result(w, Disposition.FORWARDED, route.egress());
    }

    private TraceResult result(Walk w, Disposition d, String egress) {
        return new TraceResult(d, egress == null ? null : InterfaceNames.spelled(egress), w.src(), w.srcPortsText(), w.dst(),
                w.nat, w.filter, w.steps);
    }

    private Optional<InterfaceAddress> own(long a) {
        return m.ownAddresses().stream().filter(x -> x.address() == a).findFirst();
    }

    /** The interface's secure filter list in one direction; false when it refuses the packet. */
    private boolean filter(String iface, boolean in, Walk w) {
        String kind = in ? "filter-in" : "filter-out";
        String name = InterfaceNames.spelled(iface);
        Optional<SecureFilterList> list = m.secureFilter(iface, in);
        if (list.isEmpty()) {
            w.step(kind, null, name + " has no `secure filter " + (in ? "in" : "out") + "` list: every packet passes.");
            return true;
        }
        SecureFilterList l = list.get();
        FirstMatch fm = FirstMatch.of(filters, l.filters().stream().map(SecureFilterList.FilterRef::id).toList(), w.packet);
        String dynamics = dynamics(l, w.packet);
        if (fm.decided() == null) {
            w.step(kind, l.range(), "no filter of " + name + "'s `secure filter " + l.direction() + "` list matches "
                    + describe(w.packet) + ", and a packet no filter matches is discarded." + fm.caveats() + dynamics);
            w.filter = new FilterDecision(null, uri, l.range());
            return false;
        }
        IpFilter f = fm.decided();
        w.filter = new FilterDecision(f.id(), uri, f.range());
        String head = "filter " + f.id() + " (" + FirstMatch.text(f) + ") of " + name + "'s `secure filter " + l.direction()
                + "` list is the first that matches " + describe(w.packet);
        switch (f.action()) {
            case REJECT -> {
                w.step(kind, f.range(), head + ": rejected." + fm.caveats());
                return false;
            }
            case RESTRICT -> w.step(kind, f.range(), head + ": restrict passes it while the line is connected (it is, if"
                    + " the packet gets this far) and would discard it otherwise." + fm.caveats() + dynamics);
            default -> w.step(kind, f.range(), head + ": passed." + fm.caveats() + dynamics);
        }
        return true;
    }

    /** The dynamic filters of the list that watch this connection, as a sentence (empty when none). */
    private String dynamics(SecureFilterList l, Packet p) {
        List<String> watching = new ArrayList<>(), maybe = new ArrayList<>();
        for (SecureFilterList.FilterRef ref : l.dynamics()) {
            DynamicFilter d = m.dynamicFilters().get(ref.id());
            if (d == null) continue;
            Boolean w = d.watches(p);
            if (w == null && d.protocol() == null && d.src().contains(p.src()) && d.dst().contains(p.dst())) {
                // the `filter LIST` form watches what its static filters match
                w = d.triggers().stream().map(filters::get).anyMatch(f -> f != null && filters.condition(f).matches(p));
            }
            String name = d.id() + " (" + (d.protocol() != null ? d.protocol() : "filter "
                    + String.join(",", d.triggers().stream().map(String::valueOf).toList())) + ", line " + (d.range().startLine() + 1) + ")";
            if (Boolean.TRUE.equals(w)) watching.add(name);
            else if (w == null) maybe.add(name);
        }
        String out = "";
        if (!watching.isEmpty()) {
            out += " Dynamic filter" + (watching.size() > 1 ? "s " : " ") + String.join(", ", watching) + " of the list watch"
                    + (watching.size() > 1 ? "" : "es") + " this connection and let" + (watching.size() > 1 ? "" : "s")
                    + " its replies back in.";
        }
        if (!maybe.isEmpty()) {
            out += " Dynamic filter" + (maybe.size() > 1 ? "s " : " ") + String.join(", ", maybe) + " may watch it (the trace"
                    + " does not know which ports " + (maybe.size() > 1 ? "their protocols use" : "its protocol uses") + ").";
        }
        return out;
    }

    static String describe(Packet p) {
        return Packet.protocolName(p.protocol()) + " " + Ipv4.format(p.src()) + portText(p, p.srcPort()) + " -> "
                + Ipv4.format(p.dst()) + portText(p, p.dstPort());
    }

    private static String portText(Packet p, int port) {
        return p.isTcpOrUdp() && port != Packet.NO_PORT ? ":" + port : "";
    }
}
