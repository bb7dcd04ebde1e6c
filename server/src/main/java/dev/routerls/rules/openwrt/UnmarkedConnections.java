package dev.routerls.rules.openwrt;

import dev.routerls.core.SourceRange;
import dev.routerls.mape.PortRange;
import dev.routerls.openwrt.router.NatChains;
import dev.routerls.openwrt.router.IptablesRule;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.shell.EvaluatedWord;
import dev.routerls.openwrt.shell.IptablesCommand;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SNAT rules of firewall.user that take only connections carrying a mark an nth-statistic MARK rule
 * sets, with nothing after them for a connection that got no mark. Each nth rule keeps its own counter,
 * so two new connections handled at once on two CPUs can pass the mark rules in different orders and one
 * of them ends up with no mark; such a connection must meet a SNAT rule without a mark match further on
 * (in the same chain, or after the jump into it), or it reaches the end of a built-in chain and with it
 * fw3's masquerading.
 *
 * <p>The chains are read as the router leaves them ({@link NatChains}: fw3's zone masquerading, then the
 * script's commands, when something runs the script). A rule "catches" a connection the marked rule would
 * have taken when its conditions are among that rule's conditions less the mark match. Where the script does
 * not tell (a jump into a chain of fw3's, a -g, an unknown word, a chain nothing jumps to), no gap is reported.
 */
final class UnmarkedConnections {
    private static final Set<String> BUILTIN_CHAINS = Set.of("PREROUTING", "INPUT", "OUTPUT", "POSTROUTING");
    /** Targets after which the packet goes on to the next rule. */
    private static final Set<String> PASS_ON = Set.of("MARK", "CONNMARK", "LOG", "NFLOG", "ULOG", "TRACE");
    /** Targets that end the packet's way through nat without a SNAT to the port set. */
    private static final Set<String> STOPS = Set.of("ACCEPT", "DROP", "REJECT", "MASQUERADE", "DNAT", "REDIRECT", "NETMAP");
    private static final int MAX_JUMPS = 4;

    private UnmarkedConnections() {
    }

    /**
     * One chain's marked SNAT rules that a connection without a mark passes by: the rules (first of each
     * source line), and one rule to add per distinct set of conditions.
     */
    record Gap(String chain, List<IptablesRule> marked, List<Fallback> fallbacks) {
        IptablesRule first() {
            return marked.get(0);
        }
    }

    /**
     * A rule that would catch what {@code like} takes, less its mark: its conditions as words (null when one
     * is unknown), SNAT to {@code address}:{@code ports} (null when the marked rules do not tell one).
     */
    record Fallback(IptablesRule like, List<String> conditions, String address, PortRange ports) {
        boolean certain() {
            return conditions != null && address != null && ports != null;
        }
    }

    private enum Caught { YES, NO, UNKNOWN }

    static List<Gap> find(Router router) {
        Set<Long> nthMarks = new HashSet<>();
        for (IptablesRule r : router.iptables()) {
            IptablesCommand c = r.command();
            if (!r.adds() || !"MARK".equals(c.target())) continue;
            if (c.statistic().filter(s -> "nth".equals(s.mode())).isEmpty()) continue;
            IptablesCommand.Mark set = c.setMark().orElse(null);
            if (set != null && set.value() != null) nthMarks.add(set.value());
        }
        if (nthMarks.isEmpty()) return List.of();
        NatChains nat = NatChains.of(router);
        Map<String, List<IptablesRule>> markedByChain = new LinkedHashMap<>();
        for (IptablesRule r : router.iptables()) {
            IptablesCommand c = r.command();
            if (!r.adds() || !r.isIpv4Nat() || !"SNAT".equals(c.target()) || c.chain() == null) continue;
            IptablesCommand.Mark match = c.markMatch().orElse(null);
            Long mark = match == null ? null : match.value();
            if (mark == null || !nthMarks.contains(mark) || c.markMatch().get().mask() != null) continue;
            markedByChain.computeIfAbsent(c.chain(), k -> new ArrayList<>()).add(r);
        }
        List<Gap> out = new ArrayList<>();
        Walk walk = new Walk(nat);
        for (Map.Entry<String, List<IptablesRule>> e : markedByChain.entrySet()) {
            List<NatChains.Entry> rules = nat.chain(e.getKey());
            // the chain's entries are these very rule objects: compared by identity, not by a record equals that
            // walks every evaluated word (a cold run spent an eighth of its time there)
            Set<IptablesRule> marked = Collections.newSetFromMap(new IdentityHashMap<>());
            marked.addAll(e.getValue());
            Map<String, IptablesRule> uncovered = new LinkedHashMap<>();
            Set<SourceRange> lines = new HashSet<>();
            for (int i = 0; i < rules.size(); i++) {
                if (!(rules.get(i) instanceof NatChains.UserRule u) || !marked.contains(u.rule())) continue;
                IptablesRule s = u.rule();
                List<List<String>> conditions = conditions(s.command(), true);
                if (conditions == null) continue;
                if (walk.from(e.getKey(), i + 1, new HashSet<>(conditions), 0) != Caught.NO) continue;
                uncovered.putIfAbsent(String.valueOf(flatten(conditions)), s);
                lines.add(s.source().range());
            }
            if (uncovered.isEmpty()) continue;
            List<IptablesRule> firstPerLine = new ArrayList<>();
            Set<SourceRange> seenLines = new HashSet<>();
            for (IptablesRule r : e.getValue()) {
                if (lines.contains(r.source().range()) && seenLines.add(r.source().range())) firstPerLine.add(r);
            }
            Target target = target(e.getValue());
            List<Fallback> fallbacks = new ArrayList<>();
            for (IptablesRule like : uncovered.values()) {
                List<List<String>> c = conditions(like.command(), true);
                fallbacks.add(new Fallback(like, c == null ? null : flatten(c), target.address(), target.ports()));
            }
            out.add(new Gap(e.getKey(), firstPerLine, fallbacks));
        }
        return out;
    }

    /**
     * Where connections without a mark end up, worked out once per chain and set of conditions: a walk
     * backwards over the chain gives the outcome from every position at once, so a loop's thousands of
     * marked rules cost one pass, not one pass each. Past {@link #MAX_STEPS} entries visited (a script of
     * many chains and jumps) the answer is unknown, and no gap is reported.
     */
    private static final class Walk {
        private static final int MAX_STEPS = 2_000_000;
        private final NatChains nat;
        private final Map<IptablesCommand, List<List<String>>> own = new IdentityHashMap<>();
        private final Map<String, List<Jump>> jumpsInto = new HashMap<>();
        private final Map<Key, Caught[]> outcomes = new HashMap<>();
        private final Map<Key, Caught> ends = new HashMap<>();
        private long steps;

        private record Jump(String caller, int index, IptablesCommand command) { }

        private record Key(String chain, Set<List<String>> conditions, int jumps) { }

        Walk(NatChains nat) {
            this.nat = nat;
            for (String caller : nat.chainNames()) {
                List<NatChains.Entry> rules = nat.chain(caller);
                for (int i = 0; i < rules.size(); i++) {
                    if (!(rules.get(i) instanceof NatChains.UserRule u) || u.rule().command().target() == null) continue;
                    jumpsInto.computeIfAbsent(u.rule().command().target(), k -> new ArrayList<>())
                            .add(new Jump(caller, i, u.rule().command()));
                }
            }
        }

        /** Whether a packet that matched {@code conditions} but no mark is SNATed from rule {@code from} of {@code chain} on. */
        Caught from(String chain, int from, Set<List<String>> conditions, int jumps) {
            Key key = new Key(chain, conditions, jumps);
            Caught[] known = outcomes.get(key);
            if (known == null) {
                if (steps > MAX_STEPS) return Caught.UNKNOWN;
                known = backwards(key);
                outcomes.put(key, known);
            }
            return known[from];
        }

        private Caught[] backwards(Key key) {
            List<NatChains.Entry> rules = nat.chain(key.chain());
            Caught[] out = new Caught[rules.size() + 1];
            out[rules.size()] = end(key);
            for (int i = rules.size() - 1; i >= 0; i--) {
                steps++;
                Caught decided = decides(rules.get(i), key);
                out[i] = decided == null ? out[i + 1] : decided;
            }
            return out;
        }

        /** What rule {@code entry} does to such a packet, or null when the packet goes on past it. */
        private Caught decides(NatChains.Entry entry, Key key) {
            Set<List<String>> conditions = key.conditions();
            if (entry instanceof NatChains.ZoneMasquerade z) {
                // fw3's masquerading of a zone device: reached unless the connection leaves through another device
                boolean otherDevice = conditions.stream().anyMatch(w -> w.size() == 2 && w.get(0).equals("-o")
                        && !w.get(1).equals(z.device()));
                return otherDevice ? null : Caught.NO;
            }
            IptablesCommand c = ((NatChains.UserRule) entry).rule().command();
            List<List<String>> own = conditionsOf(c);
            if (own == null || !conditions.containsAll(own)) return null;
            String target = c.target();
            if (target == null || PASS_ON.contains(target)) return null;
            if (target.equals("SNAT")) return Caught.YES;
            if (target.equals("RETURN")) return end(key);
            if (STOPS.contains(target)) return Caught.NO;
            return Caught.UNKNOWN;   // a jump: not followed
        }

        /** Where a packet goes at the end of a chain: on past every jump into it, or out of nat (built-in chains). */
        private Caught end(Key key) {
            if (BUILTIN_CHAINS.contains(key.chain())) return Caught.NO;
            if (key.jumps() >= MAX_JUMPS) return Caught.UNKNOWN;
            Caught known = ends.get(key);
            if (known != null) return known;
            boolean reached = false;
            boolean unknown = false;
            for (Jump j : jumpsInto.getOrDefault(key.chain(), List.of())) {
                steps++;
                List<List<String>> via = conditionsOf(j.command());
                if (via == null || j.command().option("-g").isPresent()) {
                    unknown = true;   // after a -g the packet returns further up; not followed
                    continue;
                }
                Set<List<String>> more = new HashSet<>(key.conditions());
                more.addAll(via);
                Caught c = from(j.caller(), j.index() + 1, more, key.jumps() + 1);
                if (c == Caught.NO) {
                    ends.put(key, Caught.NO);
                    return Caught.NO;
                }
                if (c == Caught.UNKNOWN) unknown = true;
                reached = true;
            }
            // nothing jumps here: the rules are never reached
            Caught result = reached && !unknown ? Caught.YES : Caught.UNKNOWN;
            ends.put(key, result);
            return result;
        }

        private List<List<String>> conditionsOf(IptablesCommand c) {
            if (own.containsKey(c)) return own.get(c);
            List<List<String>> words = conditions(c, false);
            own.put(c, words);
            return words;
        }
    }

    /**
     * The match options of a rule, each as its words ("!" first when negated): everything but the table, the
     * chain command and the target with its options, and with {@code withoutMark} the mark match. Null when a
     * word is unknown.
     */
    static List<List<String>> conditions(IptablesCommand c, boolean withoutMark) {
        List<List<String>> out = new ArrayList<>();
        for (IptablesCommand.Option o : c.options()) {
            String n = o.name();
            if (n.equals("-t") || n.equals(c.operation().flag) || n.equals("-j") || n.equals("-g") || o.targetOption()) continue;
            if (withoutMark && (n.equals("-m") && "mark".equals(o.value()) || o.module().equalsIgnoreCase("mark"))) continue;
            List<String> words = new ArrayList<>();
            if (o.negated()) words.add("!");
            words.add(n);
            for (EvaluatedWord w : o.values()) {
                if (w.text() == null) return null;
                words.add(w.text());
            }
            out.add(words);
        }
        return out;
    }

    private static List<String> flatten(List<List<String>> conditions) {
        List<String> out = new ArrayList<>();
        conditions.forEach(out::addAll);
        return out;
    }

    private record Target(String address, PortRange ports) { }

    /** The one address the marked rules SNAT to, and their lowest port range; nulls when not one known address. */
    private static Target target(List<IptablesRule> marked) {
        Set<String> addresses = new HashSet<>();
        PortRange lowest = null;
        for (IptablesRule r : marked) {
            Optional<IptablesCommand.NatTarget> t = r.command().natTarget();
            if (t.isEmpty() || t.get().address() == null || t.get().portLow() == null || t.get().word() == null
                    || !t.get().word().known()) {
                return new Target(null, null);
            }
            addresses.add(t.get().address());
            PortRange p = new PortRange(t.get().portLow(), t.get().portHigh());
            if (lowest == null || p.lo() < lowest.lo()) lowest = p;
        }
        return addresses.size() == 1 ? new Target(addresses.iterator().next(), lowest) : new Target(null, null);
    }
}
