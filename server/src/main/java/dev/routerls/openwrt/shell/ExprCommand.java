package dev.routerls.openwrt.shell;

import java.util.List;

/**
 * The {@code expr} utility over already expanded arguments (POSIX precedence: | & comparisons + -
 * * / % and parentheses). The regular-expression operator {@code :} is not followed.
 */
final class ExprCommand {
    /** The printed result and exit status (0: non-null and non-zero, 1: null or zero). */
    record Result(String output, int status) {
    }

    private final List<String> args;
    private int pos;

    private ExprCommand(List<String> args) {
        this.args = args;
    }

    /** @throws ShellErrorException when expr would report an error (exit status 2) */
    static Result run(List<String> args) {
        if (args.isEmpty()) throw new ShellErrorException("expr needs an expression");
        ExprCommand e = new ExprCommand(args);
        String value = e.or();
        if (e.pos != args.size()) throw new ShellErrorException("unexpected argument '" + args.get(e.pos) + "' to expr");
        boolean falsy = value.isEmpty() || isZero(value);
        return new Result(value, falsy ? 1 : 0);
    }

    private static boolean isZero(String v) {
        Long n = integer(v);
        return n != null && n == 0;
    }

    private boolean at(String op) {
        if (pos < args.size() && args.get(pos).equals(op) && pos + 1 < args.size()) {
            pos++;
            return true;
        }
        return false;
    }

    private String or() {
        String left = and();
        while (at("|")) {
            String right = and();
            left = (!left.isEmpty() && !isZero(left)) ? left : (!right.isEmpty() && !isZero(right) ? right : "0");
        }
        return left;
    }

    private String and() {
        String left = comparison();
        while (at("&")) {
            String right = comparison();
            left = (!left.isEmpty() && !isZero(left) && !right.isEmpty() && !isZero(right)) ? left : "0";
        }
        return left;
    }

    private String comparison() {
        String left = additive();
        while (true) {
            String op = null;
            for (String o : new String[]{"=", "!=", "<", "<=", ">", ">="}) {
                if (at(o)) {
                    op = o;
                    break;
                }
            }
            if (op == null) return left;
            String right = additive();
            Long a = integer(left), b = integer(right);
            int cmp = a != null && b != null ? Long.compare(a, b) : left.compareTo(right);
            boolean r = switch (op) {
                case "=" -> cmp == 0;
                case "!=" -> cmp != 0;
                case "<" -> cmp < 0;
                case "<=" -> cmp <= 0;
                case ">" -> cmp > 0;
                default -> cmp >= 0;
            };
            left = r ? "1" : "0";
        }
    }

    private String additive() {
        String left = multiplicative();
        while (true) {
            if (at("+")) left = Long.toString(number(left) + number(multiplicative()));
            else if (at("-")) left = Long.toString(number(left) - number(multiplicative()));
            else return left;
        }
    }

    private String multiplicative() {
        String left = primary();
        while (true) {
            if (at("*")) {
                left = Long.toString(number(left) * number(primary()));
            } else if (at("/") || at("%")) {
                boolean div = args.get(pos - 1).equals("/");
                long a = number(left), b = number(primary());
                if (b == 0) throw new ShellErrorException("division by zero in expr");
                left = Long.toString(div ? a / b : a % b);
            } else {
                return left;
            }
        }
    }

    private String primary() {
        if (pos >= args.size()) throw new ShellErrorException("expr expression ends too early");
        String t = args.get(pos);
        if (t.equals("(") && pos + 1 < args.size()) {
            pos++;
            String v = or();
            if (pos >= args.size() || !args.get(pos).equals(")")) throw new ShellErrorException("missing ')' in expr");
            pos++;
            return v;
        }
        pos++;
        if (pos < args.size() && args.get(pos).equals(":") && pos + 1 < args.size()) {
            throw new UnknownValueException("expr string matching with ':'");
        }
        return t;
    }

    private static Long integer(String s) {
        String t = s.strip();
        if (t.isEmpty()) return null;
        int i = t.charAt(0) == '-' || t.charAt(0) == '+' ? 1 : 0;
        if (i == t.length()) return null;
        for (int k = i; k < t.length(); k++) if (!Character.isDigit(t.charAt(k)) || t.charAt(k) > '9') return null;
        try {
            return Long.parseLong(t.charAt(0) == '+' ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long number(String s) {
        Long n = integer(s);
        if (n == null) throw new ShellErrorException("expr needs an integer, not '" + s + "'");
        return n;
    }
}
