package dev.routerls.rules.openwrt;

import dev.routerls.core.Fix;
import dev.routerls.core.Spelling;
import dev.routerls.core.Severity;
import dev.routerls.core.SourceRange;
import dev.routerls.core.TextEdit;
import dev.routerls.openwrt.router.MapInterface;
import dev.routerls.openwrt.router.NetworkInterface;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.router.SnatTarget;
import dev.routerls.openwrt.shell.ShellAssignments;
import dev.routerls.openwrt.shell.ShellCommand;
import dev.routerls.openwrt.shell.ShellWord;
import dev.routerls.rules.Findings;
import dev.routerls.rules.BaseRule;
import dev.routerls.rules.Example;
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
public final class MapeTunnelDeviceRule extends BaseRule<Router> {

    public MapeTunnelDeviceRule() {
        super(RuleInfo.rule("openwrt/mape-tunnel-device", Severity.ERROR)
                .summary("a SNAT rule (firewall.user or nftables.d) does not leave through the map-<name> device of a map interface")
                .rationale("""
                        netifd creates the MAP-E tunnel as the device `map-<interface name>`: for interface \
                        `wan_map` it is `map-wan_map`, whatever LuCI shows as the label. An SNAT rule that matches \
                        another output device never matches the MAP-E traffic, so the hand-written port spreading \
                        does nothing and the traffic leaves with the stock rules only.""")
                .bad(OpenWrtExamples.script(OpenWrtExamples.SCRIPT.replace("-o map-wan_map", "-o wan_map")))
                .good(OpenWrtExamples.script(OpenWrtExamples.SCRIPT))
                .fixable()
                .tags("mape", "nat")
                .build());
    }

    @Override
    public void check(Router router, Findings out) {
        if (router.mapInterfaces().isEmpty()) return;
        List<String> devices = router.mapInterfaces().stream().map(m -> m.iface().mapDevice()).toList();
        LineFindings lines = new LineFindings();
        // an nftables statement gives one target per port block; its device is checked once
        Set<SourceRange> nftStatements = new HashSet<>();
        Optional<ShellAssignments> assignments = router.firewallUser().map(ShellAssignments::of);
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
            if (dev.get().negated() || dev.get().name() == null) continue;
            if (router.interfaceOfDevice(dev.get().name()).filter(NetworkInterface::isMap).isPresent()) continue;
            String have = dev.get().name();
            String want = closest(have, router.mapInterfaces());
            // the certain edits: the oifname value of a snippet, or the script's literal -o word or assignment
            List<Fix> fixes = t.source() == SnatTarget.Source.NFTABLES ? List.of(NftSnatRepair.device(t.uri(), dev.get().range(), want))
                    : assignments.isPresent() ? deviceFix(assignments.get(), t.uri(), dev.get().range(), want).stream().toList()
                    : List.of();
            lines.add(t.uri(), dev.get().range(), "device", "SNAT leaves through '" + have + "', which is not the tunnel of any "
                    + "map interface (" + String.join(", ", devices) + "), so this rule never matches MAP-E traffic. "
                    + "netifd names the tunnel map-<interface name> after the UCI section, not the LuCI label. Use "
                    + want + ".", fixes);
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
