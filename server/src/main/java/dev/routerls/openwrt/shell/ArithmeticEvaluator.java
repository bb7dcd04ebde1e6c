package dev.routerls.openwrt.shell;

import dev.routerls.grammar.ShellArithmeticLexer;
import dev.routerls.grammar.ShellArithmeticParser;
import dev.routerls.grammar.ShellArithmeticParser.*;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.misc.ParseCancellationException;

import java.util.HashMap;
import java.util.Map;

/**
 * Computes {@code $((...))} text with the ShellArithmetic grammar: 64-bit signed integers as in
 * busybox ash, variables read and written through {@link Variables}.
 */
final class ArithmeticEvaluator {
    interface Variables {
        ShellValue get(String name);

        void set(String name, ShellValue value);
    }

    private static final int MAX_DEPTH = 200;
    private final Map<String, ArithmeticContext> cache = new HashMap<>();

    /** @throws ShellErrorException on syntax errors or division by zero; UnknownValueException for unknown variables */
    long evaluate(String expression, Variables vars) {
        ArithmeticContext tree = cache.get(expression);
        if (tree == null) {
            ShellArithmeticParser parser = new ShellArithmeticParser(new CommonTokenStream(
                    new ShellArithmeticLexer(CharStreams.fromString(expression))));
            parser.removeErrorListeners();
            parser.setErrorHandler(new BailErrorStrategy());
            try {
                tree = parser.arithmetic();
            } catch (ParseCancellationException e) {
                throw new ShellErrorException("'" + expression.strip() + "' is not a valid arithmetic expression");
            }
            if (cache.size() < 10_000) cache.put(expression, tree);
        }
        if (tree.expression() == null) return 0;
        return new Run(vars).eval(tree.expression(), 0);
    }

    /** Parses a shell integer: decimal, 0x hex, leading-0 octal, base#digits; surrounding blanks allowed. */
    static long parseNumber(String text) {
        String s = text.strip();
        if (s.isEmpty()) return 0;
        boolean negative = false;
        if (s.startsWith("-") || s.startsWith("+")) {
            negative = s.startsWith("-");
            s = s.substring(1);
        }
        int radix = 10;
        String digits = s;
        if (s.startsWith("0x") || s.startsWith("0X")) {
            radix = 16;
            digits = s.substring(2);
        } else if (s.length() > 1 && s.startsWith("0")) {
            radix = 8;
            digits = s.substring(1);
        } else if (s.contains("#")) {
            int hash = s.indexOf('#');
            try {
                radix = Integer.parseInt(s.substring(0, hash));
            } catch (NumberFormatException e) {
                throw new ShellErrorException("'" + text + "' is not a number");
            }
            digits = s.substring(hash + 1);
            if (radix < 2 || radix > 36) throw new ShellErrorException("'" + text + "' has an invalid base");
        }
        if (digits.isEmpty()) throw new ShellErrorException("'" + text + "' is not a number");
        try {
            long v = Long.parseUnsignedLong(digits, radix);
            return negative ? -v : v;
        } catch (NumberFormatException e) {
            throw new ShellErrorException("'" + text + "' is not a number");
        }
    }

    private static final class Run {
        private final Variables vars;

        Run(Variables vars) {
            this.vars = vars;
        }

        long variable(String name, int depth) {
            ShellValue v = vars.get(name);
            if (v == null) return 0;
            String text = v.text();
            if (text == null) throw new UnknownValueException("$" + name);
            return parseNumber(text);
        }

        long eval(ExpressionContext e, int depth) {
            if (depth > MAX_DEPTH) throw new ShellErrorException("arithmetic expression nested too deeply");
            int d = depth + 1;
            if (e instanceof NumberContext n) return parseNumber(n.NUMBER().getText());
            if (e instanceof VariableContext v) return variable(v.NAME().getText(), d);
            if (e instanceof ParenthesizedContext p) return eval(p.expression(), d);
            if (e instanceof UnaryContext u) {
                long x = eval(u.expression(), d);
                return switch (u.op.getText()) {
                    case "-" -> -x;
                    case "!" -> x == 0 ? 1 : 0;
                    case "~" -> ~x;
                    default -> x;
                };
            }
            if (e instanceof PreIncrementContext p) {
                String name = p.NAME().getText();
                long x = variable(name, d) + (p.op.getText().equals("++") ? 1 : -1);
                vars.set(name, ShellValue.known(Long.toString(x)));
                return x;
            }
            if (e instanceof PostIncrementContext p) {
                String name = p.NAME().getText();
                long x = variable(name, d);
                vars.set(name, ShellValue.known(Long.toString(x + (p.op.getText().equals("++") ? 1 : -1))));
                return x;
            }
            if (e instanceof ConditionalContext c) {
                return eval(c.condition, d) != 0 ? eval(c.whenTrue, d) : eval(c.whenFalse, d);
            }
            if (e instanceof AssignContext a) {
                String name = a.NAME().getText();
                String op = a.op.getText();
                long right = eval(a.expression(), d);
                long value = op.equals("=") ? right : apply(op.substring(0, op.length() - 1), variable(name, d), right);
                vars.set(name, ShellValue.known(Long.toString(value)));
                return value;
            }
            BinaryContext b = (BinaryContext) e;
            String op = b.op.getText();
            long left = eval(b.expression(0), d);
            // && and || do not evaluate their right side when the left decides
            if (op.equals("&&")) return left != 0 && eval(b.expression(1), d) != 0 ? 1 : 0;
            if (op.equals("||")) return left != 0 || eval(b.expression(1), d) != 0 ? 1 : 0;
            return apply(op, left, eval(b.expression(1), d));
        }

        static long apply(String op, long a, long b) {
            return switch (op) {
                case "+" -> a + b;
                case "-" -> a - b;
                case "*" -> a * b;
                case "/" -> {
                    if (b == 0) throw new ShellErrorException("division by zero");
                    yield a / b;
                }
                case "%" -> {
                    if (b == 0) throw new ShellErrorException("division by zero");
                    yield a % b;
                }
                case "<<" -> a << b;
                case ">>" -> a >> b;
                case "&" -> a & b;
                case "|" -> a | b;
                case "^" -> a ^ b;
                case "==" -> a == b ? 1 : 0;
                case "!=" -> a != b ? 1 : 0;
                case "<" -> a < b ? 1 : 0;
                case "<=" -> a <= b ? 1 : 0;
                case ">" -> a > b ? 1 : 0;
                case ">=" -> a >= b ? 1 : 0;
                default -> throw new ShellErrorException("unsupported operator " + op);
            };
        }
    }
}
