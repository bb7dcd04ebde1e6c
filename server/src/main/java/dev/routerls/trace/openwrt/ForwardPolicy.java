package dev.routerls.trace.openwrt;

import dev.routerls.core.SourceRange;
import dev.routerls.core.net.Packet;
import dev.routerls.openwrt.router.FirewallZone;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.uci.UciSection;
import dev.routerls.openwrt.uci.UciValue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The firewall's verdict on a forwarded or incoming packet from its UCI config: {@code config rule} sections
 * (zones, protocol, addresses, ports, in file order), then {@code config forwarding} between the zones, then
 * the zone's policy for traffic within it or to the router, and the {@code defaults} policy for the rest.
 */
final class ForwardPolicy {
    /** What decided, and where. */
    record Decision(boolean accepted, String uri, SourceRange range, String detail) { }

    private final Router router;

    ForwardPolicy(Router router) {
        this.router = router;
    }

    Decision forward(Optional<FirewallZone> from, Optional<FirewallZone> to, Packet p) {
        String src = from.map(FirewallZone::name).orElse(null), dest = to.map(FirewallZone::name).orElse(null);
        for (UciSection r : router.firewallSections("rule")) {
            if (!r.get("src").map(s -> s.equals(src) || s.equals("*")).orElse(false)) continue;
            if (!r.get("dest").map(d -> d.equals(dest) || d.equals("*")).orElse(false)) continue;
            Optional<Decision> d = rule(r, p, "forwarding from zone " + src + " to zone " + dest);
            if (d.isPresent()) return d.get();
        }
        for (UciSection f : router.firewallSections("forwarding")) {
            if (f.get("src").map(s -> s.equals(src)).orElse(false) && f.get("dest").map(d -> d.equals(dest)).orElse(false)
                    && f.get("enabled").map(e -> !e.equals("0")).orElse(true)) {
                return new Decision(true, uri(), f.value("dest").map(UciValue::range).orElse(f.header().range()),
                        "the forwarding from zone " + src + " to zone " + dest + " accepts it.");
            }
        }
        if (src != null && src.equals(dest)) {
            return policy(from.get().section(), "forward", "traffic within zone " + src, from.get());
        }
        return defaults("forward", "no rule or forwarding lets zone " + (src == null ? "(none)" : src) + " reach zone "
                + (dest == null ? "(none)" : dest));
    }

    Decision input(Optional<FirewallZone> from, Packet p) {
        String src = from.map(FirewallZone::name).orElse(null);
        for (UciSection r : router.firewallSections("rule")) {
            if (!r.get("src").map(s -> s.equals(src) || s.equals("*")).orElse(false) || r.get("dest").isPresent()) continue;
            Optional<Decision> d = rule(r, p, "traffic from zone " + src + " to the router");
            if (d.isPresent()) return d.get();
        }
        if (from.isPresent()) return policy(from.get().section(), "input", "traffic from zone " + src + " to the router", from.get());
        return defaults("input", "the interface is in no zone");
    }

    /** A {@code config rule} that matches the packet decides; empty when it does not match (or is disabled). */
    private Optional<Decision> rule(UciSection r, Packet p, String what) {
        if (r.get("enabled").map(e -> e.equals("0")).orElse(false)) return Optional.empty();
        if (r.get("family").map(f -> f.equals("ipv6")).orElse(false)) return Optional.empty();
        Optional<String> proto = r.get("proto");
        if (proto.isPresent() && !protoMatches(proto.get(), p)) return Optional.empty();
        if (!addressMatches(r, "src_ip", p.src()) || !addressMatches(r, "dest_ip", p.dst())) return Optional.empty();
        if (!portMatches(r, "src_port", p, p.srcPort()) || !portMatches(r, "dest_port", p, p.dstPort())) return Optional.empty();
        String target = r.get("target").orElse("DROP").toUpperCase(Locale.ROOT);
        String name = r.get("name").map(n -> "rule '" + n + "'").orElse("a rule");
        boolean accept = target.equals("ACCEPT");
        return Optional.of(new Decision(accept, uri(), r.value("target").map(UciValue::range).orElse(r.header().range()),
                name + " (target " + target + ") decides " + what + ": " + (accept ? "accepted." : "refused.")));
    }

    private static boolean protoMatches(String protos, Packet p) {
        for (String w : protos.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (w.equals("all") || w.equals("any") || w.equals(Packet.protocolName(p.protocol()))
                    || w.equals("tcpudp") && p.isTcpOrUdp() || w.equals(Integer.toString(p.protocol()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean addressMatches(UciSection r, String option, long a) {
        List<UciValue> values = r.values(option);
        if (values.isEmpty()) return true;
        for (UciValue v : values) {
            for (UciValue w : v.words()) {
                Boolean in = IptablesMatcher.addresses(w.text(), a);
                if (Boolean.TRUE.equals(in)) return true;
            }
        }
        return false;
    }

    private static boolean portMatches(UciSection r, String option, Packet p, int port) {
        List<UciValue> values = r.values(option);
        if (values.isEmpty()) return true;
        if (!p.isTcpOrUdp() || port == Packet.NO_PORT) return false;
        for (UciValue v : values) {
            for (UciValue w : v.words()) {
                String[] lh = w.text().split("[-:]", 2);
                Long lo = IptablesMatcher.number(lh[0]), hi = lh.length > 1 ? IptablesMatcher.number(lh[1]) : lo;
                if (lo != null && hi != null && port >= lo && port <= hi) return true;
            }
        }
        return false;
    }

    private Decision policy(UciSection zone, String option, String what, FirewallZone z) {
        Optional<UciValue> v = zone.value(option);
        if (v.isEmpty()) return defaults(option, "zone " + z.name() + " sets no " + option + " policy");
        boolean accept = v.get().text().equalsIgnoreCase("ACCEPT");
        return new Decision(accept, z.uri(), v.get().range(), "zone " + z.name() + "'s " + option + " policy "
                + v.get().text() + " decides " + what + ": " + (accept ? "accepted." : "refused."));
    }

    private Decision defaults(String option, String why) {
        for (UciSection d : router.firewallSections("defaults")) {
            Optional<UciValue> v = d.value(option);
            if (v.isEmpty()) continue;
            boolean accept = v.get().text().equalsIgnoreCase("ACCEPT");
            return new Decision(accept, uri(), v.get().range(), why + ", so the default " + option + " policy "
                    + v.get().text() + " decides: " + (accept ? "accepted." : "refused."));
        }
        return new Decision(false, null, null, why + ", and the firewall config sets no default " + option
                + " policy; the trace takes REJECT.");
    }

    private String uri() {
        return router.uci("firewall").map(f -> f.uri()).orElse(null);
    }
}
