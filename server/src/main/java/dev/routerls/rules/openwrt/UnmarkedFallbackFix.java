package dev.routerls.rules.openwrt;

import dev.routerls.core.Fix;
import dev.routerls.core.LineIndex;
import dev.routerls.core.SourceRange;
import dev.routerls.core.TextEdit;
import dev.routerls.core.edit.DocumentEdits;
import dev.routerls.mape.MapRule;
import dev.routerls.mape.PortSetCheck;
import dev.routerls.openwrt.mape.SnatBlockGenerator;
import dev.routerls.openwrt.router.IptablesRule;
import dev.routerls.openwrt.router.MapInterface;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.router.SnatTarget;
import dev.routerls.openwrt.shell.ShellCommand;
import dev.routerls.openwrt.shell.ShellScript;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fix for an {@link UnmarkedConnections.Gap}: after the top-level command (the loop) that adds the
 * chain's last marked SNAT rule, one SNAT rule per protocol (per set of conditions) without the mark match,
 * to the marked rules' address and lowest port block, under the comment the generated block carries.
 *
 * <p>Offered only when it is certain: every word known and plain, the loop on lines of its own, no other
 * MAP-E SNAT fix pending for the router (a wrong loop is replaced whole, and the generated block has the
 * fallback), and the edited script, evaluated again, leaves no connection without a SNAT rule in that chain
 * while SNATing to no address or port block the script did not use already.
 */
final class UnmarkedFallbackFix {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.:/,@%+=!-]+");

    private UnmarkedFallbackFix() {
    }

    static Optional<Fix> of(Router router, UnmarkedConnections.Gap gap) {
        Optional<ShellScript> script = router.firewallUser();
        if (script.isEmpty() || !router.firewallUserEvaluated() || gap.fallbacks().isEmpty()) return Optional.empty();
        for (UnmarkedConnections.Fallback f : gap.fallbacks()) {
            if (!f.certain() || !f.conditions().stream().allMatch(w -> PLAIN.matcher(w).matches())) return Optional.empty();
        }
        for (MapInterface m : router.mapInterfaces()) {
            if (!SnatFixes.forMap(router, m).isEmpty() || !portSetRight(router, m)) return Optional.empty();
        }
        // after the loop that adds the chain's last marked rule
        IptablesRule last = null;
        for (IptablesRule r : router.iptables()) {
            if (r.adds() && gap.chain().equals(r.command().chain()) && r.command().markMatch().isPresent()
                    && "SNAT".equals(r.command().target())) {
                last = r;
            }
        }
        if (last == null) return Optional.empty();
        Optional<ShellCommand> holder = script.get().topLevelCommandAt(last.source().range());
        if (holder.isEmpty() || holder.get() instanceof ShellCommand.FunctionDefinition
                || !script.get().onOwnLines(holder.get().range())) {
            return Optional.empty();
        }
        UnmarkedConnections.Fallback first = gap.fallbacks().get(0);
        String to = first.address() + ":" + first.ports();
        String program = gap.first().command().program() == null ? "iptables" : gap.first().command().program();
        StringBuilder text = new StringBuilder();
        for (String line : SnatBlockGenerator.fallbackComment(first.ports())) text.append(line).append('\n');
        for (UnmarkedConnections.Fallback f : gap.fallbacks()) {
            List<String> words = new ArrayList<>(List.of(program, "-t", "nat", "-A", gap.chain()));
            words.addAll(f.conditions());
            words.addAll(List.of("-j", "SNAT", "--to", to));
            text.append(String.join(" ", words)).append('\n');
        }
        String uri = script.get().uri();
        // after the loop's last line: at the start of the next line, or after a break at the end of the text
        LineIndex index = new LineIndex(script.get().text());
        int loopEnd = holder.get().range().endLine();
        TextEdit insert = loopEnd + 1 < index.lineCount()
                ? new TextEdit(uri, SourceRange.of(loopEnd + 1, 0, 0), text.toString())
                : new TextEdit(uri, SourceRange.of(loopEnd, index.line(loopEnd).length(), 0), "\n" + text);
        List<TextEdit> edits = List.of(insert);

        String edited = DocumentEdits.apply(script.get().text(), edits);
        Router after = router.withFirewallUser(edited);
        boolean closed = UnmarkedConnections.find(after).stream().noneMatch(g -> g.chain().equals(gap.chain()));
        if (!closed || !targets(after).equals(targets(router))) return Optional.empty();
        return Optional.of(new Fix("Add SNAT rules for connections without a mark (to " + to + ")", edits));
    }

    /** Every address:ports the router SNATs to. */
    private static Set<String> targets(Router router) {
        Set<String> out = new HashSet<>();
        for (SnatTarget t : router.snatTargets()) out.add(t.ipv4() + ":" + t.ports());
        return out;
    }

    /**
     * The script's SNAT ranges for {@code m} are its port set: the fallback copies one of them, so while they are
     * wrong (and no fix for them exists) it would only add one more wrong rule.
     */
    private static boolean portSetRight(Router router, MapInterface m) {
        Optional<MapRule> rule = router.portRule(m);
        SnatPortRanges ranges = new SnatPortRanges(router.snatTargetsFor(m));
        if (rule.isEmpty() || ranges.isEmpty()) return true;
        return PortSetCheck.check(ranges.ranges(), rule.get().offset(), rule.get().psidlen(), OptionalInt.empty())
                .findings().isEmpty();
    }
}
