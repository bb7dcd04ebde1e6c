package dev.routerls.openwrt.router;

import dev.routerls.openwrt.shell.IptablesCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the chains of one table hold once firewall.user has run, in the order the kernel walks them: the
 * script's -A, -I, -R, -D, -F and -X replayed over empty chains (rules fw3 adds itself are not in the
 * script and so not here). A chain whose contents cannot be told — a command of the table whose chain, rule
 * number or other words stayed unknown — has none.
 */
public final class IptablesChains {
    private final List<IptablesRule> script;
    private final IptablesCommand.Family family;
    private final String table;
    private final Map<String, Optional<List<IptablesRule>>> chains = new ConcurrentHashMap<>();

    public IptablesChains(List<IptablesRule> script, IptablesCommand.Family family, String table) {
        this.script = List.copyOf(script);
        this.family = family;
        this.table = table;
    }

    /** The rules of {@code chain} in chain order, or empty when a command of the script leaves them unknown. */
    public Optional<List<IptablesRule>> rules(String chain) {
        return chains.computeIfAbsent(chain, this::replay);
    }

    private Optional<List<IptablesRule>> replay(String chain) {
        List<IptablesRule> out = new ArrayList<>();
        for (IptablesRule r : script) {
            IptablesCommand c = r.command();
            if (c.family() != family || c.operation() == IptablesCommand.Operation.NONE) continue;
            if (c.table() == null) return Optional.empty();
            if (!c.table().equals(table)) continue;
            boolean wholeTable = c.chain() == null && c.option(c.operation().flag).map(o -> o.values().isEmpty()).orElse(false);
            if (c.chain() == null && !wholeTable) return Optional.empty();
            if (!wholeTable && !c.chain().equals(chain)) continue;
            switch (c.operation()) {
                case APPEND -> out.add(r);
                case INSERT -> {
                    Integer n = number(c);
                    if (n == null) return Optional.empty();
                    out.add(Math.min(Math.max(n - 1, 0), out.size()), r);
                }
                case REPLACE -> {
                    Integer n = c.ruleNumber();
                    if (n == null || n < 1 || n > out.size()) return Optional.empty();
                    out.set(n - 1, r);
                }
                case DELETE -> {
                    if (!delete(out, c)) return Optional.empty();
                }
                case FLUSH, DELETE_CHAIN -> out.clear();
                default -> {
                }
            }
        }
        return Optional.of(List.copyOf(out));
    }

    /** The rules of every chain that jump ({@code -j}/{@code -g}) to {@code chain}, each with the chain holding it. */
    public List<Jump> jumpsTo(String chain) {
        List<Jump> out = new ArrayList<>();
        List<String> chains = new ArrayList<>();
        for (IptablesRule r : script) {
            String c = r.command().chain();
            if (r.adds() && r.command().family() == family && table.equals(r.command().table()) && c != null
                    && !chains.contains(c)) {
                chains.add(c);
            }
        }
        for (String c : chains) {
            Optional<List<IptablesRule>> rules = rules(c);
            if (rules.isEmpty()) continue;
            for (int i = 0; i < rules.get().size(); i++) {
                if (chain.equals(rules.get().get(i).command().target())) out.add(new Jump(c, rules.get(), i));
            }
        }
        return out;
    }

    /** Rule {@code index} of {@code rules} (the contents of chain {@code chain}) jumps to another chain. */
    public record Jump(String chain, List<IptablesRule> rules, int index) {
        public IptablesRule rule() {
            return rules.get(index);
        }
    }

    /** -I's position: 1 when not given; null when given but unknown. */
    private static Integer number(IptablesCommand c) {
        IptablesCommand.Option o = c.option(c.operation().flag).orElseThrow();
        if (o.values().size() < 2) return 1;
        return c.ruleNumber();
    }

    /** -D by number or by rule; false when which rule it deletes cannot be told. A rule that is not there stays so. */
    private static boolean delete(List<IptablesRule> rules, IptablesCommand c) {
        IptablesCommand.Option op = c.option(c.operation().flag).orElseThrow();
        if (op.values().size() >= 2) {
            Integer n = c.ruleNumber();
            if (n == null) return false;
            if (n >= 1 && n <= rules.size()) rules.remove(n - 1);
            return true;
        }
        List<String> spec = spec(c);
        if (spec == null) return false;
        for (int i = 0; i < rules.size(); i++) {
            if (spec.equals(spec(rules.get(i).command()))) {
                rules.remove(i);
                return true;
            }
        }
        return true;
    }

    /** The words of a rule other than its chain command and table, or null when one is unknown. */
    private static List<String> spec(IptablesCommand c) {
        List<String> out = new ArrayList<>();
        for (IptablesCommand.Option o : c.options()) {
            if (o.name().equals("-t") || o.name().equals(c.operation().flag)) continue;
            out.add((o.negated() ? "! " : "") + o.name());
            for (var w : o.values()) {
                if (w.text() == null) return null;
                out.add(w.text());
            }
        }
        return out;
    }
}
