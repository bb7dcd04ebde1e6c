package dev.routerls.rules.openwrt;

import dev.routerls.core.Fix;
import dev.routerls.core.LineIndex;
import dev.routerls.core.Severity;
import dev.routerls.core.SourceRange;
import dev.routerls.core.TextEdit;
import dev.routerls.core.edit.DocumentEdits;
import dev.routerls.openwrt.mape.SnatLoopReplacement;
import dev.routerls.openwrt.router.FirewallGeneration;
import dev.routerls.openwrt.router.IptablesRule;
import dev.routerls.openwrt.router.MapInterface;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.shell.EvaluatedWord;
import dev.routerls.openwrt.shell.IptablesCommand;
import dev.routerls.openwrt.shell.IptablesCommand.Operation;
import dev.routerls.openwrt.shell.ShellAssignments;
import dev.routerls.openwrt.shell.ShellScript;
import dev.routerls.openwrt.shell.ShellWord;
import dev.routerls.rules.Findings;
import dev.routerls.rules.BaseRule;
import dev.routerls.rules.Example;
import dev.routerls.rules.RuleInfo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code openwrt/fw3-chain-flush}: firewall.user flushes a built-in chain ({@code iptables -t nat -F
 * POSTROUTING}, seed 000 does PREROUTING, OUTPUT and POSTROUTING). fw3 runs the script after building its
 * own rules, and keeps its jumps into {@code zone_*_prerouting} / {@code zone_*_postrouting} (and
 * {@code delegate_*} in the filter table) in those chains: the flush deletes them, so port forwards and
 * zone masquerading stop until the next reload, and {@code iptables -t nat -L} shows the zone chains with
 * "0 references" (seed 000's own listing does). fw4 keeps its rules in its own nftables table, so the rule
 * is quiet there.
 *
 * <p>The fix moves the script's rules into a chain of its own ({@code fwuser_postrouting}) that the script
 * creates when missing, flushes, and jumps to once from the top of the built-in chain; it is offered when
 * the flush and every rule added to that chain are written literally, run unconditionally, and nothing
 * else deletes, replaces or returns from rules there. When the chain only fed a MAP-E SNAT loop that
 * routerls replaces with generated rules, the fix is that replacement. With no rule added, the flush is
 * commented out.
 */
public final class Fw3ChainFlushRule extends BaseRule<Router> {
    private static final String RELEASE = "DISTRIB_ID='OpenWrt'\nDISTRIB_RELEASE='21.02.0'\n";

    public Fw3ChainFlushRule() {
        super(RuleInfo.rule("openwrt/fw3-chain-flush", Severity.WARNING)
                .summary("firewall.user flushes a built-in chain and with it fw3's own rules (zone jumps, port forwards, masquerading)")
                .rationale("""
                        fw3 (OpenWrt 21.02 and earlier) runs /etc/firewall.user after it has built its own rules, and \
                        it keeps its jumps into the zone chains (`zone_wan_prerouting`, `zone_wan_postrouting`, \
                        `delegate_input` …) in the built-in chains. A script that flushes those chains to start \
                        afresh, as the widely copied MAP-E script does with `iptables -t nat -F PREROUTING`, \
                        `OUTPUT` and `POSTROUTING`, also deletes fw3's jumps: port forwards and the zone's \
                        masquerading stop until the next firewall reload, and `iptables -t nat -L` shows the zone \
                        chains with "0 references". Keep the script's rules in a chain of its own that it creates, \
                        flushes and jumps to once.""")
                .bad(Example.openwrt("etc/openwrt_release", RELEASE, OpenWrtExamples.NETWORK_PATH, OpenWrtExamples.NETWORK,
                        OpenWrtExamples.FIREWALL_PATH, OpenWrtExamples.FIREWALL, OpenWrtExamples.SCRIPT_PATH,
                        "iptables -t nat -F POSTROUTING\n" + OpenWrtExamples.SCRIPT))
                .good(Example.openwrt("etc/openwrt_release", RELEASE, OpenWrtExamples.NETWORK_PATH, OpenWrtExamples.NETWORK,
                        OpenWrtExamples.FIREWALL_PATH, OpenWrtExamples.FIREWALL, OpenWrtExamples.SCRIPT_PATH, """
                        iptables -t nat -N fwuser_postrouting 2>/dev/null
                        iptables -t nat -F fwuser_postrouting
                        iptables -t nat -D POSTROUTING -j fwuser_postrouting 2>/dev/null
                        iptables -t nat -I POSTROUTING -j fwuser_postrouting
                        """ + OpenWrtExamples.SCRIPT.replace("-A POSTROUTING", "-A fwuser_postrouting")))
                .fixable()
                .tags("firewall", "fw3", "nat")
                .build());
    }

    private static final Map<String, Set<String>> BUILTINS = Map.of(
            "filter", Set.of("INPUT", "FORWARD", "OUTPUT"),
            "nat", Set.of("PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"),
            "mangle", Set.of("PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"),
            "raw", Set.of("PREROUTING", "OUTPUT"));


    /** The own-chain fix of one flush, before it is checked: what the edited script must then do. */
    private record Move(Fix fix, String table, String chain, String own, int added) { }

    private record Finding(SourceRange range, String message, List<Fix> fixes, Move move) { }

    @Override
    public void check(Router router, Findings out) {
        if (router.release().generation() == FirewallGeneration.FW4 || router.firewallUser().isEmpty()) return;
        ShellScript script = router.firewallUser().get();
        List<SnatLoopReplacement.Replacement> replacements = new ArrayList<>();
        boolean replacementsRead = false;
        Set<SourceRange> seen = new HashSet<>();
        List<Finding> found = new ArrayList<>();
        for (IptablesRule r : router.iptables()) {
            IptablesCommand c = r.command();
            if (c.operation() != Operation.FLUSH || c.table() == null || !BUILTINS.containsKey(c.table())) continue;
            String chain = c.option("-F").map(IptablesCommand.Option::value).orElse(null);
            boolean whole = c.option("-F").map(o -> o.values().isEmpty()).orElse(false);
            if (!whole && (chain == null || !BUILTINS.get(c.table()).contains(chain))) continue;
            if (!seen.add(r.source().range())) continue;
            if (!replacementsRead) {
                for (MapInterface m : router.mapInterfaces()) SnatLoopReplacement.forMap(router, m).ifPresent(replacements::add);
                replacementsRead = true;
            }
            String message = message(c.table(), whole ? null : chain, c.family());
            Optional<Fix> replacement = whole ? Optional.empty() : replacements.stream()
                    .filter(x -> x.flushes().stream().anyMatch(f -> f.contains(r.source().range())))
                    .map(SnatLoopReplacement.Replacement::fix).findFirst();
            Optional<Move> move = whole || replacement.isPresent() ? Optional.empty() : ownChain(router, script, r, c.table(), chain);
            found.add(new Finding(r.source().range(), message, replacement.stream().toList(), move.orElse(null)));
        }
        List<Move> moves = found.stream().map(Finding::move).filter(m -> m != null).toList();
        // one evaluation checks every move together (they touch different chains); one at a time only if they collide
        Set<Move> sound = new HashSet<>(verified(router, script, moves) ? moves : List.of());
        if (sound.isEmpty() && moves.size() > 1) {
            for (Move m : moves) if (verified(router, script, List.of(m))) sound.add(m);
        }
        for (Finding f : found) {
            List<Fix> fixes = f.move() != null && sound.contains(f.move()) ? List.of(f.move().fix()) : f.fixes();
            out.report(script.uri(), f.range(), f.message(), fixes);
        }
    }

    private static String message(String table, String chain, IptablesCommand.Family family) {
        String program = family == IptablesCommand.Family.IPV6 ? "ip6tables" : "iptables";
        String what;
        if (chain == null) {
            what = "This flushes every chain of the " + table + " table, fw3's zone chains included";
        } else if (table.equals("nat") && chain.equals("PREROUTING")) {
            what = "This flush of nat PREROUTING also deletes fw3's jumps into its zone_*_prerouting chains: port "
                    + "forwards (DNAT) and NAT reflection stop working, and " + program + " -t nat -L shows those chains "
                    + "with '0 references'";
        } else if (table.equals("nat") && chain.equals("POSTROUTING")) {
            what = "This flush of nat POSTROUTING also deletes fw3's jumps into its zone_*_postrouting chains: the "
                    + "zones' masquerading and SNAT stop, and " + program + " -t nat -L shows those chains with "
                    + "'0 references'";
        } else if (table.equals("filter")) {
            what = "This flush of " + chain + " also deletes fw3's jumps into its delegate_" + chain.toLowerCase(Locale.ROOT)
                    + " chain, so none of the zone rules that accept, reject or forward traffic apply any more";
        } else {
            what = "This flush of " + table + " " + chain + " deletes every rule there, not only this script's: whatever "
                    + "fw3 or another package keeps in that chain is gone";
        }
        return what + ". fw3 runs firewall.user after building its rules, so they stay lost until the next firewall "
                + "reload. Keep this script's rules in a chain of its own that the script flushes instead.";
    }

    /** Moves the rules the script adds to {@code table chain} into {@code fwuser_<chain>}, or comments the flush out. */
    private static Optional<Move> ownChain(Router router, ShellScript script, IptablesRule flush, String table, String chain) {
        if (flush.source().conditional() || !flush.source().loops().isEmpty() || !router.firewallUserEvaluated()) {
            return Optional.empty();
        }
        EvaluatedWord program = flush.source().argv().get(0);
        ShellAssignments words = ShellAssignments.of(script);
        if (!literal(words, program) || !literal(words, flush.command().option("-F").get().valueWord())) return Optional.empty();
        String own = "fwuser_" + chain.toLowerCase(Locale.ROOT);
        Set<SourceRange> chainWords = new LinkedHashSet<>();
        int added = 0;
        for (IptablesRule r : router.iptables()) {
            IptablesCommand c = r.command();
            if (c.family() != flush.command().family()) continue;
            if (c.table() == null) return Optional.empty();
            if (!c.table().equals(table)) continue;
            if (own.equals(c.chain()) || own.equals(c.target())) return Optional.empty();   // the name is taken
            if (c.chain() == null && c.operation() != Operation.NONE && c.operation() != Operation.LIST
                    && c.operation() != Operation.LIST_RULES) {
                return Optional.empty();
            }
            if (!chain.equals(c.chain())) continue;
            switch (c.operation()) {
                case APPEND, INSERT -> {
                    if ("RETURN".equals(c.target())) return Optional.empty();   // would return to the built-in chain, not end it
                    EvaluatedWord w = c.option(c.operation().flag).get().valueWord();
                    if (!literal(words, w)) return Optional.empty();
                    chainWords.add(w.range());
                    added++;
                }
                case FLUSH, LIST, LIST_RULES, CHECK -> {
                }
                default -> {
                    return Optional.empty();   // deletes, replaces, renames or sets the policy: moving the rules changes that
                }
            }
        }
        String uri = script.uri();
        SourceRange at = flush.source().range();
        String command = "# " + new LineIndex(script.text()).text(at).replace("\n", "\n# ");
        List<TextEdit> edits = new ArrayList<>();
        if (added == 0) {
            edits.add(new TextEdit(uri, flush.source().range(), command + "   # routerls: nothing here adds to " + chain
                    + "; the flush only deleted fw3's rules"));
            return Optional.of(new Move(new Fix("Comment out the flush of " + table + " " + chain
                    + " (fw3 keeps its own rules there)", edits), table, chain, own, 0));
        }
        String p = program.text();
        String t = "-t " + table + " ";
        String indent = " ".repeat(flush.source().range().startColumn());
        String text = "# routerls: this script's rules live in " + own + "; flushing " + chain + " deleted fw3's rules too\n"
                + indent + p + " " + t + "-N " + own + " 2>/dev/null\n"
                + indent + p + " " + t + "-F " + own + "\n"
                + indent + p + " " + t + "-D " + chain + " -j " + own + " 2>/dev/null\n"
                + indent + p + " " + t + "-I " + chain + " -j " + own;
        edits.add(new TextEdit(uri, flush.source().range(), text));
        for (SourceRange w : chainWords) edits.add(new TextEdit(uri, w, own));
        return Optional.of(new Move(new Fix("Move this script's " + chain + " rules into chain " + own
                + " and flush only that (fw3's rules stay)", edits), table, chain, own, added));
    }

    /**
     * With the edits of {@code moves} applied, the script no longer flushes their chains, adds to each chain
     * nothing but the jump, and adds to each own chain as many rules as it added to the built-in one before.
     */
    private static boolean verified(Router router, ShellScript script, List<Move> moves) {
        if (moves.isEmpty()) return false;
        Router edited;
        try {
            List<TextEdit> all = new ArrayList<>();
            moves.forEach(m -> all.addAll(m.fix().edits()));
            edited = router.withFirewallUser(DocumentEdits.apply(script.text(), all));
        } catch (RuntimeException conflict) {
            return false;
        }
        for (Move m : moves) {
            int moved = 0;
            for (IptablesRule r : edited.iptables()) {
                IptablesCommand c = r.command();
                if (!m.table().equals(c.table())) continue;
                if (c.operation() == Operation.FLUSH && m.chain().equals(c.chain())) return false;
                if (r.adds() && m.chain().equals(c.chain()) && !m.own().equals(c.target())) return false;
                if (r.adds() && m.own().equals(c.chain())) moved++;
            }
            if (moved != m.added()) return false;
        }
        return true;
    }

    private static boolean literal(ShellAssignments words, EvaluatedWord w) {
        if (w == null || !w.known() || w.range() == null) return false;
        Optional<ShellWord> source = words.wordAt(w.range());
        return source.isPresent() && source.get().isLiteral() && w.text().equals(source.get().literalValue());
    }
}
