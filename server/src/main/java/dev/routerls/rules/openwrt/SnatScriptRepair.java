package dev.routerls.rules.openwrt;

import dev.routerls.core.Fix;
import dev.routerls.core.edit.DocumentEdits;
import dev.routerls.core.edit.EditConflictException;
import dev.routerls.core.TextEdit;
import dev.routerls.mape.Ipv4Address;
import dev.routerls.mape.MapRule;
import dev.routerls.mape.MapeResult;
import dev.routerls.mape.PortRange;
import dev.routerls.mape.PortSetCheck;
import dev.routerls.mape.PortSetFinding;
import dev.routerls.openwrt.mape.SnatExpectationCheck;
import dev.routerls.openwrt.router.MapInterface;
import dev.routerls.openwrt.router.MapeExpectation;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.router.SnatTarget;
import dev.routerls.openwrt.shell.ShellAssignments;
import dev.routerls.openwrt.shell.ShellCommand;
import dev.routerls.openwrt.shell.ShellScript;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A fix for a firewall.user SNAT loop whose numbers are wrong but written as plain variable assignments
 * (seed 000: {@code IP4='…'}, {@code PSID='…'}, {@code units1=…}, {@code units2=…}). The values the loop
 * produces are compared with the expectation; for each wrong value (IPv4 address, PSID, block stride,
 * block count) the one variable with a single literal assignment of exactly that value is set to the
 * right one. The edited script is then evaluated again, and the fix is offered only when its SNAT rules
 * give exactly the expected address and port set and its nth rules spread over that many blocks.
 */
final class SnatScriptRepair {
    private SnatScriptRepair() {
    }

    static Optional<Fix> forMap(Router router, MapInterface map) {
        Optional<MapeExpectation> e = router.expectation(map);
        Optional<ShellScript> script = router.firewallUser();
        if (e.isEmpty() || script.isEmpty() || !router.firewallUserEvaluated()) return Optional.empty();
        List<SnatTarget> targets = router.snatTargetsFor(map);
        if (targets.isEmpty() || targets.stream().anyMatch(t -> !t.known())) return Optional.empty();
        MapRule rule = e.get().rule();
        MapeResult want = e.get().result();

        // wrong value as the script writes it -> the right one
        Map<String, String> wrong = new LinkedHashMap<>();
        Set<Ipv4Address> ips = new HashSet<>();
        targets.forEach(t -> t.ipv4().ifPresent(ips::add));
        if (ips.size() == 1 && !ips.contains(want.ipv4())) wrong.put(ips.iterator().next().toString(), want.ipv4().toString());
        List<PortRange> ranges = new SnatPortRanges(targets).ranges();
        PortSetCheck.Result shape = PortSetCheck.check(ranges, rule.offset(), rule.psidlen(), OptionalInt.empty());
        for (PortSetFinding f : shape.findings()) {
            if (f instanceof PortSetFinding.WrongStride s && Integer.bitCount(s.actualStride()) == 1) {
                wrong.put(Integer.toString(s.actualStride()), Integer.toString(s.expectedStride()));
                int actualOffset = 16 - Integer.numberOfTrailingZeros(s.actualStride());
                wrong.put(Integer.toString((1 << actualOffset) - 1), Integer.toString(want.ports().size()));
            }
        }
        if (shape.psid().isPresent() && shape.psid().getAsInt() != want.psid()) {
            wrong.put(Integer.toString(shape.psid().getAsInt()), Integer.toString(want.psid()));
        }
        if (wrong.isEmpty()) return Optional.empty();

        Map<String, ShellCommand.Assignment> literals = ShellAssignments.of(script.get()).singleLiterals();
        List<ShellCommand.Assignment> changed = new ArrayList<>();
        List<String> newValues = new ArrayList<>();
        for (Map.Entry<String, String> w : wrong.entrySet()) {
            List<ShellCommand.Assignment> holders = literals.values().stream()
                    .filter(a -> w.getKey().equals(a.value().literalValue())).toList();
            if (holders.size() > 1) return Optional.empty();   // which one feeds the loop is not certain
            if (holders.isEmpty() || changed.contains(holders.get(0))) continue;
            changed.add(holders.get(0));
            newValues.add(w.getValue());
        }
        if (changed.isEmpty()) return Optional.empty();
        // list and edit the assignments in script order
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < changed.size(); i++) order.add(i);
        order.sort(Comparator.comparingInt((Integer i) -> changed.get(i).range().startLine())
                .thenComparingInt(i -> changed.get(i).range().startColumn()));
        List<ShellCommand.Assignment> sortedChanged = order.stream().map(changed::get).toList();
        List<String> sortedValues = order.stream().map(newValues::get).toList();
        changed.clear();
        changed.addAll(sortedChanged);
        newValues.clear();
        newValues.addAll(sortedValues);

        String uri = script.get().uri();
        List<TextEdit> edits = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < changed.size(); i++) {
            ShellCommand.Assignment a = changed.get(i);
            String value = ShellAssignments.requote(a.value(), newValues.get(i));
            edits.add(new TextEdit(uri, a.value().range(), value));
            shown.add(a.name() + "=" + value);
        }
        Router edited;
        try {
            edited = router.withFirewallUser(DocumentEdits.apply(script.get().text(), edits));
        } catch (EditConflictException conflict) {
            return Optional.empty();
        }
        if (!SnatExpectationCheck.matches(edited, map.name(), want)) return Optional.empty();
        return Optional.of(new Fix("Set " + String.join(", ", shown) + " (the loop then SNATs to " + want.ipv4() + " with the "
                + want.ports().size() + " port blocks of PSID " + want.psid() + ")", edits));
    }
}
