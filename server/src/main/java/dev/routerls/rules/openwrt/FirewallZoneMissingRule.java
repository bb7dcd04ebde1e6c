package dev.routerls.rules.openwrt;

import dev.routerls.core.Fix;
import dev.routerls.core.Severity;
import dev.routerls.core.SourceRange;
import dev.routerls.openwrt.router.DelegatedPrefix;
import dev.routerls.openwrt.router.FirewallZone;
import dev.routerls.openwrt.router.MapInterface;
import dev.routerls.openwrt.router.NetworkInterface;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.uci.UciOption;
import dev.routerls.openwrt.uci.UciValue;
import dev.routerls.rules.Findings;
import dev.routerls.rules.BaseRule;
import dev.routerls.rules.Example;
import dev.routerls.rules.RuleInfo;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code openwrt/firewall-zone-missing}: the MAP-E interface and the interface holding the delegated
 * prefix (WAN6PD in seed 000) must be in a wan zone, or fw3/fw4 neither masquerades nor forwards LAN
 * traffic out through them (seed 000 step 7).
 */
public final class FirewallZoneMissingRule extends BaseRule<Router> {

    public FirewallZoneMissingRule() {
        super(RuleInfo.rule("openwrt/firewall-zone-missing", Severity.ERROR)
                .summary("the MAP-E interface or the delegated-prefix interface is in no wan firewall zone")
                .rationale("""
                        The MAP-E interface and the interface that carries the delegated prefix (WAN6PD in common \
                        guides) must be networks of the wan firewall zone. Otherwise fw3 or fw4 neither \
                        masquerades nor forwards LAN traffic through them, and the LAN has no IPv4 (or IPv6) \
                        connectivity although the tunnel is up.""")
                .bad(OpenWrtExamples.router(OpenWrtExamples.NETWORK,
                        OpenWrtExamples.FIREWALL.replace("\tlist network 'wan_map'\n", ""), OpenWrtExamples.SCRIPT))
                .good(OpenWrtExamples.router(OpenWrtExamples.NETWORK, OpenWrtExamples.FIREWALL, OpenWrtExamples.SCRIPT))
                .fixable()
                .tags("mape", "firewall")
                .build());
    }

    @Override
    public void check(Router router, Findings out) {
        if (router.uci("firewall").isEmpty() || router.mapInterfaces().isEmpty()) return;
        // a firewall file libuci rejects has no zones for certain: absence would be a guess
        if (!router.uci("firewall").get().acceptedByLibuci()) return;
        Set<String> needed = new LinkedHashSet<>();
        for (MapInterface m : router.mapInterfaces()) {
            needed.add(m.name());
            router.delegatedPrefix(m).filter(DelegatedPrefix::explicitLength).map(DelegatedPrefix::interfaceName)
                    .ifPresent(needed::add);
        }
        List<FirewallZone> zones = router.zones();
        Optional<FirewallZone> wan = zones.stream().filter(FirewallZone::isWan).findFirst();
        for (String name : needed) {
            if (zones.stream().anyMatch(z -> z.isWan() && z.covers(name))) continue;
            Optional<FirewallZone> other = zones.stream().filter(z -> z.covers(name)).findFirst();
            String role = router.mapInterfaces().stream().anyMatch(m -> m.name().equals(name))
                    ? "MAP-E interface" : "interface holding the delegated prefix";
            String why = "traffic through it is not masqueraded or forwarded as upstream traffic, so IPv4 over MAP-E "
                    + "does not work for the LAN.";
            if (other.isPresent()) {
                out.report(other.get().uri(), networkRange(other.get(), name), "The " + role + " '" + name + "' is in zone '"
                        + other.get().name() + "', not in a wan zone; " + why + " Move it to "
                        + wan.map(z -> "zone '" + z.name() + "'").orElse("the wan zone") + ".");
            } else if (wan.isPresent()) {
                out.report(wan.get().uri(), networkRange(wan.get(), null), "Zone '" + wan.get().name() + "' does not list the "
                        + role + " '" + name + "'; " + why + " Add list network '" + name + "' to it.",
                        addNetwork(wan.get(), name).stream().toList());
            } else {
                NetworkInterface i = router.networkInterface(name).orElseThrow();
                out.report(i.uri(), i.section().header().range(), "The " + role + " '" + name + "' is in no firewall zone "
                        + "and the firewall has no wan zone; " + why + " Create a wan zone (masq '1') that lists it.");
            }
        }
    }

    /**
     * Adds {@code name} to the zone: a {@code list network} line, or, when the zone writes its networks as
     * one {@code option network 'a b'}, the name appended to that value (a list line beside an option of
     * the same name would change how the option is read).
     */
    private static Optional<Fix> addNetwork(FirewallZone z, String name) {
        List<UciOption> lines = z.section().effective("network");
        String title = "Add network '" + name + "' to zone '" + z.name() + "'";
        if (lines.isEmpty()) {
            return Optional.of(new Fix(title, List.of(UciEdits.add(z.uri(), z.section(), "list", "network", name))));
        }
        if (lines.stream().allMatch(UciOption::isList)) {
            int after = lines.stream().mapToInt(o -> o.range().endLine()).max().getAsInt();
            return Optional.of(new Fix(title, List.of(UciEdits.addAfter(z.uri(), z.section(), after, "list", "network", name))));
        }
        if (lines.size() != 1 || !UciEdits.simple(lines.get(0).value())) return Optional.empty();
        UciValue v = lines.get(0).value();
        String joined = v.text().isBlank() ? name : v.text().strip() + " " + name;
        return Optional.of(new Fix(title, List.of(UciEdits.set(z.uri(), v, joined))));
    }

    /** The name {@code iface} in the zone's network values (else the zone's last network line, or its header). */
    private static SourceRange networkRange(FirewallZone z, String iface) {
        List<UciOption> lines = z.section().effective("network");
        for (UciOption o : lines) {
            if (iface == null) break;
            for (UciValue w : o.value().words()) if (w.text().equals(iface)) return w.range();
        }
        return lines.isEmpty() ? z.section().header().range() : lines.get(lines.size() - 1).range();
    }
}
