package dev.routerls.services.mape;

import dev.routerls.mape.Ipv4Address;
import dev.routerls.mape.Ipv4Prefix;
import dev.routerls.mape.Ipv6Prefix;
import dev.routerls.mape.MapRule;
import dev.routerls.mape.MapeCalculator;
import dev.routerls.mape.MapeRuleTable;
import dev.routerls.mape.PortRange;
import dev.routerls.openwrt.uci.UciSection;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Hover text for MAP-E settings, computed with the MAP-E engine from what the config says: the rule an
 * OpenWrt {@code proto 'map'} interface describes, and which PSID a SNAT port range belongs to.
 */
public final class MapeFacts {
    /** RFC 7597's default PSID offset, which OpenWrt's mapcalc also assumes when {@code offset} is unset. */
    static final int DEFAULT_OFFSET = 6;

    private MapeFacts() {
    }

    /** The numbers of a MAP interface's port sharing: what the rule options add up to. */
    public static Optional<String> describeMapInterface(UciSection s) {
        if (!s.get("proto").map("map"::equals).orElse(false)) return Optional.empty();
        StringBuilder b = new StringBuilder("**MAP-E interface** `").append(s.ref()).append("` (tunnel device `map-")
                .append(s.ref()).append("`)\n\n");
        Optional<MapRule> rule = rule(s);
        if (rule.isEmpty()) {
            b.append("The rule is incomplete: `ipaddr`, `ip4prefixlen`, `ip6prefix`, `ip6prefixlen` and `ealen` are needed to compute the port set.");
            return Optional.of(b.toString());
        }
        MapRule r = rule.get();
        MapeRuleTable.bundled().lookupByIpv4(r.ip4prefix().address()).map(MapRule::isp)
                .ifPresent(isp -> b.append("service: ").append(isp).append("\n\n"));
        r.inconsistency().ifPresent(why -> b.append("⚠ ").append(why).append("\n\n"));
        int blocks = (1 << r.offset()) - (r.offset() > 0 ? 1 : 0);
        b.append("PSID length ").append(r.psidlen()).append(", offset ").append(r.offset())
                .append(s.get("offset").isEmpty() ? " (default)" : "")
                .append(": ").append(blocks).append(" blocks of ").append(r.portsPerBlock()).append(" ports = ")
                .append((long) blocks * r.portsPerBlock()).append(" ports per customer; delegated prefix /")
                .append(r.endUserPrefixLength());
        Optional<Integer> psid = s.get("psid").flatMap(MapeFacts::integer);
        if (psid.isPresent()) {
            try {
                List<PortRange> ports = MapeCalculator.portSet(r.offset(), r.psidlen(), psid.get());
                b.append("\n\nPSID ").append(psid.get()).append(" ports: ").append(summary(ports));
            } catch (RuntimeException e) {
                b.append("\n\nPSID ").append(psid.get()).append(": ").append(e.getMessage());
            }
        }
        return Optional.of(b.toString());
    }

    /** Which PSID and block a SNAT port range falls in under the MAP interface's rule. */
    public static Optional<String> describePorts(int lo, int hi, UciSection map) {
        Optional<MapRule> rule = rule(map);
        if (rule.isEmpty()) return Optional.empty();
        MapRule r = rule.get();
        int psidLo = MapeCalculator.psidOfPort(lo, r.offset(), r.psidlen());
        int psidHi = MapeCalculator.psidOfPort(hi, r.offset(), r.psidlen());
        int aLo = MapeCalculator.blockIndexOfPort(lo, r.offset());
        int aHi = MapeCalculator.blockIndexOfPort(hi, r.offset());
        StringBuilder b = new StringBuilder("**ports ").append(lo).append('-').append(hi).append("** under `")
                .append(map.ref()).append("` (offset ").append(r.offset()).append(", PSID length ").append(r.psidlen()).append("): ");
        if (psidLo == psidHi && aLo == aHi && aLo > 0) {
            b.append("block ").append(aLo).append(" of PSID ").append(psidLo);
            Optional<Integer> own = map.get("psid").flatMap(MapeFacts::integer);
            own.ifPresent(p -> b.append(p == psidLo ? " — this router's PSID" : " — not this router's PSID " + p));
        } else {
            b.append("spans PSIDs ").append(psidLo).append('-').append(psidHi).append(" / blocks ").append(aLo).append('-').append(aHi)
                    .append(": a SNAT range should stay inside one block of one PSID");
        }
        return Optional.of(b.toString());
    }

    static Optional<MapRule> rule(UciSection s) {
        try {
            Optional<String> ip4 = s.get("ipaddr"), ip4len = s.get("ip4prefixlen"), ip6 = s.get("ip6prefix"),
                    ip6len = s.get("ip6prefixlen"), ealen = s.get("ealen");
            if (ip4.isEmpty() || ip4len.isEmpty() || ip6.isEmpty() || ip6len.isEmpty() || ealen.isEmpty()) return Optional.empty();
            Ipv4Prefix p4 = new Ipv4Prefix(Ipv4Address.parse(ip4.get()), Integer.parseInt(ip4len.get()));
            String six = ip6.get().contains("/") ? ip6.get() : ip6.get() + "/" + ip6len.get();
            Ipv6Prefix p6 = Ipv6Prefix.parse(six);
            int ea = Integer.parseInt(ealen.get());
            int offset = s.get("offset").flatMap(MapeFacts::integer).orElse(DEFAULT_OFFSET);
            Optional<Integer> psidlen = s.get("psidlen").flatMap(MapeFacts::integer);
            boolean legacy = s.get("legacymap").map("1"::equals).orElse(false);
            return Optional.of(psidlen.isPresent()
                    ? new MapRule(null, p6, p4, ea, psidlen.get(), offset, null, legacy)
                    : MapRule.withDerivedPsidLength(null, p6, p4, ea, offset, null, legacy));
        } catch (RuntimeException e) {
            return Optional.empty(); // bad numbers are the rules' business; hover just shows nothing computed
        }
    }

    private static Optional<Integer> integer(String s) {
        try {
            return Optional.of(Integer.parseInt(s.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String summary(List<PortRange> ports) {
        if (ports.size() <= 6) return ports.stream().map(PortRange::toString).collect(Collectors.joining(", "));
        return ports.subList(0, 3).stream().map(PortRange::toString).collect(Collectors.joining(", ")) + ", … , "
                + ports.get(ports.size() - 1) + " (" + ports.size() + " blocks)";
    }
}
