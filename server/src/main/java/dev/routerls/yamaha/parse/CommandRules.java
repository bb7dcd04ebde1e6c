package dev.routerls.yamaha.parse;

import dev.routerls.grammar.YamahaLexer;
import dev.routerls.grammar.YamahaParser;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.atn.RuleStopState;
import org.antlr.v4.runtime.atn.RuleTransition;
import org.antlr.v4.runtime.atn.Transition;
import org.antlr.v4.runtime.misc.IntervalSet;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the grammar says about its explicit command rules, read from the generated parser's ATN so that
 * nothing mirrors the grammar by hand: the alternatives of {@code command}, and the keywords each one
 * starts with ({@code nat descriptor type}, {@code ip IFACE nat descriptor}).
 */
final class CommandRules {
    private static final ATN ATN = YamahaParser._ATN;
    /** Longest keyword prefix read; the explicit rules' own prefixes are at most five words. */
    private static final int MAX_PREFIX = 8;
    /** Tokens that may stand in a command's leading words: the keywords, and interface names (ip lan1 …). */
    private static final IntervalSet LEADING = leadingTokens();

    private CommandRules() {
    }

    /** The rule names of the {@code command} rule's alternatives, in grammar order. */
    static List<String> alternatives() {
        int command = ruleIndex("command");
        Set<String> out = new LinkedHashSet<>();
        for (ATNState s : ATN.states) {
            if (s == null || s.ruleIndex != command) continue;
            for (Transition t : s.getTransitions()) {
                if (t instanceof RuleTransition rt) out.add(YamahaParser.ruleNames[rt.target.ruleIndex]);
            }
        }
        return List.copyOf(out);
    }

    static int ruleIndex(String name) {
        int i = Arrays.asList(YamahaParser.ruleNames).indexOf(name);
        if (i < 0) throw new IllegalArgumentException("the YAMAHA grammar has no rule " + name);
        return i;
    }

    /**
     * Every sequence of leading keyword tokens of a rule: the tokens a line must start with before the
     * first value (a number, an address, a free word). An interface slot is {@link YamahaLexer#IFNAME},
     * {@code pp} or {@code tunnel}, one path each.
     */
    static List<int[]> leadingKeywords(String rule) {
        List<int[]> out = new ArrayList<>();
        walk(ATN.ruleToStartState[ruleIndex(rule)], new ArrayDeque<>(), new ArrayList<>(), out);
        return out;
    }

    private static void walk(ATNState s, Deque<ATNState> returns, List<Integer> path, List<int[]> out) {
        if (s instanceof RuleStopState) {
            if (returns.isEmpty()) {
                emit(path, out);
                return;
            }
            ATNState back = returns.pop();
            walk(back, returns, path, out);
            returns.push(back);
            return;
        }
        IntervalSet next = ATN.nextTokens(s);
        IntervalSet values = next.subtract(LEADING);
        values.remove(Token.EPSILON);
        if (path.size() >= MAX_PREFIX || !values.isNil()) {
            emit(path, out); // a value may come here: the keywords end
            return;
        }
        for (Transition t : s.getTransitions()) {
            if (t instanceof RuleTransition rt) {
                returns.push(rt.followState);
                walk(rt.target, returns, path, out);
                returns.pop();
            } else if (t.isEpsilon()) {
                walk(t.target, returns, path, out);
            } else {
                for (int token : t.label().toList()) {
                    path.add(token);
                    walk(t.target, returns, path, out);
                    path.remove(path.size() - 1);
                }
            }
        }
    }

    /**
     * Whether the rule, having read exactly {@code consumed} (token types), could still read another token:
     * then a word it stopped at is a wrong value there, not a word after a complete command.
     */
    static boolean expectsMore(String rule, int[] consumed) {
        Set<Config> current = closure(Set.of(new Config(ATN.ruleToStartState[ruleIndex(rule)], List.of())));
        for (int type : consumed) {
            Set<Config> next = new java.util.HashSet<>();
            for (Config c : current) {
                for (Transition t : c.state().getTransitions()) {
                    if (!t.isEpsilon() && t.matches(type, Token.MIN_USER_TOKEN_TYPE, ATN.maxTokenType)) {
                        next.add(new Config(t.target, c.returns()));
                    }
                }
            }
            current = closure(next);
            if (current.isEmpty()) return false;
        }
        for (Config c : current) {
            for (Transition t : c.state().getTransitions()) if (!t.isEpsilon()) return true;
        }
        return false;
    }

    /** An ATN state with the follow states of the rules it was entered from (innermost last). */
    private record Config(ATNState state, List<ATNState> returns) { }

    private static Set<Config> closure(Set<Config> start) {
        Set<Config> seen = new java.util.HashSet<>();
        Deque<Config> todo = new ArrayDeque<>(start);
        Set<Config> out = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            Config c = todo.pop();
            if (!seen.add(c)) continue;
            if (c.state() instanceof RuleStopState) {
                if (c.returns().isEmpty()) continue; // the rule itself ends here
                List<ATNState> rest = c.returns().subList(0, c.returns().size() - 1);
                todo.push(new Config(c.returns().get(c.returns().size() - 1), List.copyOf(rest)));
                continue;
            }
            boolean consuming = false;
            for (Transition t : c.state().getTransitions()) {
                if (t instanceof RuleTransition rt) {
                    List<ATNState> pushed = new ArrayList<>(c.returns());
                    pushed.add(rt.followState);
                    todo.push(new Config(rt.target, List.copyOf(pushed)));
                } else if (t.isEpsilon()) {
                    todo.push(new Config(t.target, c.returns()));
                } else {
                    consuming = true;
                }
            }
            if (consuming) out.add(c);
        }
        return out;
    }

    private static void emit(List<Integer> path, List<int[]> out) {
        if (path.isEmpty()) return;
        int[] p = path.stream().mapToInt(Integer::intValue).toArray();
        if (out.stream().noneMatch(o -> Arrays.equals(o, p))) out.add(p);
    }

    private static IntervalSet leadingTokens() {
        IntervalSet keywords = new IntervalSet(ATN.nextTokens(ATN.ruleToStartState[ruleIndex("keyword")]));
        keywords.add(YamahaLexer.IFNAME);
        return keywords;
    }
}
