package dev.routerls.rules.openwrt;

import dev.routerls.core.Spelling;
import dev.routerls.core.Severity;
import dev.routerls.core.SourceRange;
import dev.routerls.openwrt.router.MapInterface;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.router.SnatTarget;
import dev.routerls.rules.Findings;
import dev.routerls.rules.Rule;
import dev.routerls.rules.RuleInfo;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/**
 * {@code openwrt/mape-tunnel-device}: a MAP-E SNAT rule must leave through the tunnel device netifd
 * creates, {@code map-<interface name>} (seed 000: the small name under the icon, {@code map-wan_map},
 * not the LuCI label).
 */
public final class MapeTunnelDeviceRule implements Rule<Router> {
    public static final RuleInfo INFO = new RuleInfo("openwrt/mape-tunnel-device", Severity.ERROR,
            "a SNAT rule (firewall.user or nftables.d) does not leave through the map-<name> device of a map interface");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(Router router, Findings out) {
        if (router.mapInterfaces().isEmpty()) return;
        List<String> devices = router.mapInterfaces().stream().map(m -> m.iface().mapDevice()).toList();
        LineFindings lines = new LineFindings();
        // an nftables statement gives one target per port block; its device is checked once
        Set<SourceRange> nftStatements = new HashSet<>();
        for (SnatTarget t : router.snatTargets()) {
            if (!t.ipv4Nat()) continue;
            if (t.source() == SnatTarget.Source.NFTABLES && !nftStatements.add(t.statementRange())) continue;
            Optional<SnatTarget.OutDevice> dev = t.out();
            if (dev.isEmpty()) {
                lines.add(t.uri(), t.statementRange(), "none", "This SNAT rule has no " + t.source().deviceKeyword()
                        + ", so it rewrites traffic leaving through every interface, the LAN included. Add "
                        + t.source().deviceMatch(devices.get(0)) + ".");
                continue;
            }
            if (dev.get().negated() || dev.get().name() == null || devices.contains(dev.get().name())) continue;
            String have = dev.get().name();
            lines.add(t.uri(), dev.get().range(), "device", "SNAT leaves through '" + have + "', which is not the tunnel of any "
                    + "map interface (" + String.join(", ", devices) + "), so this rule never matches MAP-E traffic. "
                    + "netifd names the tunnel map-<interface name> after the UCI section, not the LuCI label. Use "
                    + closest(have, router.mapInterfaces()) + ".");
        }
        lines.reportTo(out);
    }

    private static String closest(String have, List<MapInterface> maps) {
        List<String> devices = maps.stream().map(m -> m.iface().mapDevice()).toList();
        return Spelling.closest(have, devices, Integer.MAX_VALUE).orElse(devices.get(0));
    }
}
