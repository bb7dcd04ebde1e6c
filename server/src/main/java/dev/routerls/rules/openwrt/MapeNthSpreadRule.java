package dev.routerls.rules.openwrt;

import dev.routerls.core.Fix;
import dev.routerls.mape.MapeCalculator;
import dev.routerls.core.Severity;
import dev.routerls.core.SourceRange;
import dev.routerls.mape.MapRule;
import dev.routerls.openwrt.router.IptablesRule;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.shell.EvaluatedWord;
import dev.routerls.openwrt.shell.IptablesCommand;
import dev.routerls.rules.Findings;
import dev.routerls.rules.BaseRule;
import dev.routerls.rules.Example;
import dev.routerls.rules.RuleInfo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * {@code openwrt/mape-nth-spread}: the {@code -m statistic --mode nth --every N --packet P -j MARK}
 * rules that spread connections over the port blocks (seed 000) must use N = the number of blocks,
 * give each packet index 0…N−1 exactly once per chain, and set a different mark each; and the SNAT rules
 * that take the marked connections need a rule after them for a connection that got no mark
 * ({@link UnmarkedConnections}): the nth counters are per rule, so concurrent connections can miss them all.
 */
public final class MapeNthSpreadRule extends BaseRule<Router> {
    public static final String ID = "openwrt/mape-nth-spread";

    public MapeNthSpreadRule() {
        super(RuleInfo.rule(ID, Severity.WARNING)
                .summary("nth-statistic MARK rules do not give every connection one of the MAP-E port blocks")
                .rationale("""
                        firewall.user loops spread new connections over the port blocks with \
                        `-m statistic --mode nth --every N --packet P -j MARK`, one mark per block, and one SNAT \
                        rule per mark. N must be the number of blocks, and each packet index 0 to N-1 must appear \
                        once per chain with a mark of its own. Otherwise some blocks never get a connection (fewer \
                        usable ports), or some connections get no mark and so no SNAT rule. Even when all of that is \
                        right, every nth rule keeps a counter of its own: two new connections handled at the same \
                        moment on two CPUs can pass the mark rules in different orders, so that one takes two marks \
                        and the other none. A connection without a mark falls through to masquerading, which picks a \
                        port outside the PSID's set, and the border relay drops it. After the marked SNAT rules there \
                        must be a SNAT rule without a mark match per protocol, to a block of the set; the fix adds \
                        them (the block `routerls mape --snat iptables` writes has them too).""")
                .bad(OpenWrtExamples.script(OpenWrtExamples.LOOP))
                .good(OpenWrtExamples.script(OpenWrtExamples.SCRIPT))
                .fixable()
                .tags("mape", "nat")
                .build());
    }

    /** One nth rule: where its --every and --packet are, their values, and the mark it sets (null if none/unknown). */
    private record Nth(IptablesRule rule, SourceRange every, long everyValue, SourceRange packet, long packetValue,
                       EvaluatedWord mark, Long markValue) {
    }

    @Override
    public void check(Router router, Findings out) {
        if (router.firewallUser().isEmpty()) return;
        String uri = router.firewallUser().get().uri();
        OptionalInt blocks = blocks(router);
        Map<String, List<Nth>> chains = new LinkedHashMap<>();
        for (IptablesRule r : router.iptables()) {
            nth(r).ifPresent(n -> chains.computeIfAbsent(r.command().table() + " " + r.command().chain(),
                    k -> new ArrayList<>()).add(n));
        }
        LineFindings lines = new LineFindings();
        // when the loop's numbers are plain assignments, setting them right also fixes the spread
        List<Fix> fixes = chains.isEmpty() || router.mapInterfaces().size() != 1 ? List.of()
                : SnatFixes.forMap(router, router.mapInterfaces().get(0));
        for (List<Nth> rules : chains.values()) {
            String chain = rules.get(0).rule().command().chain();
            for (Nth n : rules) {
                if (blocks.isPresent() && n.everyValue() != blocks.getAsInt()) {
                    lines.add(uri, n.every(), "every", "--every " + n.everyValue() + " spreads new connections over "
                            + n.everyValue() + " marks, but the MAP-E port set has " + blocks.getAsInt() + " blocks; "
                            + "connections then go to blocks that do not exist or some blocks stay unused. Use --every "
                            + blocks.getAsInt() + " (units1=" + blocks.getAsInt() + ").", fixes);
                }
                if (n.packetValue() >= n.everyValue() || n.packetValue() < 0) {
                    lines.add(uri, n.packet(), "packet", "--packet " + n.packetValue() + " is not below --every "
                            + n.everyValue() + ", so this rule never matches. Packet indexes run from 0 to "
                            + (n.everyValue() - 1) + ".");
                }
            }
            long every = mostCommonEvery(rules);
            Map<Long, Nth> seen = new HashMap<>();
            for (Nth n : rules) {
                if (n.everyValue() != every) continue;
                if (seen.putIfAbsent(n.packetValue(), n) != null) {
                    lines.add(uri, n.packet(), "dup-packet", "Packet index " + n.packetValue() + " of chain " + chain
                            + " is already taken by another --every " + every + " rule; that slot is marked twice while "
                            + "another stays empty. Give each rule its own index 0…" + (every - 1) + ".");
                }
            }
            TreeSet<Long> missing = new TreeSet<>();
            for (long p = 0; p < every && p < 4096; p++) if (!seen.containsKey(p)) missing.add(p);
            if (!missing.isEmpty()) {
                lines.add(uri, rules.get(0).every(), "missing", "In chain " + chain + " no --every " + every
                        + " rule takes packet index" + (missing.size() > 1 ? "es " : " ") + abbreviate(missing)
                        + ", so those connections get no mark and miss every SNAT rule. Use each index 0…"
                        + (every - 1) + " once.");
            }
            Map<Long, Nth> marks = new HashMap<>();
            for (Nth n : rules) {
                if (n.markValue() == null) continue;
                if (marks.putIfAbsent(n.markValue(), n) != null) {
                    lines.add(uri, n.mark().range(), "mark", "Mark " + n.mark().text() + " is set by more than one "
                            + "statistic rule in chain " + chain + ", so those connections share one port block while "
                            + "another goes unused. Give each rule its own mark.");
                }
            }
        }
        for (UnmarkedConnections.Gap g : UnmarkedConnections.find(router)) {
            IptablesRule first = g.first();
            SourceRange at = first.command().moduleOption("mark", "--mark").map(IptablesCommand.Option::range)
                    .orElse(first.source().range());
            lines.add(uri, at, "unmarked", unmarked(g), UnmarkedFallbackFix.of(router, g).stream().toList());
        }
        lines.reportTo(out);
    }

    private static String unmarked(UnmarkedConnections.Gap g) {
        UnmarkedConnections.Fallback f = g.fallbacks().get(0);
        String example = f.certain() ? ", e.g. `iptables -t nat -A " + g.chain() + " " + String.join(" ", f.conditions())
                + " -j SNAT --to " + f.address() + ":" + f.ports() + "`" : "";
        return "A connection that got no nth mark passes this SNAT rule" + (g.fallbacks().size() > 1 || g.marked().size() > 1
                ? " and the other marked ones of chain " + g.chain() : "") + " and falls through to masquerading, which "
                + "picks a port outside the MAP-E port set: the border relay drops that connection. Each nth rule keeps "
                + "its own counter, so two new connections handled at once on two CPUs can pass the mark rules in "
                + "different orders, and one of them gets two marks, the other none. After the marked rules, add a SNAT "
                + "rule without a mark match for " + (g.fallbacks().size() > 1 ? "each protocol" : "these connections")
                + example + ".";
    }

    /** Blocks of the port set when exactly one MAP-E rule is in play: 2^offset − 1 (A = 0 is not used). */
    private static OptionalInt blocks(Router router) {
        if (router.mapInterfaces().size() != 1) return OptionalInt.empty();
        Optional<MapRule> r = router.portRule(router.mapInterfaces().get(0));
        if (r.isEmpty() || r.get().psidlen() == 0) return OptionalInt.empty();
        int offset = r.get().offset();
        return OptionalInt.of(MapeCalculator.blockCount(offset));
    }

    private static Optional<Nth> nth(IptablesRule r) {
        if (!r.adds()) return Optional.empty();
        IptablesCommand c = r.command();
        Optional<IptablesCommand.Statistic> st = c.statistic();
        if (st.isEmpty() || !"nth".equals(st.get().mode()) || st.get().every() == null || st.get().every() <= 0) {
            return Optional.empty();
        }
        Optional<IptablesCommand.Option> everyOpt = c.moduleOption("statistic", "--every");
        Optional<IptablesCommand.Option> packetOpt = c.moduleOption("statistic", "--packet");
        if (everyOpt.isEmpty() || packetOpt.isPresent() && st.get().packet() == null) return Optional.empty();
        SourceRange every = everyOpt.get().range();
        SourceRange packet = packetOpt.map(IptablesCommand.Option::range).orElse(every);
        long p = st.get().packet() == null ? 0 : st.get().packet();
        Optional<IptablesCommand.Mark> mark = "MARK".equals(c.target()) ? c.setMark() : Optional.empty();
        EvaluatedWord word = mark.map(IptablesCommand.Mark::word).orElse(null);
        Long value = mark.map(IptablesCommand.Mark::value).orElse(null);
        return Optional.of(new Nth(r, every, st.get().every(), packet, p, word, word == null ? null : value));
    }

    private static long mostCommonEvery(List<Nth> rules) {
        Map<Long, Integer> counts = new HashMap<>();
        long best = rules.get(0).everyValue();
        for (Nth n : rules) {
            int c = counts.merge(n.everyValue(), 1, Integer::sum);
            if (c > counts.getOrDefault(best, 0)) best = n.everyValue();
        }
        return best;
    }

    private static String abbreviate(TreeSet<Long> values) {
        List<String> out = new ArrayList<>();
        for (long v : values) {
            if (out.size() == 6) {
                out.add("… (" + values.size() + " in all)");
                break;
            }
            out.add(Long.toString(v));
        }
        return String.join(", ", out);
    }
}
