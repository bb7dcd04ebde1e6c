package dev.routerls.openwrt.router.script;

import dev.routerls.core.Diagnostic;
import dev.routerls.core.Severity;
import dev.routerls.core.SourceRange;
import dev.routerls.openwrt.shell.ShellCommand;
import dev.routerls.openwrt.shell.ShellScript;
import dev.routerls.openwrt.shell.ShellWord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A bounded evaluator for firewall.user-style scripts: runs assignments, {@code expr}, {@code $((…))},
 * {@code [ … ]}/{@code test}, {@code if}/{@code while}/{@code until}/{@code for}/{@code case}, shell
 * functions, {@code seq}, {@code echo} and {@code uci get} (answered from the router's own UCI files),
 * and collects the firewall commands the script would run.
 *
 * <p>It never guesses: a variable the script does not set, a command it cannot run inside
 * {@code $(…)}, or a condition that depends on one, gives an unknown value or skips the construct
 * with an info note. Evaluation stops after {@link #MAX_STEPS} commands with a warning.
 *
 * <p>Interim: the openwrt.shell package is getting its own evaluator (branch h-shell); once it is on
 * main, {@link #run} is meant to become an adapter over it.
 */
public final class ScriptEvaluator {
    public static final String RULE_ID = "openwrt/shell-evaluation";
    public static final int MAX_STEPS = 100_000;
    private static final int MAX_DEPTH = 100;
    private static final Set<String> FIREWALL_COMMANDS = Set.of("iptables", "ip6tables", "iptables-nft",
            "ip6tables-nft", "iptables-legacy", "ip6tables-legacy", "nft", "fw4", "fw3");
    /** Commands whose effect does not matter to the firewall and whose output is not used. */
    private static final Set<String> HARMLESS = Set.of("sleep", "logger", "echo", "printf", "sync", "modprobe",
            "insmod", "opkg", "exit");

    static final int UNKNOWN_STATUS = -1;

    private final String uri;
    private final Function<String, Optional<String>> uciGet;
    private final Map<String, Value> vars = new HashMap<>();
    private final Map<String, ShellCommand> functions = new HashMap<>();
    private final List<EvaluatedCommand> commands = new ArrayList<>();
    private final Map<String, Diagnostic> notes = new LinkedHashMap<>();
    private List<Value> positional = List.of();
    private int steps;
    private int depth;
    private int lastStatus;
    private final ExprCalculator expr = new ExprCalculator();
    private final Arithmetic arithmetic = new Arithmetic(this);

    private ScriptEvaluator(String uri, Function<String, Optional<String>> uciGet) {
        this.uri = uri;
        this.uciGet = uciGet;
    }

    /**
     * Evaluates {@code script}. {@code uciGet} answers {@code uci get package.section.option} from the
     * router's configuration (empty when the option is not set).
     */
    public static ScriptRun run(ShellScript script, Function<String, Optional<String>> uciGet) {
        ScriptEvaluator e = new ScriptEvaluator(script.uri(), uciGet);
        try {
            e.sequence(script.body(), null);
        } catch (Exit | StepLimit ignored) {
            // the script stops here
        } catch (Return r) {
            // 'return' outside a function ends the script in ash
        } catch (LoopControl c) {
            // break/continue outside a loop: ignored by ash
        }
        return new ScriptRun(script.uri(), e.commands, new ArrayList<>(e.notes.values()));
    }

    // ------------------------------------------------------------------ values

    /** A string that is either known or came from something the evaluator could not follow. */
    record Value(String text, boolean known) {
        static final Value UNKNOWN = new Value("", false);

        static Value of(String s) {
            return new Value(s, true);
        }
    }

    Value variable(String name) {
        return vars.get(name);
    }

    void setVariable(String name, Value v) {
        vars.put(name, v);
    }

    void note(SourceRange at, String message) {
        notes.putIfAbsent(at + message, new Diagnostic(RULE_ID, Severity.INFO, uri, at, message));
    }

    // ------------------------------------------------------------------ control flow signals

    private static final class Exit extends RuntimeException {
        Exit() {
            super(null, null, false, false);
        }
    }

    private static final class StepLimit extends RuntimeException {
        StepLimit() {
            super(null, null, false, false);
        }
    }

    private static final class Return extends RuntimeException {
        final int status;

        Return(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    private static final class LoopControl extends RuntimeException {
        final boolean isBreak;
        int levels;

        LoopControl(boolean isBreak, int levels) {
            super(null, null, false, false);
            this.isBreak = isBreak;
            this.levels = levels;
        }
    }

    // ------------------------------------------------------------------ commands

    /** Runs commands; {@code out} collects standard output inside a command substitution (null at top level). */
    private int sequence(ShellCommand.Sequence seq, Output out) {
        int status = 0;
        for (ShellCommand c : seq.commands()) status = command(c, out);
        return status;
    }

    private int command(ShellCommand c, Output out) {
        if (++steps > MAX_STEPS) {
            notes.putIfAbsent("steps", new Diagnostic(RULE_ID, Severity.WARNING, uri, c.range(),
                    "Evaluation stopped after " + MAX_STEPS + " steps (a loop that does not end?); firewall "
                            + "commands after this point are not checked. Make sure the loop condition changes."));
            throw new StepLimit();
        }
        int status;
        if (c instanceof ShellCommand.Simple s) {
            status = simple(s, out);
        } else if (c instanceof ShellCommand.Sequence s) {
            status = sequence(s, out);
        } else if (c instanceof ShellCommand.Pipeline p) {
            status = pipeline(p, out);
        } else if (c instanceof ShellCommand.AndOr a) {
            status = andOr(a, out);
        } else if (c instanceof ShellCommand.Background b) {
            command(b.command(), null);
            status = 0;
        } else if (c instanceof ShellCommand.BraceGroup b) {
            status = sequence(b.body(), out);
        } else if (c instanceof ShellCommand.Subshell s) {
            Map<String, Value> saved = new HashMap<>(vars);
            try {
                status = sequence(s.body(), out);
            } catch (Exit e) {
                status = lastStatus;
            } finally {
                vars.clear();
                vars.putAll(saved);
            }
        } else if (c instanceof ShellCommand.If i) {
            status = ifCommand(i, out);
        } else if (c instanceof ShellCommand.Loop l) {
            status = loop(l, out);
        } else if (c instanceof ShellCommand.For f) {
            status = forLoop(f, out);
        } else if (c instanceof ShellCommand.Case k) {
            status = caseCommand(k, out);
        } else if (c instanceof ShellCommand.FunctionDefinition f) {
            functions.put(f.name(), f.body());
            status = 0;
        } else if (c instanceof ShellCommand.Redirected r) {
            status = command(r.command(), out);
        } else {
            status = UNKNOWN_STATUS;
        }
        lastStatus = status;
        return status;
    }

    private int pipeline(ShellCommand.Pipeline p, Output out) {
        int status;
        if (p.commands().size() == 1) {
            status = command(p.commands().get(0), out);
        } else {
            // earlier stages only feed later ones; the evaluator does not model standard input
            for (int i = 0; i < p.commands().size() - 1; i++) command(p.commands().get(i), new Output());
            Output last = new Output();
            command(p.commands().get(p.commands().size() - 1), last);
            if (out != null) {
                out.unknown();
                note(p.range(), "routerls does not follow data through pipelines, so the value taken from this "
                        + "output is unknown.");
            }
            status = UNKNOWN_STATUS;
        }
        if (!p.negated() || status == UNKNOWN_STATUS) return status;
        return status == 0 ? 1 : 0;
    }

    private int andOr(ShellCommand.AndOr a, Output out) {
        int status = command(a.commands().get(0), out);
        for (int i = 1; i < a.commands().size(); i++) {
            ShellCommand.Operator op = a.operators().get(i - 1);
            if (status == UNKNOWN_STATUS) {
                note(a.commands().get(i).range(), "Whether this runs depends on a command whose result routerls cannot "
                        + "know, so it is not evaluated; firewall commands in it are not checked.");
                return UNKNOWN_STATUS;
            }
            boolean run = op == ShellCommand.Operator.AND ? status == 0 : status != 0;
            if (run) status = command(a.commands().get(i), out);
        }
        return status;
    }

    private int ifCommand(ShellCommand.If i, Output out) {
        for (ShellCommand.Branch b : i.branches()) {
            int cond = sequence(b.condition(), null);
            if (cond == UNKNOWN_STATUS) {
                note(b.condition().range(), "This condition depends on something routerls cannot evaluate, so "
                        + "neither branch is followed; firewall commands inside are not checked.");
                return UNKNOWN_STATUS;
            }
            if (cond == 0) return sequence(b.body(), out);
        }
        return i.elseBody() == null ? 0 : sequence(i.elseBody(), out);
    }

    private int loop(ShellCommand.Loop l, Output out) {
        int status = 0;
        while (true) {
            int cond = sequence(l.condition(), null);
            if (cond == UNKNOWN_STATUS) {
                note(l.condition().range(), "This loop condition depends on something routerls cannot evaluate, so "
                        + "the loop is not followed; firewall commands inside are not checked.");
                return UNKNOWN_STATUS;
            }
            if (l.until() ? cond == 0 : cond != 0) return status;
            try {
                status = sequence(l.body(), out);
            } catch (LoopControl c) {
                if (--c.levels > 0) throw c;
                if (c.isBreak) return 0;
            }
        }
    }

    private int forLoop(ShellCommand.For f, Output out) {
        List<Value> items = new ArrayList<>();
        if (f.items() == null) {
            items.addAll(positional);
        } else {
            for (ShellWord w : f.items()) for (ScriptArgument a : expand(w)) items.add(new Value(a.value(), a.known()));
        }
        int status = 0;
        for (Value v : items) {
            if (!v.known()) {
                note(f.range(), "The items of this for-loop are not known (they come from something routerls cannot "
                        + "evaluate); the loop is not followed.");
                return UNKNOWN_STATUS;
            }
        }
        for (Value v : items) {
            vars.put(f.variable(), v);
            try {
                status = sequence(f.body(), out);
            } catch (LoopControl c) {
                if (--c.levels > 0) throw c;
                if (c.isBreak) return 0;
            }
        }
        return status;
    }

    private int caseCommand(ShellCommand.Case k, Output out) {
        Value subject = joined(expand(k.subject()));
        if (!subject.known()) {
            note(k.subject().range(), "The value this case tests is not known, so no branch is followed; firewall "
                    + "commands inside are not checked.");
            return UNKNOWN_STATUS;
        }
        for (ShellCommand.CaseItem item : k.items()) {
            for (ShellWord p : item.patterns()) {
                Value pattern = joined(expand(p));
                if (!pattern.known()) {
                    note(p.range(), "This case pattern is not known; the case is not followed further.");
                    return UNKNOWN_STATUS;
                }
                if (Glob.matches(pattern.text(), subject.text())) return sequence(item.body(), out);
            }
        }
        return 0;
    }

    private int simple(ShellCommand.Simple s, Output out) {
        List<ScriptArgument> argv = new ArrayList<>();
        for (ShellWord w : s.words()) argv.addAll(expand(w));
        if (argv.isEmpty()) {
            lastStatus = 0;
            for (ShellCommand.Assignment a : s.assignments()) {
                vars.put(a.name(), a.value() == null ? Value.of("") : joined(expandNoSplit(a.value())));
            }
            return lastStatus;
        }
        ScriptArgument name = argv.get(0);
        if (!name.known()) {
            note(name.range(), "The command name is not known here, so routerls cannot tell what this runs.");
            if (out != null) out.unknown();
            return UNKNOWN_STATUS;
        }
        String cmd = name.value();
        if (FIREWALL_COMMANDS.contains(cmd)) {
            commands.add(new EvaluatedCommand(argv, s.range()));
            // '-C' asks whether a rule exists; on a fresh start it does not
            boolean check = argv.stream().anyMatch(a -> a.value().equals("-C") || a.value().equals("--check"));
            return check ? 1 : 0;
        }
        ShellCommand fn = functions.get(cmd);
        if (fn != null) return call(fn, argv, s.range(), out);
        return builtin(cmd, argv, s, out);
    }

    private int call(ShellCommand body, List<ScriptArgument> argv, SourceRange at, Output out) {
        if (depth >= MAX_DEPTH) {
            note(at, "Functions call each other more than " + MAX_DEPTH + " deep here; the call is not followed.");
            return UNKNOWN_STATUS;
        }
        List<Value> saved = positional;
        List<Value> args = new ArrayList<>();
        for (int i = 1; i < argv.size(); i++) args.add(new Value(argv.get(i).value(), argv.get(i).known()));
        positional = args;
        depth++;
        try {
            return command(body, out);
        } catch (Return r) {
            return r.status;
        } finally {
            depth--;
            positional = saved;
        }
    }

    private int builtin(String cmd, List<ScriptArgument> argv, ShellCommand.Simple s, Output out) {
        List<ScriptArgument> args = argv.subList(1, argv.size());
        switch (cmd) {
            case "[", "test" -> {
                List<ScriptArgument> t = new ArrayList<>(args);
                if (cmd.equals("[")) {
                    if (t.isEmpty() || !t.get(t.size() - 1).value().equals("]")) return 2;
                    t.remove(t.size() - 1);
                }
                return TestExpression.evaluate(t);
            }
            case "true", ":" -> {
                return 0;
            }
            case "false" -> {
                return 1;
            }
            case "expr" -> {
                Optional<Long> v = anyUnknown(args) ? Optional.empty() : expr.evaluate(values(args));
                if (v.isEmpty()) {
                    if (out != null) out.unknown();
                    if (!anyUnknown(args)) note(s.range(), "routerls cannot compute this expr expression; its result is unknown.");
                    return UNKNOWN_STATUS;
                }
                if (out != null) out.append(v.get() + "\n");
                return v.get() == 0 ? 1 : 0;
            }
            case "echo" -> {
                if (out != null) {
                    boolean newline = true;
                    List<ScriptArgument> words = args;
                    if (!words.isEmpty() && words.get(0).value().equals("-n")) {
                        newline = false;
                        words = words.subList(1, words.size());
                    }
                    if (anyUnknown(words)) out.unknown();
                    else out.append(String.join(" ", values(words)) + (newline ? "\n" : ""));
                }
                return 0;
            }
            case "seq" -> {
                return seq(args, out);
            }
            case "uci" -> {
                return uci(args, out);
            }
            case "local", "export", "readonly" -> {
                for (ScriptArgument a : args) {
                    int eq = a.value().indexOf('=');
                    if (eq > 0) vars.put(a.value().substring(0, eq), new Value(a.value().substring(eq + 1), a.known()));
                }
                return 0;
            }
            case "unset" -> {
                for (ScriptArgument a : args) vars.remove(a.value());
                return 0;
            }
            case "shift" -> {
                int n = args.isEmpty() ? 1 : parseInt(args.get(0).value(), 1);
                positional = n >= positional.size() ? List.of() : positional.subList(n, positional.size());
                return 0;
            }
            case "return" -> throw new Return(args.isEmpty() ? lastStatus : parseInt(args.get(0).value(), 0));
            case "exit" -> throw new Exit();
            case "break", "continue" -> throw new LoopControl(cmd.equals("break"),
                    args.isEmpty() ? 1 : Math.max(1, parseInt(args.get(0).value(), 1)));
            case "set", "trap", "umask", "cd" -> {
                return 0;
            }
            default -> {
                if (out != null) {
                    out.unknown();
                    note(s.range(), "routerls does not run '" + cmd + "', so the value taken from its output is unknown.");
                }
                return HARMLESS.contains(cmd) ? 0 : UNKNOWN_STATUS;
            }
        }
    }

    private int seq(List<ScriptArgument> args, Output out) {
        if (anyUnknown(args) || args.isEmpty() || args.size() > 3) {
            if (out != null) out.unknown();
            return UNKNOWN_STATUS;
        }
        long first = 1, step = 1, last;
        try {
            if (args.size() == 1) {
                last = Long.parseLong(args.get(0).value());
            } else if (args.size() == 2) {
                first = Long.parseLong(args.get(0).value());
                last = Long.parseLong(args.get(1).value());
            } else {
                first = Long.parseLong(args.get(0).value());
                step = Long.parseLong(args.get(1).value());
                last = Long.parseLong(args.get(2).value());
            }
        } catch (NumberFormatException e) {
            if (out != null) out.unknown();
            return 1;
        }
        if (step == 0 || (last - first) / step > MAX_STEPS) {
            if (out != null) out.unknown();
            return UNKNOWN_STATUS;
        }
        if (out != null) {
            StringBuilder sb = new StringBuilder();
            for (long v = first; step > 0 ? v <= last : v >= last; v += step) sb.append(v).append('\n');
            out.append(sb.toString());
        }
        return 0;
    }

    private int uci(List<ScriptArgument> args, Output out) {
        List<ScriptArgument> rest = new ArrayList<>(args);
        while (!rest.isEmpty() && rest.get(0).value().startsWith("-")) rest.remove(0);
        if (rest.size() == 2 && rest.get(0).value().equals("get") && rest.get(1).known()) {
            Optional<String> v = uciGet.apply(rest.get(1).value());
            if (v.isEmpty()) return 1;
            if (out != null) out.append(v.get() + "\n");
            return 0;
        }
        if (out != null) out.unknown();
        return UNKNOWN_STATUS;
    }

    // ------------------------------------------------------------------ expansion

    /** Collects what commands print inside {@code $(…)}; becomes unknown once any part is. */
    static final class Output {
        private final StringBuilder text = new StringBuilder();
        private boolean known = true;

        void append(String s) {
            text.append(s);
        }

        void unknown() {
            known = false;
        }

        Value value() {
            String s = text.toString();
            int end = s.length();
            while (end > 0 && s.charAt(end - 1) == '\n') end--;
            return known ? Value.of(s.substring(0, end)) : Value.UNKNOWN;
        }
    }

    /** A word as the value of an assignment: expanded without field splitting. */
    private List<ScriptArgument> expandNoSplit(ShellWord w) {
        return expandWord(w, false);
    }

    /** A word on a command line: expanded, unquoted expansions split into fields. */
    List<ScriptArgument> expand(ShellWord w) {
        return expandWord(w, true);
    }

    private List<ScriptArgument> expandWord(ShellWord w, boolean split) {
        List<ScriptArgument> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean known = true;
        boolean has = false;
        for (ShellWord.Part p : w.parts()) {
            if (p instanceof ShellWord.Literal l) {
                cur.append(l.text());
                has = true;
                continue;
            }
            if (p instanceof ShellWord.Parameter q && !q.quoted() && split && (q.name().equals("@") || q.name().equals("*"))
                    && q.operator() == null) {
                for (int i = 0; i < positional.size(); i++) {
                    if (i > 0) {
                        fields.add(new ScriptArgument(cur.toString(), known, w.range()));
                        cur.setLength(0);
                        known = true;
                    }
                    cur.append(positional.get(i).text());
                    known &= positional.get(i).known();
                    has = true;
                }
                continue;
            }
            Value v = partValue(p);
            if (!v.known()) {
                known = false;
                has = true;
                continue;
            }
            if (!split || p.quoted()) {
                cur.append(v.text());
                has = true;
                continue;
            }
            // field splitting on blanks (the default IFS)
            String t = v.text();
            int i = 0;
            boolean leadingBlank = !t.isEmpty() && Character.isWhitespace(t.charAt(0));
            if (leadingBlank && has) {
                fields.add(new ScriptArgument(cur.toString(), known, w.range()));
                cur.setLength(0);
                known = true;
                has = false;
            }
            String[] pieces = t.strip().split("\\s+");
            for (String piece : pieces) {
                if (piece.isEmpty()) continue;
                if (i++ > 0) {
                    fields.add(new ScriptArgument(cur.toString(), known, w.range()));
                    cur.setLength(0);
                    known = true;
                }
                cur.append(piece);
                has = true;
            }
            if (!t.isEmpty() && Character.isWhitespace(t.charAt(t.length() - 1)) && has) {
                fields.add(new ScriptArgument(cur.toString(), known, w.range()));
                cur.setLength(0);
                known = true;
                has = false;
            }
        }
        if (has || !split) fields.add(new ScriptArgument(cur.toString(), known, w.range()));
        return fields;
    }

    private Value partValue(ShellWord.Part p) {
        if (p instanceof ShellWord.Parameter q) return parameter(q);
        if (p instanceof ShellWord.CommandSubstitution c) {
            Output o = new Output();
            int saved = lastStatus;
            int status = sequence(c.body(), o);
            lastStatus = status == UNKNOWN_STATUS ? saved : status;
            return o.value();
        }
        if (p instanceof ShellWord.Arithmetic a) {
            Value text = joined(expandNoSplit(a.expression()));
            if (!text.known()) return Value.UNKNOWN;
            Optional<Long> v = arithmetic.evaluate(text.text(), a.range());
            return v.map(x -> Value.of(Long.toString(x))).orElse(Value.UNKNOWN);
        }
        return Value.UNKNOWN;
    }

    private Value parameter(ShellWord.Parameter q) {
        Value v = lookup(q.name());
        String op = q.operator();
        if (op == null) return v == null ? Value.UNKNOWN : v;
        switch (op) {
            case "length" -> {
                return v == null || !v.known() ? Value.UNKNOWN : Value.of(Integer.toString(v.text().length()));
            }
            case "-", ":-", "=", ":=" -> {
                boolean use = v == null || op.startsWith(":") && v.known() && v.text().isEmpty();
                if (v != null && !v.known()) return Value.UNKNOWN;
                if (!use) return v;
                Value d = joined(expandNoSplit(q.argument()));
                if (op.endsWith("=")) vars.put(q.name(), d);
                return d;
            }
            case "+", ":+" -> {
                if (v != null && !v.known()) return Value.UNKNOWN;
                boolean set = v != null && !(op.startsWith(":") && v.text().isEmpty());
                return set ? joined(expandNoSplit(q.argument())) : Value.of("");
            }
            case "#", "##", "%", "%%" -> {
                if (v == null || !v.known()) return Value.UNKNOWN;
                Value pattern = joined(expandNoSplit(q.argument()));
                if (!pattern.known()) return Value.UNKNOWN;
                return Value.of(Glob.strip(v.text(), pattern.text(), op));
            }
            default -> {
                return Value.UNKNOWN;
            }
        }
    }

    /** A variable or special parameter; null when the script never set it. */
    private Value lookup(String name) {
        if (name.equals("#")) return Value.of(Integer.toString(positional.size()));
        if (name.equals("?")) return lastStatus == UNKNOWN_STATUS ? Value.UNKNOWN : Value.of(Integer.toString(lastStatus));
        if (name.equals("@") || name.equals("*")) {
            boolean known = positional.stream().allMatch(Value::known);
            return new Value(String.join(" ", positional.stream().map(Value::text).toList()), known);
        }
        if (!name.isEmpty() && Character.isDigit(name.charAt(0))) {
            int i = parseInt(name, -1);
            if (i == 0) return Value.of("firewall.user");
            return i > 0 && i <= positional.size() ? positional.get(i - 1) : null;
        }
        return vars.get(name);
    }

    private static Value joined(List<ScriptArgument> fields) {
        StringBuilder sb = new StringBuilder();
        boolean known = true;
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) sb.append(' ');
            sb.append(fields.get(i).value());
            known &= fields.get(i).known();
        }
        return new Value(sb.toString(), known);
    }

    private static boolean anyUnknown(List<ScriptArgument> args) {
        return args.stream().anyMatch(a -> !a.known());
    }

    private static List<String> values(List<ScriptArgument> args) {
        return args.stream().map(ScriptArgument::value).toList();
    }

    private static int parseInt(String s, int fallback) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
