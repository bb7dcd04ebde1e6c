package dev.routerls.openwrt.shell;

import dev.routerls.core.AnalysisBudget;
import dev.routerls.core.SourceRange;
import dev.routerls.core.Unanalysed;
import dev.routerls.openwrt.shell.ShellStreams.Input;
import dev.routerls.openwrt.shell.ShellStreams.Output;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * Runs a parsed script abstractly: commands the evaluator can compute (variables, expr, test,
 * loops, functions, echo/printf/seq in substitutions) are computed, anything that depends on the
 * router stays an unknown value with an info diagnostic at its origin, and firewall commands are
 * collected instead of run. When a condition is unknown, every outcome is followed and the state
 * afterwards keeps only what all outcomes agree on.
 */
final class Interpreter {
    static final int UNKNOWN = -1;
    private static final int MAX_CALL_DEPTH = 100;
    private static final Set<String> FIREWALL_PROGRAMS = Set.of("iptables", "ip6tables", "iptables-legacy",
            "ip6tables-legacy", "iptables-nft", "ip6tables-nft", "nft");

    private final String uri;
    private final int stepLimit;
    private final List<EvaluatedCommand> collected = new ArrayList<>();
    private final Set<ShellProblem> problems = new LinkedHashSet<>();
    private final List<Unanalysed> unanalysed = new ArrayList<>();
    private final ArithmeticEvaluator arithmetic = new ArithmeticEvaluator();
    private final Deque<LoopFrame> loops = new ArrayDeque<>();
    private final Deque<Map<String, Optional<ShellValue>>> localFrames = new ArrayDeque<>();

    private Environment env = new Environment();
    private Output stdout = Output.DISCARD;
    private Input stdin = Input.unknown("the script's standard input");
    private int steps;
    /** Words a command may have before each further word counts as a step of its own. */
    static final int WORDS_PER_STEP = 64;
    private int conditionalDepth;
    private boolean uncertainRest;
    private int callDepth;
    private int lastStatus;
    private int substitutionStatus;
    private SourceRange unknownStatusAt;
    private String unknownStatusWhy;

    private static final class LoopFrame {
        final SourceRange range;
        int iteration;

        LoopFrame(SourceRange range) {
            this.range = range;
        }
    }

    // control flow of the evaluated script
    private static class Signal extends RuntimeException {
        final int value;

        Signal(int value) {
            super(null, null, false, false);
            this.value = value;
        }
    }

    private static final class BreakSignal extends Signal {
        BreakSignal(int levels) {
            super(levels);
        }
    }

    private static final class ContinueSignal extends Signal {
        ContinueSignal(int levels) {
            super(levels);
        }
    }

    private static final class ReturnSignal extends Signal {
        ReturnSignal(int status) {
            super(status);
        }
    }

    private static final class ExitSignal extends Signal {
        ExitSignal(int status) {
            super(status);
        }
    }

    /** Not a {@link Signal}: nothing but the top level may catch it. */
    static final class StepLimitReached extends RuntimeException {
        final SourceRange at;
        /** True when the analysis' time budget ran out rather than the step limit. */
        final boolean budget;

        StepLimitReached(SourceRange at, boolean budget) {
            super(null, null, false, false);
            this.at = at;
            this.budget = budget;
        }
    }

    Interpreter(String uri, int stepLimit, Map<String, String> presets) {
        this.uri = uri;
        this.stepLimit = stepLimit;
        presets.forEach((k, v) -> env.variables.put(k, ShellValue.known(v)));
    }

    EvaluationResult run(ShellScript script) {
        boolean complete = true;
        try {
            exec(script.body());
        } catch (Signal s) {
            // exit, or return/break/continue outside their construct: the script ends here
        } catch (StepLimitReached s) {
            complete = false;
            if (s.budget) {
                unanalysed.add(AnalysisBudget.current().stopped(uri, s.at, "the script's evaluation was not finished,"
                        + " so its firewall commands from here on are not checked."));
            } else problems.add(new ShellProblem(ShellProblem.Kind.STEP_LIMIT, s.at,
                    "Evaluation stopped after " + stepLimit + " steps here: this loop does not end, or runs too long to "
                            + "follow. Firewall commands after this point are not checked; make sure the loop ends."));
        } catch (StackOverflowError e) {
            complete = false;
            problems.add(new ShellProblem(ShellProblem.Kind.STEP_LIMIT,
                    script.body().range(), "The script nests too deeply to follow; evaluation stopped."));
        }
        return new EvaluationResult(collected, new ArrayList<>(problems), unanalysed, Math.min(steps, stepLimit), complete);
    }

    // ------------------------------------------------------------------ commands

    int exec(ShellCommand c) {
        int status = dispatch(c);
        lastStatus = status;
        return status;
    }

    private int dispatch(ShellCommand c) {
        if (c instanceof ShellCommand.Simple s) return simple(s);
        if (c instanceof ShellCommand.Sequence q) {
            int st = 0;
            for (ShellCommand x : q.commands()) st = exec(x);
            return st;
        }
        if (c instanceof ShellCommand.AndOr a) return andOr(a);
        if (c instanceof ShellCommand.Pipeline p) return pipeline(p);
        if (c instanceof ShellCommand.BraceGroup b) return exec(b.body());
        if (c instanceof ShellCommand.Subshell s) return subshell(() -> exec(s.body()));
        if (c instanceof ShellCommand.Background b) {
            subshell(() -> exec(b.command()));
            return 0;
        }
        if (c instanceof ShellCommand.If i) return ifFrom(i, 0);
        if (c instanceof ShellCommand.Loop l) return loop(l);
        if (c instanceof ShellCommand.For f) return forLoop(f);
        if (c instanceof ShellCommand.Case k) return caseFrom(k, expandJoined(k.subject()), 0);
        if (c instanceof ShellCommand.FunctionDefinition f) {
            env.functions.put(f.name(), f);
            return 0;
        }
        ShellCommand.Redirected r = (ShellCommand.Redirected) c;
        Output savedOut = stdout;
        Input savedIn = stdin;
        try {
            redirect(r.redirections());
            return exec(r.command());
        } finally {
            stdout = savedOut;
            stdin = savedIn;
        }
    }

    private void step(SourceRange at) {
        if (++steps > stepLimit) {
            throw new StepLimitReached(loops.isEmpty() ? at : loops.peekLast().range, false);
        }
        if ((steps & 1023) == 0 && AnalysisBudget.current().spent()) {
            throw new StepLimitReached(loops.isEmpty() ? at : loops.peekLast().range, true);
        }
    }

    private int simple(ShellCommand.Simple s) {
        step(s.range());
        substitutionStatus = Integer.MIN_VALUE;
        List<EvaluatedWord> argv = expandWords(s.words());
        // a command line of thousands of words costs in proportion, so a loop over a megabyte line stops in time
        charge(argv.size() - WORDS_PER_STEP, s.range());
        List<ShellValue> values = new ArrayList<>();
        for (ShellCommand.Assignment a : s.assignments()) values.add(expandJoined(a.value()));
        if (argv.isEmpty()) {
            for (int i = 0; i < values.size(); i++) env.variables.put(s.assignments().get(i).name(), values.get(i));
            return substitutionStatus == Integer.MIN_VALUE ? 0 : substitutionStatus;
        }
        Output savedOut = stdout;
        Input savedIn = stdin;
        Map<String, Optional<ShellValue>> saved = new HashMap<>();
        try {
            redirect(s.redirections());
            for (int i = 0; i < values.size(); i++) {
                String name = s.assignments().get(i).name();
                saved.putIfAbsent(name, Optional.ofNullable(env.variables.get(name)));
                env.variables.put(name, values.get(i));
            }
            return command(argv, s.range());
        } finally {
            stdout = savedOut;
            stdin = savedIn;
            saved.forEach((k, v) -> {
                if (v.isPresent()) env.variables.put(k, v.get());
                else env.variables.remove(k);
            });
        }
    }

    private int command(List<EvaluatedWord> argv, SourceRange range) {
        EvaluatedWord first = argv.get(0);
        String name = first.text();
        if (name == null) {
            unevaluated(first.range(), "The command name " + first.display() + " is not known here, so routerls cannot "
                    + "tell what this line runs; it is not checked.");
            if (stdout.capturing) stdout.write(ShellValue.unknown("output of `" + describe(argv) + "`"));
            return unknownStatus(range, "the command " + first.display() + " is not known");
        }
        ShellCommand.FunctionDefinition f = env.functions.get(name);
        if (f != null) return call(f, argv, range);
        Integer builtin = Builtins.run(this, name, argv, range);
        if (builtin != null) return builtin;
        String base = name.substring(name.lastIndexOf('/') + 1);
        if (FIREWALL_PROGRAMS.contains(base)) {
            List<LoopIteration> passes = new ArrayList<>();
            for (LoopFrame lf : loops) passes.add(new LoopIteration(lf.range, lf.iteration));
            collected.add(new EvaluatedCommand(base, argv, range, passes, conditionalDepth > 0 || uncertainRest));
        }
        return external(argv, range);
    }

    /** A program that runs on the router: its output and success are not known. */
    int external(List<EvaluatedWord> argv, SourceRange range) {
        String text = describe(argv);
        if (stdout.capturing) {
            stdout.write(ShellValue.unknown("output of `" + text + "`"));
            unevaluated(range, "The output of `" + text + "` is only known on the router, so the value built from it "
                    + "stays unknown and checks that need it are skipped.");
        }
        return unknownStatus(range, "`" + text + "` runs on the router");
    }

    private int call(ShellCommand.FunctionDefinition f, List<EvaluatedWord> argv, SourceRange range) {
        if (callDepth >= MAX_CALL_DEPTH) {
            unevaluated(range, "Functions call each other more than " + MAX_CALL_DEPTH + " levels deep here; routerls "
                    + "stops following this call.");
            return unknownStatus(range, "a call too deep to follow");
        }
        List<ShellValue> savedPositional = env.positional;
        List<ShellValue> args = new ArrayList<>();
        for (int i = 1; i < argv.size(); i++) args.add(argv.get(i).value());
        env.positional = args;
        callDepth++;
        localFrames.push(new HashMap<>());
        try {
            return exec(f.body());
        } catch (ReturnSignal r) {
            return r.value;
        } finally {
            callDepth--;
            localFrames.pop().forEach((k, v) -> {
                if (v.isPresent()) env.variables.put(k, v.get());
                else env.variables.remove(k);
            });
            env.positional = savedPositional;
        }
    }

    private int andOr(ShellCommand.AndOr a) {
        int status = exec(a.commands().get(0));
        for (int i = 1; i < a.commands().size(); i++) {
            ShellCommand next = a.commands().get(i);
            boolean and = a.operators().get(i - 1) == ShellCommand.Operator.AND;
            if (status == UNKNOWN) {
                reportUnknownCondition();
                status = alternatives(List.of(() -> exec(next), () -> UNKNOWN));
            } else if (and == (status == 0)) {
                status = exec(next);
            }
        }
        return status;
    }

    private int pipeline(ShellCommand.Pipeline p) {
        int status = 0;
        Input savedIn = stdin;
        Output savedOut = stdout;
        try {
            List<ShellCommand> cmds = p.commands();
            for (int i = 0; i < cmds.size(); i++) {
                boolean last = i == cmds.size() - 1;
                Output out = last ? savedOut : new Output(true);
                stdout = out;
                ShellCommand c = cmds.get(i);
                // every part of a multi-command pipeline runs in a subshell (as in busybox ash)
                status = cmds.size() > 1 ? subshell(() -> exec(c)) : exec(c);
                if (!last) stdin = Input.of(out.value(), "the output of the previous command in the pipeline");
            }
        } finally {
            stdin = savedIn;
            stdout = savedOut;
        }
        if (!p.negated()) return status;
        return status == UNKNOWN ? UNKNOWN : (status == 0 ? 1 : 0);
    }

    private int subshell(IntSupplier body) {
        Environment saved = env;
        env = env.copy();
        try {
            return body.getAsInt();
        } catch (ExitSignal e) {
            return e.value;
        } finally {
            env = saved;
        }
    }

    private int ifFrom(ShellCommand.If c, int i) {
        if (i == c.branches().size()) return c.elseBody() == null ? 0 : exec(c.elseBody());
        ShellCommand.Branch b = c.branches().get(i);
        int cond = exec(b.condition());
        if (cond == 0) return exec(b.body());
        if (cond != UNKNOWN) return ifFrom(c, i + 1);
        reportUnknownCondition();
        return alternatives(List.of(() -> exec(b.body()), () -> ifFrom(c, i + 1)));
    }

    private int loop(ShellCommand.Loop l) {
        LoopFrame frame = new LoopFrame(l.range());
        loops.addLast(frame);
        int status = 0;
        try {
            while (true) {
                step(l.range());
                int cond = exec(l.condition());
                if (cond == UNKNOWN) {
                    reportUnknownCondition();
                    status = alternatives(List.of(() -> {
                        frame.iteration++;
                        return loopBody(l.body());
                    }, () -> 0));
                    break;
                }
                if (l.until() == (cond == 0)) break;
                frame.iteration++;
                int pass = pass(l.body(), status);
                if (pass == BROKEN) break;
                status = pass;
            }
        } finally {
            loops.removeLast();
        }
        return status;
    }

    /** What {@link #pass} answers when a break ends the loop (no exit status is negative but {@link #UNKNOWN}). */
    private static final int BROKEN = Integer.MIN_VALUE;

    /**
     * One pass of a loop's body: its exit status; {@code before} when a continue cuts it short (the loop's status
     * stays the last one a pass gave); {@link #BROKEN} when a break ends the loop. A break or continue meant for
     * an enclosing loop ({@code break 2}) leaves this one with a level less.
     */
    private int pass(ShellCommand body, int before) {
        try {
            return exec(body);
        } catch (BreakSignal b) {
            if (b.value > 1) throw new BreakSignal(b.value - 1);
            return BROKEN;
        } catch (ContinueSignal k) {
            if (k.value > 1) throw new ContinueSignal(k.value - 1);
            return before;
        }
    }

    /** A loop body run once under an unknown condition: its own break/continue just end the pass. */
    private int loopBody(ShellCommand body) {
        try {
            return exec(body);
        } catch (BreakSignal | ContinueSignal s) {
            if (s.value > 1) throw s;
            return 0;
        }
    }

    private int forLoop(ShellCommand.For f) {
        List<ShellValue> items = new ArrayList<>();
        if (f.items() == null) {
            items.addAll(env.positional);
        } else {
            for (EvaluatedWord w : expandWords(f.items())) items.add(w.value());
        }
        LoopFrame frame = new LoopFrame(f.range());
        loops.addLast(frame);
        int status = 0;
        try {
            if (items.stream().anyMatch(v -> !v.isKnown())) {
                unevaluated(f.variableRange(), "The list this for loop walks is not fully known (" + items.stream()
                        .filter(v -> !v.isKnown()).findFirst().map(ShellValue::display).orElse("") + "), so its body is "
                        + "checked once with $" + f.variable() + " unknown and its firewall commands are marked conditional.");
                return alternatives(List.of(() -> {
                    frame.iteration++;
                    env.variables.put(f.variable(), ShellValue.unknown("$" + f.variable() + " from a list that is not known"));
                    return loopBody(f.body());
                }, () -> 0));
            }
            for (ShellValue item : items) {
                step(f.range());
                frame.iteration++;
                env.variables.put(f.variable(), item);
                int pass = pass(f.body(), status);
                if (pass == BROKEN) break;
                status = pass;
            }
        } finally {
            loops.removeLast();
        }
        return status;
    }

    private int caseFrom(ShellCommand.Case c, ShellValue subject, int from) {
        for (int i = from; i < c.items().size(); i++) {
            ShellCommand.CaseItem item = c.items().get(i);
            for (ShellWord pattern : item.patterns()) {
                Boolean m = matches(pattern, subject);
                if (Boolean.TRUE.equals(m)) return exec(item.body());
                if (m == null) {
                    int next = i + 1;
                    unevaluated(c.subject().range(), "routerls cannot tell which branch of this case runs: "
                            + subject.display() + " is not known when compared with '" + pattern.text()
                            + "'. The possible branches are all followed and their firewall commands marked conditional.");
                    return alternatives(List.of(() -> exec(item.body()), () -> caseFrom(c, subject, next)));
                }
            }
        }
        return 0;
    }

    private Boolean matches(ShellWord pattern, ShellValue subject) {
        List<GlobPattern.Piece> pieces = patternPieces(pattern);
        if (pieces != null && pieces.size() == 1 && !pieces.get(0).quoted() && pieces.get(0).text().equals("*")) return true;
        if (pieces == null || !subject.isKnown()) return null;
        return new GlobPattern(pieces).matches(subject.text());
    }

    /**
     * Runs each path from the same starting state, not knowing which one the router takes. Commands
     * collected meanwhile are conditional; afterwards variables keep only what all paths agree on.
     */
    private int alternatives(List<IntSupplier> paths) {
        Environment base = env;
        List<Environment> results = new ArrayList<>();
        conditionalDepth++;
        try {
            for (IntSupplier path : paths) {
                env = base.copy();
                try {
                    path.getAsInt();
                } catch (Signal s) {
                    // a path that leaves the construct (exit, return, break): what follows may not run
                    uncertainRest = true;
                }
                results.add(env);
            }
        } finally {
            conditionalDepth--;
        }
        env = Environment.merge(results);
        return UNKNOWN;
    }

    private void redirect(List<ShellCommand.Redirection> redirections) {
        for (ShellCommand.Redirection r : redirections) {
            String op = r.operator();
            int fd = r.fd();
            switch (op) {
                case "<<", "<<-" -> {
                    ShellCommand.HereDocument doc = r.hereDocument();
                    ShellValue body = doc.expands() ? expandJoined(doc.body()) : ShellValue.known(doc.body().text());
                    if (fd <= 0) stdin = Input.of(body, "a here-document");
                }
                case "<" -> {
                    if (fd <= 0) stdin = Input.unknown("the file " + expandJoined(r.target()).display());
                }
                case ">", ">>", ">|", "&>" -> {
                    if (fd == -1 || fd == 1 || op.equals("&>")) stdout = Output.DISCARD;
                }
                case ">&" -> {
                    if ((fd == -1 || fd == 1) && !"1".equals(r.target().literalValue())) stdout = Output.DISCARD;
                }
                default -> {
                }
            }
        }
    }

    // ------------------------------------------------------------------ status and findings

    int unknownStatus(SourceRange at, String why) {
        unknownStatusAt = at;
        unknownStatusWhy = why;
        return UNKNOWN;
    }

    private void reportUnknownCondition() {
        if (unknownStatusAt == null) return;
        unevaluated(unknownStatusAt, "Whether this succeeds is only known on the router (" + unknownStatusWhy
                + "); routerls follows both outcomes and marks the firewall commands that depend on it as conditional.");
    }

    void unevaluated(SourceRange at, String message) {
        problems.add(new ShellProblem(ShellProblem.Kind.UNEVALUATED, at, message));
    }

    static String describe(List<EvaluatedWord> argv) {
        StringBuilder sb = new StringBuilder();
        for (EvaluatedWord w : argv) {
            if (sb.length() > 80) break;    // only the start is shown (a command line can be megabytes)
            if (sb.length() > 0) sb.append(' ');
            sb.append(w.display());
        }
        return sb.length() > 80 ? sb.substring(0, 77) + "..." : sb.toString();
    }

    // ------------------------------------------------------------------ state used by builtins

    Environment env() {
        return env;
    }

    Output stdout() {
        return stdout;
    }

    Input stdin() {
        return stdin;
    }

    int lastStatus() {
        return lastStatus;
    }

    boolean inLoop() {
        return !loops.isEmpty();
    }

    /** Charges {@code n} extra steps (e.g. numbers printed by seq, words of a long command line). */
    void charge(int n, SourceRange at) {
        if (n <= 0) return;
        steps = (int) Math.min(Integer.MAX_VALUE - 1L, (long) steps + n - 1);
        step(at);
    }

    /** Makes {@code name} local to the running function; false outside functions. */
    boolean makeLocal(String name) {
        Map<String, Optional<ShellValue>> frame = localFrames.peek();
        if (frame == null) return false;
        frame.putIfAbsent(name, Optional.ofNullable(env.variables.get(name)));
        return true;
    }

    RuntimeException breakLoop(int levels) {
        return new BreakSignal(levels);
    }

    RuntimeException continueLoop(int levels) {
        return new ContinueSignal(levels);
    }

    RuntimeException returnFromFunction(int status) {
        return new ReturnSignal(status);
    }

    RuntimeException exitScript(int status) {
        return new ExitSignal(status);
    }

    // ------------------------------------------------------------------ expansion

    /** Expands words with field splitting; each field keeps the range of its source word. */
    List<EvaluatedWord> expandWords(List<ShellWord> words) {
        List<EvaluatedWord> out = new ArrayList<>();
        for (ShellWord w : words) {
            for (ShellValue field : fields(w)) out.add(new EvaluatedWord(field, w.range()));
        }
        return out;
    }

    /** Expands a word without field splitting (assignments, case subjects, here-documents). */
    ShellValue expandJoined(ShellWord w) {
        ShellValue.Builder b = new ShellValue.Builder();
        for (ShellWord.Part p : w.parts()) b.add(partValue(p));
        return b.build();
    }

    private List<ShellValue> fields(ShellWord w) {
        if (w.text().equals("\"$@\"")) return new ArrayList<>(env.positional);
        FieldBuilder fb = new FieldBuilder(ifs());
        for (ShellWord.Part p : w.parts()) {
            if (p instanceof ShellWord.Literal l) {
                fb.appendQuoted(ShellValue.known(l.text()));
            } else if (p instanceof ShellWord.Parameter q && q.quoted() && q.name().equals("@") && q.operator() == null) {
                for (int i = 0; i < env.positional.size(); i++) {
                    if (i > 0) fb.endField();
                    fb.appendQuoted(env.positional.get(i));
                }
            } else {
                ShellValue v = partValue(p);
                if (p.quoted()) fb.appendQuoted(v);
                else fb.appendSplit(v);
            }
        }
        return fb.finish();
    }

    private String ifs() {
        ShellValue v = env.variables.get("IFS");
        return v == null || !v.isKnown() ? " \t\n" : v.text();
    }

    private ShellValue partValue(ShellWord.Part p) {
        if (p instanceof ShellWord.Literal l) return ShellValue.known(l.text());
        if (p instanceof ShellWord.Parameter q) return parameter(q);
        if (p instanceof ShellWord.CommandSubstitution c) return substitute(c);
        return arithmetic((ShellWord.Arithmetic) p);
    }

    private ShellValue lookup(String name) {
        if (Character.isDigit(name.charAt(0))) {
            int n;
            try {
                n = Integer.parseInt(name);
            } catch (NumberFormatException e) {
                return null;
            }
            if (n == 0) return ShellValue.unknown("$0, the script's name");
            return n <= env.positional.size() ? env.positional.get(n - 1) : null;
        }
        switch (name) {
            case "#":
                return ShellValue.known(Integer.toString(env.positional.size()));
            case "@":
            case "*": {
                ShellValue.Builder b = new ShellValue.Builder();
                for (int i = 0; i < env.positional.size(); i++) {
                    if (i > 0) b.add(" ");
                    b.add(env.positional.get(i));
                }
                return b.build();
            }
            case "?":
                return lastStatus == UNKNOWN ? ShellValue.unknown("the exit status of " + unknownStatusWhy)
                        : ShellValue.known(Integer.toString(lastStatus));
            case "$":
                return ShellValue.unknown("$$, the shell's process id");
            case "!":
                return ShellValue.unknown("$!, the last background process id");
            case "-":
                return ShellValue.EMPTY;
            default:
                return env.variables.get(name);
        }
    }

    private ShellValue parameter(ShellWord.Parameter p) {
        ShellValue raw = lookup(p.name());
        String op = p.operator();
        if (op == null) return raw == null ? ShellValue.EMPTY : raw;
        String form = "${" + p.name() + op + (p.argument() == null ? "" : p.argument().text()) + "}";
        switch (op) {
            case "length":
                if (raw == null) return ShellValue.known("0");
                return raw.isKnown() ? ShellValue.known(Integer.toString(raw.text().codePointCount(0, raw.text().length())))
                        : ShellValue.unknown("the length of " + raw.display());
            case "-", ":-", "=", ":=", "+", ":+", "?", ":?": {
                Boolean missing = raw == null ? Boolean.TRUE : (op.startsWith(":") ? isNull(raw) : Boolean.FALSE);
                if (missing == null) return ShellValue.unknown(form + " of unknown " + raw.display());
                String kind = op.substring(op.length() - 1);
                switch (kind) {
                    case "-":
                        return missing ? expandJoined(p.argument()) : raw;
                    case "=":
                        if (!missing) return raw;
                        ShellValue v = expandJoined(p.argument());
                        env.variables.put(p.name(), v);
                        return v;
                    case "+":
                        return missing ? ShellValue.EMPTY : expandJoined(p.argument());
                    default:
                        if (!missing) return raw;
                        unevaluated(p.range(), "$" + p.name() + " is not set here, so " + form
                                + " makes the shell stop the script with an error. Set it before this line.");
                        return ShellValue.unknown(form);
                }
            }
            case "#", "##", "%", "%%": {
                if (raw == null) return ShellValue.EMPTY;
                List<GlobPattern.Piece> pieces = patternPieces(p.argument());
                if (pieces == null || !raw.isKnown()) return ShellValue.unknown(form + " of " + raw.display());
                boolean prefix = op.startsWith("#");
                return ShellValue.known(new GlobPattern(pieces).remove(raw.text(), prefix, op.length() == 2));
            }
            default:
                unevaluated(p.range(), "routerls does not follow this form of parameter expansion (" + p.name()
                        + "); its value is left unknown. Plain $VAR and ${VAR:-default} forms are understood.");
                return ShellValue.unknown("${" + p.name() + "...}");
        }
    }

    /** True when known empty, false when certainly non-empty, null when it cannot be told. */
    private static Boolean isNull(ShellValue v) {
        if (v.isKnown()) return v.text().isEmpty();
        for (ShellValue.Segment s : v.segments()) if (s.known() && !s.text().isEmpty()) return false;
        return null;
    }

    private List<GlobPattern.Piece> patternPieces(ShellWord w) {
        List<GlobPattern.Piece> pieces = new ArrayList<>();
        for (ShellWord.Part p : w.parts()) {
            ShellValue v = partValue(p);
            if (!v.isKnown()) return null;
            pieces.add(new GlobPattern.Piece(v.text(), p.quoted() || p instanceof ShellWord.Literal l && l.quoted()));
        }
        return pieces;
    }

    private ShellValue substitute(ShellWord.CommandSubstitution c) {
        Output savedOut = stdout;
        Environment savedEnv = env;
        Output capture = new Output(true);
        stdout = capture;
        env = env.copy();
        int status;
        try {
            status = exec(c.body());
        } catch (Signal s) {
            status = s instanceof ExitSignal ? s.value : lastStatus;
        } finally {
            stdout = savedOut;
            env = savedEnv;
        }
        substitutionStatus = status;
        return withoutTrailingNewlines(capture.value());
    }

    private static ShellValue withoutTrailingNewlines(ShellValue v) {
        List<ShellValue.Segment> segs = new ArrayList<>(v.segments());
        while (!segs.isEmpty() && segs.get(segs.size() - 1).known()) {
            String t = segs.get(segs.size() - 1).text();
            int end = t.length();
            while (end > 0 && t.charAt(end - 1) == '\n') end--;
            if (end > 0) {
                segs.set(segs.size() - 1, new ShellValue.Segment(t.substring(0, end), true));
                break;
            }
            segs.remove(segs.size() - 1);
        }
        return ShellValue.of(segs);
    }

    private ShellValue arithmetic(ShellWord.Arithmetic a) {
        ShellValue text = expandJoined(a.expression());
        if (!text.isKnown()) return ShellValue.unknown("$((" + text.display() + "))");
        try {
            long v = arithmetic.evaluate(text.text(), new ArithmeticEvaluator.Variables() {
                @Override
                public ShellValue get(String name) {
                    return env.variables.get(name);
                }

                @Override
                public void set(String name, ShellValue value) {
                    env.variables.put(name, value);
                }
            });
            return ShellValue.known(Long.toString(v));
        } catch (UnknownValueException e) {
            return ShellValue.unknown("$((" + text.text() + ")) with " + e.getMessage() + " unknown");
        } catch (ShellErrorException e) {
            unevaluated(a.range(), "The shell cannot compute $((" + text.text() + ")): " + e.getMessage()
                    + ". The script would stop with an error here.");
            return ShellValue.unknown("$((" + text.text() + "))");
        }
    }

    /** Collects fields from pieces of a word, splitting unquoted expansion results on IFS. */
    private static final class FieldBuilder {
        private final String ifs;
        private final List<ShellValue> fields = new ArrayList<>();
        private ShellValue.Builder current = new ShellValue.Builder();
        private boolean started;

        FieldBuilder(String ifs) {
            this.ifs = ifs;
        }

        void appendQuoted(ShellValue v) {
            current.add(v);
            started = true;
        }

        void endField() {
            if (started) fields.add(current.build());
            current = new ShellValue.Builder();
            started = false;
        }

        void appendSplit(ShellValue v) {
            for (ShellValue.Segment s : v.segments()) {
                if (!s.known()) {
                    current.add(s);
                    started = true;
                    continue;
                }
                String t = s.text();
                int i = 0;
                while (i < t.length()) {
                    if (ifs.indexOf(t.charAt(i)) >= 0) {
                        endField();
                        i++;
                        continue;
                    }
                    int j = i;
                    while (j < t.length() && ifs.indexOf(t.charAt(j)) < 0) j++;
                    current.add(t.substring(i, j));
                    started = true;
                    i = j;
                }
            }
        }

        List<ShellValue> finish() {
            endField();
            return fields;
        }
    }
}
