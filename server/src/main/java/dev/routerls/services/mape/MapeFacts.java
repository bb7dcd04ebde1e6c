package dev.routerls.services.mape;

import dev.routerls.mape.MapRule;
import dev.routerls.mape.MapeCalculator;
import dev.routerls.mape.MapeResult;
import dev.routerls.mape.PortRange;
import dev.routerls.openwrt.router.MapInterface;
import dev.routerls.openwrt.router.MapeExpectation;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.router.SnatTarget;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Hover text for OpenWrt MAP-E, read from the router model the rules use: what a {@code proto 'map'}
 * interface gets (IPv4, PSID, ports, computed from the delegated prefix in the config when there is one),
 * and where SNAT port ranges fall in that port set.
 */
public final class MapeFacts {
    private MapeFacts() {
    }

    public static String describeMapInterface(Router router, MapInterface map) {
        StringBuilder b = new StringBuilder("**MAP-E interface** `").append(map.name()).append("` (tunnel device `")
                .append(map.iface().mapDevice()).append("`)\n\n");
        Optional<MapeExpectation> e = router.expectation(map);
        if (e.isPresent()) {
            MapeResult r = e.get().result();
            MapRule rule = e.get().rule();
            b.append("From the delegated prefix `").append(e.get().prefix().prefix()).append("` (`")
                    .append(e.get().prefix().interfaceName()).append("` ").append(e.get().prefix().option()).append(")")
                    .append(e.get().ruleFromTable() && rule.isp() != null ? " and the " + rule.isp() + " rule" : "")
                    .append(":\n\n- IPv4 `").append(r.ipv4()).append("`\n- PSID ").append(r.psid())
                    .append("\n- ").append(r.portCount()).append(" ports: ").append(summary(r.ports()))
                    .append("\n- CE address `").append(r.ce()).append('`');
            return b.toString();
        }
        Optional<MapRule> rule = router.portRule(map);
        if (rule.isEmpty()) {
            return b.append("The rule options are incomplete or inconsistent, so no port set can be computed.").toString();
        }
        MapRule r = rule.get();
        int blocks = MapeCalculator.blockCount(r.offset());
        b.append(r.isp() == null ? "Rule from the options" : r.isp() + " rule").append(": offset ").append(r.offset())
                .append(", PSID length ").append(r.psidlen()).append(" → ").append(blocks).append(" blocks of ")
                .append(r.portsPerBlock()).append(" ports per customer. No delegated prefix in the config, so the IPv4 "
                        + "address and PSID are not known here.");
        return b.toString();
    }

    /** Where the ports of the SNAT targets at one place of the script fall, for every value a loop gave them. */
    public static Optional<String> describeSnat(Router router, List<SnatTarget> targets) {
        Set<String> lines = new LinkedHashSet<>();
        for (SnatTarget t : targets) {
            if (t.ports().isEmpty()) continue;
            PortRange p = t.ports().get();
            for (MapInterface map : router.mapInterfaces()) {
                if (!router.snatTargetsFor(map).contains(t)) continue;
                Optional<MapRule> rule = router.portRule(map);
                if (rule.isEmpty()) continue;
                int a = rule.get().offset(), k = rule.get().psidlen();
                int psidLo = MapeCalculator.psidOfPort(p.lo(), a, k), psidHi = MapeCalculator.psidOfPort(p.hi(), a, k);
                int blockLo = MapeCalculator.blockIndexOfPort(p.lo(), a), blockHi = MapeCalculator.blockIndexOfPort(p.hi(), a);
                StringBuilder b = new StringBuilder("**ports ").append(p).append("** (`").append(map.name()).append("`): ");
                if (psidLo == psidHi && blockLo == blockHi && blockLo > 0) {
                    b.append("block ").append(blockLo).append(" of PSID ").append(psidLo);
                    router.expectation(map).ifPresent(e -> b.append(e.result().psid() == psidLo
                            ? " — this router's PSID" : " — not this router's PSID " + e.result().psid()));
                } else {
                    b.append("spans PSIDs ").append(psidLo).append('-').append(psidHi).append(", blocks ").append(blockLo)
                            .append('-').append(blockHi).append(": a SNAT range should stay inside one block of one PSID");
                }
                lines.add(b.toString());
            }
        }
        if (lines.isEmpty()) return Optional.empty();
        List<String> shown = List.copyOf(lines);
        return Optional.of(String.join("\n\n", shown.subList(0, Math.min(16, shown.size())))
                + (shown.size() > 16 ? "\n\n… and " + (shown.size() - 16) + " more" : ""));
    }

    private static String summary(List<PortRange> ports) {
        if (ports.size() <= 6) return ports.stream().map(PortRange::toString).collect(Collectors.joining(", "));
        return ports.subList(0, 3).stream().map(PortRange::toString).collect(Collectors.joining(", ")) + ", … , "
                + ports.get(ports.size() - 1) + " (" + ports.size() + " blocks)";
    }
}
