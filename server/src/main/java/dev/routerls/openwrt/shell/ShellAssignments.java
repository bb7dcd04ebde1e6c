package dev.routerls.openwrt.shell;

import dev.routerls.core.SourceRange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a script's variables get their values, read from the syntax tree: the {@code NAME=value}
 * assignments, and the other ways a name can be set ({@code for NAME in}, {@code read NAME},
 * {@code export}/{@code local}/{@code readonly NAME=…}, {@code getopts}, and anything at all once the
 * script uses {@code eval} or {@code set}). Used to tell when a value comes straight from one literal
 * assignment, so that changing that assignment is the whole, certain edit.
 */
public final class ShellAssignments {
    private static final Set<String> SETTERS = Set.of("read", "export", "local", "readonly", "getopts", "typeset",
            "declare", "unset");

    private final Map<String, List<ShellCommand.Assignment>> assignments = new HashMap<>();
    private final Set<String> otherwiseSet = new HashSet<>();
    private final List<ShellWord> words = new ArrayList<>();
    private boolean anythingGoes;

    private ShellAssignments() {
    }

    public static ShellAssignments of(ShellScript script) {
        ShellAssignments a = new ShellAssignments();
        a.visit(script.body());
        return a;
    }

    /** The one assignment of {@code name} when it is the only way the script sets it and its value is literal. */
    public Optional<ShellCommand.Assignment> singleLiteral(String name) {
        if (anythingGoes || otherwiseSet.contains(name)) return Optional.empty();
        List<ShellCommand.Assignment> list = assignments.getOrDefault(name, List.of());
        if (list.size() != 1 || !list.get(0).value().isLiteral()) return Optional.empty();
        return Optional.of(list.get(0));
    }

    /** Every variable with a single literal assignment, by name. */
    public Map<String, ShellCommand.Assignment> singleLiterals() {
        Map<String, ShellCommand.Assignment> out = new HashMap<>();
        for (String name : assignments.keySet()) singleLiteral(name).ifPresent(a -> out.put(name, a));
        return out;
    }

    /** The word of a simple command written exactly at {@code range}, if any. */
    public Optional<ShellWord> wordAt(SourceRange range) {
        return words.stream().filter(w -> w.range().equals(range)).findFirst();
    }

    /**
     * The variable a word consists of, when it is nothing but one plain expansion ({@code $X}, {@code ${X}},
     * {@code "$X"}).
     */
    public static Optional<String> plainVariable(ShellWord w) {
        if (w.parts().size() != 1 || !(w.parts().get(0) instanceof ShellWord.Parameter p)) return Optional.empty();
        return p.operator() == null ? Optional.of(p.name()) : Optional.empty();
    }

    /** A replacement for an assignment's value word: the same quoting, the new text. */
    public static String requote(ShellWord value, String text) {
        String t = value.text();
        if (t.startsWith("'")) return "'" + text + "'";
        if (t.startsWith("\"")) return "\"" + text + "\"";
        return text;
    }

    private void visit(ShellCommand c) {
        if (c == null) return;
        if (c instanceof ShellCommand.Simple s) {
            for (ShellCommand.Assignment a : s.assignments()) {
                assignments.computeIfAbsent(a.name(), k -> new ArrayList<>()).add(a);
            }
            words.addAll(s.words());
            simple(s);
        } else {
            if (c instanceof ShellCommand.For f) otherwiseSet.add(f.variable());
            c.children().forEach(this::visit);
        }
    }

    /** Commands that set variables by name rather than by assignment syntax. */
    private void simple(ShellCommand.Simple s) {
        if (s.words().isEmpty()) return;
        String cmd = s.words().get(0).literalValue();
        if (cmd == null) return;
        if (cmd.equals("eval") || cmd.equals(".") || cmd.equals("source")) {
            anythingGoes = true;
            return;
        }
        if (!SETTERS.contains(cmd)) return;
        for (ShellWord w : s.words().subList(1, s.words().size())) {
            String v = w.literalValue();
            if (v == null) {
                anythingGoes = true;   // a name computed at run time could be any variable
                continue;
            }
            int eq = v.indexOf('=');
            otherwiseSet.add(eq >= 0 ? v.substring(0, eq) : v);
        }
    }
}
