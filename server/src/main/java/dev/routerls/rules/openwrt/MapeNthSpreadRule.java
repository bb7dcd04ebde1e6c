package dev.routerls.rules.openwrt;

import dev.routerls.core.Severity;
import dev.routerls.core.SourceRange;
import dev.routerls.mape.MapRule;
import dev.routerls.openwrt.router.IptablesCall;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.router.script.ScriptArgument;
import dev.routerls.rules.Findings;
import dev.routerls.rules.Rule;
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
 * give each packet index 0…N−1 exactly once per chain, and set a different mark each.
 */
public final class MapeNthSpreadRule implements Rule<Router> {
    public static final RuleInfo INFO = new RuleInfo("openwrt/mape-nth-spread", Severity.WARNING,
            "nth-statistic MARK rules do not spread connections evenly over the MAP-E port blocks");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    private record Nth(IptablesCall call, ScriptArgument every, int everyValue, ScriptArgument packet, int packetValue,
                       ScriptArgument mark, Long markValue) {
        SourceRange packetRange() {
            return packet != null ? packet.range() : every.range();
        }
    }

    @Override
    public void check(Router router, Findings out) {
        if (router.firewallUser().isEmpty()) return;
        String uri = router.firewallUser().get().uri();
        OptionalInt blocks = blocks(router);
        Map<String, List<Nth>> chains = new LinkedHashMap<>();
        for (IptablesCall c : router.iptables()) {
            nth(c).ifPresent(n -> chains.computeIfAbsent(c.table() + " " + c.chainName(), k -> new ArrayList<>()).add(n));
        }
        LineFindings lines = new LineFindings();
        for (Map.Entry<String, List<Nth>> e : chains.entrySet()) {
            List<Nth> rules = e.getValue();
            String chain = rules.get(0).call().chainName();
            for (Nth n : rules) {
                if (blocks.isPresent() && n.everyValue() != blocks.getAsInt()) {
                    lines.add(uri, n.every().range(), "every", "--every " + n.everyValue() + " spreads new connections "
                            + "over " + n.everyValue() + " marks, but the MAP-E port set has " + blocks.getAsInt()
                            + " blocks; connections are then sent to blocks that do not exist or some blocks stay "
                            + "unused. Use --every " + blocks.getAsInt() + " (units1=" + blocks.getAsInt() + ").");
                }
                if (n.packetValue() >= n.everyValue() || n.packetValue() < 0) {
                    lines.add(uri, n.packetRange(), "packet", "--packet " + n.packetValue() + " is not below --every "
                            + n.everyValue() + ", so this rule never matches. Packet indexes run from 0 to "
                            + (n.everyValue() - 1) + ".");
                }
            }
            int every = mostCommonEvery(rules);
            Map<Integer, Nth> seen = new HashMap<>();
            for (Nth n : rules) {
                if (n.everyValue() != every) continue;
                Nth first = seen.putIfAbsent(n.packetValue(), n);
                if (first != null) {
                    lines.add(uri, n.packetRange(), "dup-packet", "Packet index " + n.packetValue() + " of chain " + chain
                            + " is already used by another --every " + every + " rule; that slot is marked twice while "
                            + "another stays empty. Give each rule its own index 0…" + (every - 1) + ".");
                }
            }
            TreeSet<Integer> missing = new TreeSet<>();
            for (int p = 0; p < every && p < 4096; p++) if (!seen.containsKey(p)) missing.add(p);
            if (!missing.isEmpty()) {
                lines.add(uri, rules.get(0).every().range(), "missing", "In chain " + chain + " no --every " + every
                        + " rule takes packet index" + (missing.size() > 1 ? "es " : " ") + abbreviate(missing)
                        + ", so those connections get no mark and miss every SNAT rule. Use each index 0…"
                        + (every - 1) + " once.");
            }
            Map<Long, Nth> marks = new HashMap<>();
            for (Nth n : rules) {
                if (n.markValue() == null) continue;
                Nth first = marks.putIfAbsent(n.markValue(), n);
                if (first != null) {
                    lines.add(uri, n.mark().range(), "mark", "Mark " + n.mark().value() + " is set by more than one "
                            + "statistic rule in chain " + chain + ", so those connections share one port block while "
                            + "another goes unused. Give each rule its own mark.");
                }
            }
        }
        lines.reportTo(out);
    }

    /** Blocks of the port set when exactly one MAP-E rule is in play. */
    private static OptionalInt blocks(Router router) {
        if (router.mapInterfaces().size() != 1) return OptionalInt.empty();
        Optional<MapRule> r = router.portRule(router.mapInterfaces().get(0));
        if (r.isEmpty() || r.get().psidlen() == 0) return OptionalInt.empty();
        int offset = r.get().offset();
        return OptionalInt.of(offset == 0 ? 1 : (1 << offset) - 1);
    }

    private static Optional<Nth> nth(IptablesCall c) {
        if (!c.adds() || !c.modules().contains("statistic")) return Optional.empty();
        Optional<ScriptArgument> mode = c.option("--mode");
        Optional<ScriptArgument> every = c.option("--every");
        if (mode.isEmpty() || !mode.get().value().equals("nth") || every.isEmpty() || !every.get().known()) {
            return Optional.empty();
        }
        Integer e = integer(every.get().value());
        if (e == null || e <= 0) return Optional.empty();
        Optional<ScriptArgument> packet = c.option("--packet");
        Integer p = packet.isPresent() ? (packet.get().known() ? integer(packet.get().value()) : null) : Integer.valueOf(0);
        if (p == null) return Optional.empty();
        Optional<ScriptArgument> mark = c.targetName().equals("MARK")
                ? c.targetOption("--set-mark", "--set-xmark") : Optional.empty();
        Long m = mark.filter(ScriptArgument::known).map(a -> markValue(a.value())).orElse(null);
        return Optional.of(new Nth(c, every.get(), e, packet.orElse(null), p, mark.orElse(null), m));
    }

    private static int mostCommonEvery(List<Nth> rules) {
        Map<Integer, Integer> counts = new HashMap<>();
        int best = rules.get(0).everyValue();
        for (Nth n : rules) {
            int c = counts.merge(n.everyValue(), 1, Integer::sum);
            if (c > counts.getOrDefault(best, 0)) best = n.everyValue();
        }
        return best;
    }

    private static Integer integer(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long markValue(String s) {
        String v = s.contains("/") ? s.substring(0, s.indexOf('/')) : s;
        try {
            return Long.decode(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String abbreviate(TreeSet<Integer> values) {
        List<String> out = new ArrayList<>();
        for (int v : values) {
            if (out.size() == 6) {
                out.add("… (" + values.size() + " in all)");
                break;
            }
            out.add(Integer.toString(v));
        }
        return String.join(", ", out);
    }
}
