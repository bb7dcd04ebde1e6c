package dev.routerls.rules.openwrt;

import dev.routerls.core.Fix;
import dev.routerls.core.Spelling;
import dev.routerls.core.Severity;
import dev.routerls.core.SourceRange;
import dev.routerls.core.TextEdit;
import dev.routerls.openwrt.router.MapInterface;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.router.SnatTarget;
import dev.routerls.openwrt.shell.IptablesCommand;
import dev.routerls.openwrt.shell.ShellAssignments;
import dev.routerls.openwrt.shell.ShellCommand;
import dev.routerls.openwrt.shell.ShellWord;
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
        ShellAssignments assignments = ShellAssignments.of(router.firewallUser().get());
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
            String want = closest(have, router.mapInterfaces());
            lines.add(uri, dev.get().valueWord().range(), "device", "SNAT leaves through '" + have + "', which is not the tunnel of any "
                    + "map interface (" + String.join(", ", devices) + "), so this rule never matches MAP-E traffic. "
                    + "netifd names the tunnel map-<interface name> after the UCI section, not the LuCI label. Use "
                    + want + ".", deviceFix(assignments, uri, dev.get().valueWord().range(), want).stream().toList());
        }
        lines.reportTo(out);
    }

    /**
     * Writes the right device where the wrong one comes from: the -o word itself when it is literal, or
     * the single literal assignment of the variable it consists of. Anything else is not certain.
     */
    private static Optional<Fix> deviceFix(ShellAssignments assignments, String uri, SourceRange word, String device) {
        Optional<ShellWord> w = assignments.wordAt(word);
        if (w.isEmpty()) return Optional.empty();
        if (w.get().isLiteral()) {
            return Optional.of(new Fix("Use -o " + device, List.of(new TextEdit(uri, w.get().range(), device))));
        }
        Optional<ShellCommand.Assignment> a = ShellAssignments.plainVariable(w.get()).flatMap(assignments::singleLiteral);
        if (a.isEmpty()) return Optional.empty();
        String value = ShellAssignments.requote(a.get().value(), device);
        return Optional.of(new Fix("Set " + a.get().name() + "=" + value + " (the -o device of the SNAT rules)",
                List.of(new TextEdit(uri, a.get().value().range(), value))));
    }

    private static String closest(String have, List<MapInterface> maps) {
        List<String> devices = maps.stream().map(m -> m.iface().mapDevice()).toList();
        return Spelling.closest(have, devices, Integer.MAX_VALUE).orElse(devices.get(0));
    }
}
