package dev.routerls.openwrt.shell;

import dev.routerls.core.SourceRange;

import java.util.ArrayList;
import java.util.List;

/**
 * The shell builtins and small utilities the evaluator computes itself (the rest run on the router
 * and stay unknown): echo, printf, test/[, expr, seq, read, cat, true/false/:, shift, set, local,
 * export, readonly, unset, return, break, continue, exit, and the sourcing commands it refuses.
 */
final class Builtins {
    private Builtins() {
    }

    /** The exit status, or null when {@code name} is not one of these commands. */
    static Integer run(Interpreter in, String name, List<EvaluatedWord> argv, SourceRange range) {
        List<EvaluatedWord> args = argv.subList(1, argv.size());
        switch (name) {
            case ":", "true", "trap", "wait", "umask", "alias", "unalias", "hash":
                return 0;
            case "false":
                return 1;
            case "echo":
                return echo(in, args);
            case "printf":
                return printf(in, args, range);
            case "test":
                return test(in, values(args), range);
            case "[": {
                List<ShellValue> vals = values(args);
                if (vals.isEmpty() || !"]".equals(vals.get(vals.size() - 1).text())) {
                    in.unevaluated(range, "This '[' has no closing ']' as its last argument; the shell reports an error "
                            + "and the test fails. Add ' ]' at the end.");
                    return 2;
                }
                return test(in, vals.subList(0, vals.size() - 1), range);
            }
            case "expr":
                return expr(in, args, range);
            case "seq":
                return seq(in, args, range);
            case "read":
                return read(in, args, range);
            case "cat":
                return cat(in, args, range);
            case "shift": {
                int n = args.isEmpty() ? 1 : integerOr(args.get(0), -1);
                if (n < 0 || n > in.env().positional.size()) return n < 0 ? in.unknownStatus(range, "shift by an unknown count") : 1;
                in.env().positional = new ArrayList<>(in.env().positional.subList(n, in.env().positional.size()));
                return 0;
            }
            case "set":
                return set(in, args);
            case "local", "export", "readonly":
                return declare(in, name, args);
            case "unset": {
                boolean functions = false;
                for (EvaluatedWord a : args) {
                    String t = a.text();
                    if (t == null) continue;
                    if (t.equals("-f")) functions = true;
                    else if (t.equals("-v")) functions = false;
                    else if (functions) in.env().functions.remove(t);
                    else in.env().variables.remove(t);
                }
                return 0;
            }
            case "return":
                throw in.returnFromFunction(args.isEmpty() ? in.lastStatus() : integerOr(args.get(0), Interpreter.UNKNOWN) & 0xff);
            case "exit":
                throw in.exitScript(args.isEmpty() ? in.lastStatus() : integerOr(args.get(0), Interpreter.UNKNOWN) & 0xff);
            case "break", "continue": {
                if (!in.inLoop()) return 0;
                int levels = args.isEmpty() ? 1 : Math.max(1, integerOr(args.get(0), 1));
                throw name.equals("break") ? in.breakLoop(levels) : in.continueLoop(levels);
            }
            case "eval":
                in.unevaluated(range, "`eval` runs text put together at run time; routerls does not follow it, so "
                        + "firewall commands it would run are not checked.");
                return in.external(argv, range);
            case ".", "source":
                in.unevaluated(range, "This reads another script (" + (args.isEmpty() ? "?" : args.get(0).display())
                        + ") that is not part of this file; what it defines or runs is not known here.");
                return in.unknownStatus(range, "a script read from another file");
            default:
                return null;
        }
    }

    private static List<ShellValue> values(List<EvaluatedWord> words) {
        List<ShellValue> out = new ArrayList<>();
        for (EvaluatedWord w : words) out.add(w.value());
        return out;
    }

    private static int integerOr(EvaluatedWord w, int fallback) {
        String t = w.text();
        if (t == null) return fallback;
        try {
            return Integer.parseInt(t.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static int echo(Interpreter in, List<EvaluatedWord> args) {
        boolean newline = true;
        boolean escapes = false;
        int i = 0;
        while (i < args.size()) {
            String t = args.get(i).text();
            if (t == null || !t.matches("-[neE]+")) break;
            for (char c : t.substring(1).toCharArray()) {
                if (c == 'n') newline = false;
                else escapes = c == 'e';
            }
            i++;
        }
        ShellValue.Builder b = new ShellValue.Builder();
        for (int k = i; k < args.size(); k++) {
            if (k > i) b.add(" ");
            ShellValue v = args.get(k).value();
            if (escapes && v.isKnown()) {
                StringBuilder sb = new StringBuilder();
                if (!Printf.escapes(v.text(), sb)) {
                    in.stdout().write(b.add(sb.toString()).build());
                    return 0;
                }
                v = ShellValue.known(sb.toString());
            }
            b.add(v);
        }
        if (newline) b.add("\n");
        ShellValue out = b.build();
        in.stdout().write(out);
        return 0;
    }

    private static int printf(Interpreter in, List<EvaluatedWord> args, SourceRange range) {
        if (args.isEmpty()) return 2;
        ShellValue format = args.get(0).value();
        if (!format.isKnown()) {
            in.stdout().write(ShellValue.unknown("printf with format " + format.display()));
            return 0;
        }
        Printf.Result r = Printf.format(format.text(), values(args.subList(1, args.size())));
        in.stdout().write(r.output());
        if (r.problem() != null) {
            in.unevaluated(range, "printf: " + r.problem() + "; the shell prints 0 in its place and reports an error.");
            return 1;
        }
        return 0;
    }

    private static int test(Interpreter in, List<ShellValue> args, SourceRange range) {
        TestCommand.Result r = TestCommand.run(args);
        if (r.status() == TestCommand.UNKNOWN) return in.unknownStatus(range, r.why());
        if (r.status() == 2 && r.why() != null) {
            in.unevaluated(range, "This test is malformed (" + r.why() + "); the shell reports an error and treats it as false.");
        }
        return r.status();
    }

    private static int expr(Interpreter in, List<EvaluatedWord> args, SourceRange range) {
        List<String> texts = new ArrayList<>();
        for (EvaluatedWord w : args) {
            String t = w.text();
            if (t == null) {
                in.stdout().write(ShellValue.unknown("expr of " + w.display()));
                return in.unknownStatus(range, "expr of the unknown value " + w.display());
            }
            texts.add(t);
        }
        try {
            ExprCommand.Result r = ExprCommand.run(texts);
            in.stdout().write(r.output() + "\n");
            return r.status();
        } catch (ShellErrorException e) {
            in.unevaluated(range, "expr fails here: " + e.getMessage() + ". It prints nothing and the value built from "
                    + "it is empty.");
            return 2;
        } catch (UnknownValueException e) {
            in.unevaluated(range, "routerls does not compute " + e.getMessage() + "; the result is left unknown.");
            in.stdout().write(ShellValue.unknown("expr " + String.join(" ", texts)));
            return in.unknownStatus(range, e.getMessage());
        }
    }

    private static int seq(Interpreter in, List<EvaluatedWord> args, SourceRange range) {
        String separator = "\n";
        boolean equalWidth = false;
        List<Long> numbers = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String t = args.get(i).text();
            if (t == null) {
                in.stdout().write(ShellValue.unknown("seq of " + args.get(i).display()));
                return in.unknownStatus(range, "seq of an unknown bound");
            }
            if (t.equals("-s") && i + 1 < args.size() && args.get(i + 1).known()) {
                separator = args.get(++i).text();
            } else if (t.equals("-w")) {
                equalWidth = true;
            } else {
                try {
                    numbers.add(Long.parseLong(t.strip()));
                } catch (NumberFormatException e) {
                    in.unevaluated(range, "routerls only follows seq with whole numbers; '" + t + "' is not one, so "
                            + "the output is left unknown.");
                    in.stdout().write(ShellValue.unknown("seq " + t));
                    return in.unknownStatus(range, "seq with " + t);
                }
            }
        }
        if (numbers.isEmpty() || numbers.size() > 3) return 1;
        long first = numbers.size() > 1 ? numbers.get(0) : 1;
        long step = numbers.size() == 3 ? numbers.get(1) : 1;
        long last = numbers.get(numbers.size() - 1);
        if (step == 0) return 1;
        int width = equalWidth ? Math.max(Long.toString(first).length(), Long.toString(last).length()) : 0;
        StringBuilder sb = new StringBuilder();
        boolean any = false;
        for (long v = first; step > 0 ? v <= last : v >= last; v += step) {
            in.charge(1, range);
            if (any) sb.append(separator);
            String s = Long.toString(v);
            while (s.length() < width) s = "0" + s;
            sb.append(s);
            any = true;
            if (sb.length() > ShellValue.MAX_LENGTH) break;
        }
        if (any) sb.append('\n');
        in.stdout().write(ShellValue.known(sb.toString()));
        return 0;
    }

    private static int read(Interpreter in, List<EvaluatedWord> args, SourceRange range) {
        boolean raw = false;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String t = args.get(i).text();
            if (t == null) continue;
            if (t.equals("-r")) raw = true;
            else if (t.equals("-p") || t.equals("-t") || t.equals("-n") || t.equals("-u")) i++;
            else if (!t.startsWith("-")) names.add(t);
        }
        if (names.isEmpty()) names.add("REPLY");
        ShellStreams.Input input = in.stdin();
        if (!input.known()) {
            for (String n : names) in.env().variables.put(n, ShellValue.unknown("a line read from " + input.unknownSource()));
            return in.unknownStatus(range, "`read` takes its input from " + input.unknownSource());
        }
        String[] line = input.readLine();
        if (line == null) {
            for (String n : names) in.env().variables.put(n, ShellValue.EMPTY);
            return 1;
        }
        String text = raw ? line[0] : line[0].replaceAll("\\\\(.)", "$1");
        String ifs = " \t\n";
        List<String> fields = new ArrayList<>();
        int pos = 0;
        for (int k = 0; k < names.size(); k++) {
            while (pos < text.length() && ifs.indexOf(text.charAt(pos)) >= 0) pos++;
            if (k == names.size() - 1) {
                int end = text.length();
                while (end > pos && ifs.indexOf(text.charAt(end - 1)) >= 0) end--;
                fields.add(text.substring(pos, end));
            } else {
                int end = pos;
                while (end < text.length() && ifs.indexOf(text.charAt(end)) < 0) end++;
                fields.add(text.substring(pos, end));
                pos = end;
            }
        }
        for (int k = 0; k < names.size(); k++) in.env().variables.put(names.get(k), ShellValue.known(fields.get(k)));
        return line[1].isEmpty() ? 1 : 0;
    }

    private static int cat(Interpreter in, List<EvaluatedWord> args, SourceRange range) {
        List<EvaluatedWord> files = new ArrayList<>();
        for (EvaluatedWord a : args) {
            String t = a.text();
            if (t != null && t.startsWith("-") && !t.equals("-")) continue;
            files.add(a);
        }
        if (files.isEmpty() || files.stream().allMatch(f -> "-".equals(f.text()))) {
            ShellStreams.Input input = in.stdin();
            in.stdout().write(input.known() ? ShellValue.known(input.rest()) : ShellValue.unknown(input.unknownSource()));
            return input.known() ? 0 : in.unknownStatus(range, "cat of " + input.unknownSource());
        }
        List<EvaluatedWord> argv = new ArrayList<>();
        argv.add(new EvaluatedWord(ShellValue.known("cat"), range));
        argv.addAll(args);
        return in.external(argv, range);
    }

    private static int set(Interpreter in, List<EvaluatedWord> args) {
        int i = 0;
        while (i < args.size()) {
            String t = args.get(i).text();
            if (t == null || t.equals("--") || !(t.startsWith("-") || t.startsWith("+")) || t.equals("-")) break;
            if (t.equals("-o") || t.equals("+o")) i++;
            i++;
        }
        if (i < args.size() && "--".equals(args.get(i).text())) {
            i++;
        } else if (i >= args.size()) {
            return 0;
        }
        List<ShellValue> positional = new ArrayList<>();
        for (int k = i; k < args.size(); k++) positional.add(args.get(k).value());
        in.env().positional = positional;
        return 0;
    }

    private static int declare(Interpreter in, String command, List<EvaluatedWord> args) {
        int status = 0;
        for (EvaluatedWord a : args) {
            ShellValue v = a.value();
            String prefix = v.knownPrefix();
            int eq = prefix.indexOf('=');
            String name;
            ShellValue value = null;
            if (eq > 0) {
                name = prefix.substring(0, eq);
                value = v.dropKnownPrefix(eq + 1);
            } else if (v.isKnown() && WordParser.isName(v.text())) {
                name = v.text();
            } else {
                continue;
            }
            if (!WordParser.isName(name)) continue;
            if (command.equals("local") && !in.makeLocal(name)) {
                status = 1;
                continue;
            }
            if (value != null) in.env().variables.put(name, value);
        }
        return status;
    }
}
