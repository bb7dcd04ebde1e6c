package dev.routerls.openwrt.shell;

import java.util.List;
import java.util.Set;

/**
 * {@code test} / {@code [ ... ]} over expanded arguments with three-valued logic: a result is
 * true, false, or unknown (an unknown operand, or a file test that depends on the router).
 */
final class TestCommand {
    /** status 0/1/2 or {@link #UNKNOWN}; {@code why} says what made it unknown or an error. */
    record Result(int status, String why) {
    }

    static final int UNKNOWN = -1;
    private static final Set<String> FILE_TESTS = Set.of("-e", "-f", "-d", "-r", "-w", "-x", "-s", "-L", "-h", "-b",
            "-c", "-p", "-S", "-g", "-u", "-k", "-O", "-G", "-t");
    private static final Set<String> BINARY = Set.of("=", "==", "!=", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "<", ">",
            "-nt", "-ot", "-ef", "-a", "-o");

    private final List<ShellValue> args;
    private int pos;
    private String unknownWhy;

    private TestCommand(List<ShellValue> args) {
        this.args = args;
    }

    static Result run(List<ShellValue> args) {
        TestCommand t = new TestCommand(args);
        try {
            if (args.isEmpty()) return new Result(1, null);
            Boolean r = t.or();
            if (t.pos != args.size()) return new Result(2, "unexpected '" + args.get(t.pos).display() + "' in test");
            if (r == null) return new Result(UNKNOWN, t.unknownWhy);
            return new Result(r ? 0 : 1, null);
        } catch (ShellErrorException e) {
            return new Result(2, e.getMessage());
        }
    }

    private String textAt(int i) {
        return i < args.size() ? args.get(i).text() : null;
    }

    private boolean isOp(int i, String op) {
        return op.equals(textAt(i));
    }

    private Boolean or() {
        Boolean left = and();
        while (isOp(pos, "-o") && pos + 1 < args.size()) {
            pos++;
            Boolean right = and();
            left = (Boolean.TRUE.equals(left) || Boolean.TRUE.equals(right)) ? Boolean.TRUE
                    : (left == null || right == null ? null : Boolean.FALSE);
        }
        return left;
    }

    private Boolean and() {
        Boolean left = not();
        while (isOp(pos, "-a") && pos + 1 < args.size()) {
            pos++;
            Boolean right = not();
            left = (Boolean.FALSE.equals(left) || Boolean.FALSE.equals(right)) ? Boolean.FALSE
                    : (left == null || right == null ? null : Boolean.TRUE);
        }
        return left;
    }

    private Boolean not() {
        // "! x = y": negation, unless "!" is itself the left operand of a binary operator
        if (isOp(pos, "!") && pos + 1 < args.size() && !(pos + 2 < args.size() && binaryAt(pos + 1) && pos + 3 > args.size())) {
            pos++;
            Boolean v = not();
            return v == null ? null : !v;
        }
        return primary();
    }

    private boolean binaryAt(int i) {
        String t = textAt(i);
        return t != null && BINARY.contains(t) && !t.equals("-a") && !t.equals("-o");
    }

    private Boolean primary() {
        if (pos >= args.size()) throw new ShellErrorException("test expression ends too early");
        if (isOp(pos, "(") && pos + 2 < args.size()) {
            int save = pos;
            pos++;
            Boolean v = or();
            if (isOp(pos, ")")) {
                pos++;
                return v;
            }
            pos = save;
        }
        if (pos + 2 < args.size()) {
            if (binaryAt(pos + 1)) {
                ShellValue a = args.get(pos), b = args.get(pos + 2);
                String op = textAt(pos + 1);
                pos += 3;
                return binary(a, op, b);
            }
        }
        String t = textAt(pos);
        if (t != null && t.length() == 2 && t.charAt(0) == '-' && pos + 1 < args.size() && !binaryAt(pos + 1)) {
            ShellValue operand = args.get(pos + 1);
            if (t.equals("-z") || t.equals("-n")) {
                pos += 2;
                return emptiness(operand, t.equals("-z"));
            }
            if (FILE_TESTS.contains(t)) {
                pos += 2;
                unknownWhy = "'test " + t + " " + operand.display() + "' looks at the router's file system";
                return null;
            }
        }
        ShellValue single = args.get(pos++);
        return emptiness(single, false);
    }

    private Boolean emptiness(ShellValue v, boolean wantEmpty) {
        if (!v.isKnown()) {
            if (!v.knownPrefix().isEmpty() || !v.knownSuffix().isEmpty()) return !wantEmpty;
            unknownWhy = v.display() + " is not known";
            return null;
        }
        return v.text().isEmpty() == wantEmpty;
    }

    private Boolean binary(ShellValue a, String op, ShellValue b) {
        if (!a.isKnown() || !b.isKnown()) {
            unknownWhy = (a.isKnown() ? b : a).display() + " is not known";
            return null;
        }
        String x = a.text(), y = b.text();
        return switch (op) {
            case "=", "==" -> x.equals(y);
            case "!=" -> !x.equals(y);
            case "<" -> x.compareTo(y) < 0;
            case ">" -> x.compareTo(y) > 0;
            case "-nt", "-ot", "-ef" -> {
                unknownWhy = "'test " + x + " " + op + " " + y + "' compares files on the router";
                yield null;
            }
            default -> {
                long p = integer(x), q = integer(y);
                yield switch (op) {
                    case "-eq" -> p == q;
                    case "-ne" -> p != q;
                    case "-lt" -> p < q;
                    case "-le" -> p <= q;
                    case "-gt" -> p > q;
                    default -> p >= q;
                };
            }
        };
    }

    private static long integer(String s) {
        String t = s.strip();
        try {
            return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            throw new ShellErrorException("test needs an integer, not '" + s + "'");
        }
    }
}
