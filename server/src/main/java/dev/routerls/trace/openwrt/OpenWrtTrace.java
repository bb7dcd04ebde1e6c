package dev.routerls.trace.openwrt;

import dev.routerls.core.SourceRange;
import dev.routerls.core.net.Packet;
import dev.routerls.openwrt.router.FirewallZone;
import dev.routerls.openwrt.router.NatChains;
import dev.routerls.openwrt.router.NetworkInterface;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.uci.UciValue;
import dev.routerls.trace.Disposition;
import dev.routerls.trace.FilterDecision;
import dev.routerls.trace.NatApplied;
import dev.routerls.trace.TraceException;
import dev.routerls.trace.TraceResult;
import dev.routerls.trace.TraceStep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an OpenWrt router does with the first packet of a new connection that arrives on a UCI interface:
 * its firewall zone, the nat PREROUTING rules (firewall.user's marks; nth statistics resolved by the
 * connection number, random ones as probabilities), the router's own addresses or the route, the zone
 * forwarding policy, then source NAT in POSTROUTING — fw3's zone masquerade and firewall.user's SNAT rules,
 * or under fw4 the nftables.d base chains by priority before fw4's own masquerade.
 */
public final class OpenWrtTrace {
    private final Router router;
    private final NatChains nat;
    private final RouteTable routes;
    private final ForwardPolicy policy;
    private final SourceNat snat;

    public OpenWrtTrace(Router router) {
        this.router = router;
        this.nat = NatChains.of(router);
        this.routes = new RouteTable(router);
        this.policy = new ForwardPolicy(router);
        this.snat = new SourceNat(router, nat);
    }

    /** The UCI interface names of the router. */
    public List<String> interfaces() {
        return router.interfaces().stream().map(NetworkInterface::name).toList();
    }

    /**
     * Traces {@code packet} arriving on interface {@code from} as new connection number {@code connection}
     * (1 for the first after the rules were loaded).
     */
    public TraceResult trace(String from, Packet packet, int connection) throws TraceException {
        if (connection < 1) throw new TraceException("--connection must be 1 or more (the first new connection is 1)");
        NetworkInterface in = router.networkInterface(from).orElseThrow(() -> new TraceException("unknown interface '"
                + from + "': the router has " + (interfaces().isEmpty() ? "no interfaces" : String.join(", ", interfaces()))));
        String inDevice = router.deviceOf(in).orElse(null);
        List<TraceStep> common = new ArrayList<>();
        Optional<FirewallZone> zone = router.zoneOf(from);
        common.add(zoneStep(from, inDevice, zone));

        Branch start = new Branch(1.0, packet);
        List<Branch> ways = snat.prerouting(start, new Hop(packet, inDevice, null, 0), connection);
        Branch first = ways.get(0);
        Packet routed = first.packet;

        Optional<RouteTable.Own> own = routes.own(routed.dst());
        if (own.isPresent()) {
            ForwardPolicy.Decision d = policy.input(zone, routed);
            List<TraceStep> steps = merge(common, ways);
            steps.add(new TraceStep("input", own.get().uri(), own.get().range(), Packet.address(routed.dst())
                    + " is the router's own address (" + own.get().iface() + "): " + d.detail()));
            return result(d.accepted() ? Disposition.DELIVERED : Disposition.DENIED, null, ways, steps, decision(d));
        }
        RouteTable.Choice route = routes.lookup(routed.dst());
        List<TraceStep> steps = merge(common, ways);
        steps.add(new TraceStep("route", route.range() == null ? null : route.uri(), route.range(), route.detail()));
        if (route.device() == null) return result(Disposition.DROPPED, null, ways, steps, null);
        Optional<FirewallZone> outZone = route.iface() == null ? Optional.empty() : router.zoneOf(route.iface());
        ForwardPolicy.Decision fwd = policy.forward(zone, outZone, routed);
        steps.add(new TraceStep("forward", fwd.range() == null ? null : fwd.uri(), fwd.range(), fwd.detail()));
        if (!fwd.accepted()) return result(Disposition.DENIED, null, ways, steps, decision(fwd));

        List<Branch> out = new ArrayList<>();
        for (Branch b : ways) {
            b.steps.clear();
            b.hookDone = false;
            out.addAll(snat.postrouting(b, new Hop(b.packet, inDevice, route.device(), b.mark), connection));
        }
        steps.addAll(postroutingSteps(out));
        return result(Disposition.FORWARDED, route.device(), out, steps, decision(fwd));
    }

    private static FilterDecision decision(ForwardPolicy.Decision d) {
        return d.range() == null ? null : new FilterDecision(null, d.uri(), d.range());
    }

    private TraceStep zoneStep(String from, String inDevice, Optional<FirewallZone> zone) {
        String dev = inDevice == null ? "" : " (device " + inDevice + ")";
        if (zone.isEmpty()) {
            return new TraceStep("zone", null, null, from + dev + " is in no firewall zone: the firewall's default"
                    + " policies decide its traffic.");
        }
        FirewallZone z = zone.get();
        SourceRange at = z.section().values("network").stream().flatMap(v -> v.words().stream())
                .filter(w -> w.text().equals(from)).map(UciValue::range).findFirst().orElse(z.section().header().range());
        return new TraceStep("zone", z.uri(), at, from + dev + " is in firewall zone " + z.name() + ".");
    }

    /** The steps every way shares, then the prerouting steps (one set when there is one way, a summary otherwise). */
    private static List<TraceStep> merge(List<TraceStep> common, List<Branch> ways) {
        List<TraceStep> out = new ArrayList<>(common);
        if (ways.size() == 1) {
            out.addAll(ways.get(0).steps);
            return out;
        }
        Map<Long, Double> marks = new LinkedHashMap<>();
        for (Branch b : ways) marks.merge(b.mark, b.probability, Double::sum);
        StringBuilder d = new StringBuilder("random statistic rules give this connection one of these marks: ");
        List<String> parts = new ArrayList<>();
        marks.forEach((m, p) -> parts.add("0x" + Long.toHexString(m) + " with probability " + percent(p)));
        d.append(String.join(", ", parts)).append('.');
        TraceStep firstStep = ways.stream().flatMap(b -> b.steps.stream()).filter(s -> s.range() != null).findFirst().orElse(null);
        out.add(new TraceStep("prerouting", firstStep == null ? null : firstStep.uri(), firstStep == null ? null : firstStep.range(),
                d.toString()));
        return out;
    }

    private static List<TraceStep> postroutingSteps(List<Branch> ways) {
        if (ways.size() == 1) return ways.get(0).steps;
        Map<String, Double> outcomes = new LinkedHashMap<>();
        Map<String, TraceStep> where = new LinkedHashMap<>();
        for (Branch b : ways) {
            String o = b.natDone ? b.src + (b.srcPorts == null ? "" : " ports " + b.srcPorts) : "no source NAT";
            outcomes.merge(o, b.probability, Double::sum);
            b.steps.stream().filter(s -> s.range() != null).reduce((a, c) -> c).ifPresent(s -> where.putIfAbsent(o, s));
        }
        List<TraceStep> out = new ArrayList<>();
        outcomes.forEach((o, p) -> {
            TraceStep s = where.get(o);
            out.add(new TraceStep("postrouting", s == null ? null : s.uri(), s == null ? null : s.range(),
                    "with probability " + percent(p) + ": " + o + (s == null ? "." : " (" + s.detail() + ")")));
        });
        return out;
    }

    private static String percent(double p) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", p * 100);
    }

    private TraceResult result(Disposition d, String egress, List<Branch> ways, List<TraceStep> steps, FilterDecision filter) {
        List<String> srcs = ways.stream().map(w -> w.natDone ? w.src : Packet.address(w.packet.src())).distinct().toList();
        List<String> ports = ways.stream().map(w -> w.natDone ? w.srcPorts : portText(w.packet)).distinct().toList();
        List<NatApplied> nats = new ArrayList<>();
        for (Branch w : ways) for (NatApplied n : w.nat) if (!nats.contains(n)) nats.add(n);
        return new TraceResult(d, egress, srcs.size() == 1 ? srcs.get(0) : "one of " + String.join(", ", srcs),
                ports.size() == 1 ? ports.get(0) : null, Packet.address(ways.get(0).packet.dst()), nats, filter, steps);
    }

    private static String portText(Packet p) {
        return p.isTcpOrUdp() && p.srcPort() != Packet.NO_PORT ? p.srcPort() + "-" + p.srcPort() : null;
    }
}
