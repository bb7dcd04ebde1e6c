package dev.routerls.openwrt.router.script;

import java.util.List;

/**
 * {@code test} / {@code [ … ]}: string and integer comparisons, -z/-n, !, -a/-o. File tests and
 * anything involving an unknown value give an unknown status.
 */
final class TestExpression {
    private TestExpression() {
    }

    static int evaluate(List<ScriptArgument> args) {
        if (args.stream().anyMatch(a -> !a.known())) return ScriptEvaluator.UNKNOWN_STATUS;
        for (int i = args.size() - 2; i >= 1; i--) {
            String v = args.get(i).value();
            if (v.equals("-o") || v.equals("-a")) {
                int l = evaluate(args.subList(0, i));
                int r = evaluate(args.subList(i + 1, args.size()));
                if (l == ScriptEvaluator.UNKNOWN_STATUS || r == ScriptEvaluator.UNKNOWN_STATUS) {
                    return ScriptEvaluator.UNKNOWN_STATUS;
                }
                boolean b = v.equals("-o") ? l == 0 || r == 0 : l == 0 && r == 0;
                return b ? 0 : 1;
            }
        }
        if (!args.isEmpty() && args.get(0).value().equals("!") && args.size() > 1) {
            int s = evaluate(args.subList(1, args.size()));
            return s == ScriptEvaluator.UNKNOWN_STATUS ? s : s == 0 ? 1 : 0;
        }
        return switch (args.size()) {
            case 0 -> 1;
            case 1 -> args.get(0).value().isEmpty() ? 1 : 0;
            case 2 -> unary(args.get(0).value(), args.get(1).value());
            case 3 -> binary(args.get(0).value(), args.get(1).value(), args.get(2).value());
            default -> ScriptEvaluator.UNKNOWN_STATUS;
        };
    }

    private static int unary(String op, String v) {
        return switch (op) {
            case "-z" -> v.isEmpty() ? 0 : 1;
            case "-n" -> v.isEmpty() ? 1 : 0;
            default -> ScriptEvaluator.UNKNOWN_STATUS;   // file tests: the router's file system is not known
        };
    }

    private static int binary(String a, String op, String b) {
        switch (op) {
            case "=", "==" -> {
                return a.equals(b) ? 0 : 1;
            }
            case "!=" -> {
                return a.equals(b) ? 1 : 0;
            }
            case "-eq", "-ne", "-lt", "-le", "-gt", "-ge" -> {
                long x, y;
                try {
                    x = Long.parseLong(a.trim());
                    y = Long.parseLong(b.trim());
                } catch (NumberFormatException e) {
                    return 2;
                }
                boolean r = switch (op) {
                    case "-eq" -> x == y;
                    case "-ne" -> x != y;
                    case "-lt" -> x < y;
                    case "-le" -> x <= y;
                    case "-gt" -> x > y;
                    default -> x >= y;
                };
                return r ? 0 : 1;
            }
            default -> {
                return ScriptEvaluator.UNKNOWN_STATUS;
            }
        }
    }
}
