package dev.routerls.openwrt.router.script;

import dev.routerls.core.SourceRange;
import dev.routerls.grammar.ShellArithmeticLexer;
import dev.routerls.grammar.ShellArithmeticParser;
import dev.routerls.grammar.ShellArithmeticParser.ExpressionContext;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;

import java.util.Optional;

/**
 * {@code $((…))} over the ShellArithmetic grammar, with 64-bit integers as ash computes them.
 * A variable the script never set, or one holding an unknown value, makes the result unknown.
 */
final class Arithmetic {
    private final ScriptEvaluator shell;

    Arithmetic(ScriptEvaluator shell) {
        this.shell = shell;
    }

    private static final class Unknown extends RuntimeException {
        Unknown() {
            super(null, null, false, false);
        }
    }

    Optional<Long> evaluate(String text, SourceRange at) {
        ShellArithmeticLexer lexer = new ShellArithmeticLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        ShellArithmeticParser parser = new ShellArithmeticParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        boolean[] bad = {false};
        parser.addErrorListener(new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> r, Object o, int l, int c, String m, RecognitionException e) {
                bad[0] = true;
            }
        });
        ShellArithmeticParser.ArithmeticContext tree = parser.arithmetic();
        if (bad[0] || text.contains("\u0000")) {
            shell.note(at, "routerls cannot read this arithmetic expression ('" + text.strip() + "'); its value is unknown.");
            return Optional.empty();
        }
        if (tree.expression() == null) return Optional.of(0L);
        try {
            return Optional.of(eval(tree.expression()));
        } catch (Unknown e) {
            return Optional.empty();
        } catch (NumberFormatException e) {
            shell.note(at, "This arithmetic holds a number the shell cannot read ('" + text.strip() + "').");
            return Optional.empty();
        } catch (ArithmeticException e) {
            shell.note(at, "This arithmetic divides by zero; the shell would stop the script here.");
            return Optional.empty();
        }
    }

    private long eval(ExpressionContext e) {
        if (e instanceof ShellArithmeticParser.NumberContext n) return number(n.getText());
        if (e instanceof ShellArithmeticParser.VariableContext v) return variable(v.getText());
        if (e instanceof ShellArithmeticParser.ParenthesizedContext p) return eval(p.expression());
        if (e instanceof ShellArithmeticParser.UnaryContext u) {
            long x = eval(u.expression());
            return switch (u.op.getText()) {
                case "-" -> -x;
                case "!" -> x == 0 ? 1 : 0;
                case "~" -> ~x;
                default -> x;
            };
        }
        if (e instanceof ShellArithmeticParser.ConditionalContext c) {
            return eval(c.condition) != 0 ? eval(c.whenTrue) : eval(c.whenFalse);
        }
        if (e instanceof ShellArithmeticParser.PreIncrementContext p) {
            String name = p.NAME().getText();
            long v = variable(name) + (p.op.getText().equals("++") ? 1 : -1);
            shell.setVariable(name, ScriptEvaluator.Value.of(Long.toString(v)));
            return v;
        }
        if (e instanceof ShellArithmeticParser.PostIncrementContext p) {
            String name = p.NAME().getText();
            long v = variable(name);
            shell.setVariable(name, ScriptEvaluator.Value.of(Long.toString(v + (p.op.getText().equals("++") ? 1 : -1))));
            return v;
        }
        if (e instanceof ShellArithmeticParser.AssignContext a) {
            String name = a.NAME().getText();
            long r = eval(a.expression());
            String op = a.op.getText();
            long v = op.equals("=") ? r : binary(op.substring(0, op.length() - 1), variable(name), r);
            shell.setVariable(name, ScriptEvaluator.Value.of(Long.toString(v)));
            return v;
        }
        if (e instanceof ShellArithmeticParser.BinaryContext b) {
            String op = b.op.getText();
            long l = eval(b.expression(0));
            if (op.equals("&&") && l == 0) return 0;
            if (op.equals("||") && l != 0) return 1;
            return binary(op, l, eval(b.expression(1)));
        }
        throw new Unknown();
    }

    private static long binary(String op, long l, long r) {
        return switch (op) {
            case "+" -> l + r;
            case "-" -> l - r;
            case "*" -> l * r;
            case "/" -> l / r;
            case "%" -> l % r;
            case "<<" -> l << r;
            case ">>" -> l >> r;
            case "&" -> l & r;
            case "|" -> l | r;
            case "^" -> l ^ r;
            case "<" -> l < r ? 1 : 0;
            case "<=" -> l <= r ? 1 : 0;
            case ">" -> l > r ? 1 : 0;
            case ">=" -> l >= r ? 1 : 0;
            case "==" -> l == r ? 1 : 0;
            case "!=" -> l != r ? 1 : 0;
            case "&&" -> l != 0 && r != 0 ? 1 : 0;
            case "||" -> l != 0 || r != 0 ? 1 : 0;
            default -> throw new Unknown();
        };
    }

    private long variable(String name) {
        ScriptEvaluator.Value v = shell.variable(name);
        if (v == null || !v.known()) throw new Unknown();
        String t = v.text().trim();
        if (t.isEmpty()) return 0;
        try {
            return number(t);
        } catch (NumberFormatException e) {
            throw new Unknown();
        }
    }

    /** Decimal, 0x hex, leading-0 octal and base#digits, as ash reads them. */
    static long number(String t) {
        if (t.startsWith("0x") || t.startsWith("0X")) return Long.parseLong(t.substring(2), 16);
        int hash = t.indexOf('#');
        if (hash > 0) return Long.parseLong(t.substring(hash + 1), Integer.parseInt(t.substring(0, hash)));
        if (t.length() > 1 && t.startsWith("0")) return Long.parseLong(t.substring(1), 8);
        return Long.parseLong(t);
    }
}
