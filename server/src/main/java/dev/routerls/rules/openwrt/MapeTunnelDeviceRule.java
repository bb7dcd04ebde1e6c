package dev.routerls.rules.openwrt;

import dev.routerls.core.Spelling;
import dev.routerls.core.Severity;
import dev.routerls.openwrt.router.MapInterface;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.router.SnatTarget;
import dev.routerls.openwrt.shell.IptablesCommand;
import dev.routerls.rules.Findings;
import dev.routerls.rules.Rule;
import dev.routerls.rules.RuleInfo;

import java.util.List;
import java.util.Optional;

/**
 * {@code openwrt/mape-tunnel-device}: a MAP-E SNAT rule must leave through the tunnel device netifd
 * creates, {@code map-<interface name>} (seed 000: the small name under the icon, {@code map-wan_map},
 * not the LuCI label).
 */
public final class MapeTunnelDeviceRule implements Rule<Router> {
    public static final RuleInfo INFO = new RuleInfo("openwrt/mape-tunnel-device", Severity.ERROR,
            "a firewall.user SNAT rule does not leave through the map-<name> device of a map interface");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(Router router, Findings out) {
        if (router.firewallUser().isEmpty() || router.mapInterfaces().isEmpty()) return;
        String uri = router.firewallUser().get().uri();
        List<String> devices = router.mapInterfaces().stream().map(m -> m.iface().mapDevice()).toList();
        LineFindings lines = new LineFindings();
        for (SnatTarget t : router.snatTargets()) {
            if (!t.rule().isIpv4Nat()) continue;
            Optional<IptablesCommand.Option> dev = t.rule().command().option("-o");
            if (dev.isEmpty() || dev.get().valueWord() == null) {
                lines.add(uri, t.rule().source().range(), "none", "This SNAT rule has no -o, so it rewrites traffic "
                        + "leaving through every interface, the LAN included. Add -o " + devices.get(0) + ".");
                continue;
            }
            if (dev.get().negated() || dev.get().value() == null || devices.contains(dev.get().value())) continue;
            String have = dev.get().value();
            lines.add(uri, dev.get().valueWord().range(), "device", "SNAT leaves through '" + have + "', which is not the tunnel of any "
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
