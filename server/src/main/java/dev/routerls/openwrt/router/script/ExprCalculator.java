package dev.routerls.openwrt.router.script;

import java.util.List;
import java.util.Optional;

/**
 * The integer part of {@code expr}: | & = != < <= > >= + - * / % and parentheses, each operand and
 * operator a separate argument. String operators ({@code :}, {@code length}, {@code substr} …)
 * give an empty result (unknown to the caller).
 */
final class ExprCalculator {
    private List<String> t;
    private int i;

    Optional<Long> evaluate(List<String> tokens) {
        t = tokens;
        i = 0;
        try {
            long v = or();
            return i == t.size() ? Optional.of(v) : Optional.empty();
        } catch (NumberFormatException | ArithmeticException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private boolean at(String op) {
        return i < t.size() && t.get(i).equals(op);
    }

    private long or() {
        long v = and();
        while (at("|")) {
            i++;
            long r = and();
            v = v != 0 ? v : r;
        }
        return v;
    }

    private long and() {
        long v = compare();
        while (at("&")) {
            i++;
            long r = compare();
            v = v != 0 && r != 0 ? v : 0;
        }
        return v;
    }

    private long compare() {
        long v = sum();
        while (at("=") || at("!=") || at("<") || at("<=") || at(">") || at(">=")) {
            String op = t.get(i++);
            long r = sum();
            boolean b = switch (op) {
                case "=" -> v == r;
                case "!=" -> v != r;
                case "<" -> v < r;
                case "<=" -> v <= r;
                case ">" -> v > r;
                default -> v >= r;
            };
            v = b ? 1 : 0;
        }
        return v;
    }

    private long sum() {
        long v = product();
        while (at("+") || at("-")) {
            String op = t.get(i++);
            long r = product();
            v = op.equals("+") ? v + r : v - r;
        }
        return v;
    }

    private long product() {
        long v = operand();
        while (at("*") || at("/") || at("%")) {
            String op = t.get(i++);
            long r = operand();
            v = switch (op) {
                case "*" -> v * r;
                case "/" -> v / r;
                default -> v % r;
            };
        }
        return v;
    }

    private long operand() {
        if (at("(")) {
            i++;
            long v = or();
            if (!at(")")) throw new NumberFormatException("missing )");
            i++;
            return v;
        }
        return Long.parseLong(t.get(i++).trim());
    }
}
