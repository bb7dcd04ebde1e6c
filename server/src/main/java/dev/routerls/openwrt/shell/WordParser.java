package dev.routerls.openwrt.shell;

import dev.routerls.core.SourceRange;
import dev.routerls.grammar.ShellLexer;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * Takes one word (or a here-document body, or the text of {@code $((...))}) apart with the
 * ShellLexer's word modes and builds its {@link ShellWord.Part}s. Command substitutions are
 * handed back to {@link ShellSyntax} to be parsed as scripts of their own.
 */
final class WordParser {
    private final ShellSyntax syntax;

    WordParser(ShellSyntax syntax) {
        this.syntax = syntax;
    }

    /** A word as written on a command line. */
    ShellWord word(MappedText text) {
        return new ShellWord(text.text(), parts(text, ShellLexer.WORD_PARTS, false), text.whole());
    }

    /** Text expanded as inside double quotes but where quotes are ordinary characters. */
    ShellWord expandableText(MappedText text) {
        return new ShellWord(text.text(), parts(text, ShellLexer.EXPANDABLE_TEXT, true), text.whole());
    }

    private List<ShellWord.Part> parts(MappedText text, int mode, boolean allQuoted) {
        ShellLexer lexer = new ShellLexer(CharStreams.fromString(text.text()));
        lexer.removeErrorListeners();
        lexer.mode(mode);
        List<ShellWord.Part> parts = new ArrayList<>();
        boolean inDoubleQuotes = false;
        StringBuilder literal = new StringBuilder();
        int literalStart = -1;
        boolean literalQuoted = false;
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            int start = t.getStartIndex();
            int end = t.getStopIndex() + 1;
            boolean quoted = allQuoted || inDoubleQuotes;
            String s = t.getText();
            String plain = null;
            ShellWord.Part part = null;
            switch (t.getType()) {
                case ShellLexer.LITERAL, ShellLexer.DOLLAR -> plain = s;
                case ShellLexer.ESCAPED -> {
                    plain = s.length() > 1 && s.charAt(1) != '\n' ? s.substring(1) : "";
                    quoted = true;
                }
                case ShellLexer.SQUOTED -> {
                    plain = s.substring(1, s.length() - 1);
                    quoted = true;
                }
                case ShellLexer.DQ_OPEN -> {
                    inDoubleQuotes = true;
                    plain = "";
                    quoted = true;
                }
                case ShellLexer.DQ_CLOSE -> {
                    inDoubleQuotes = false;
                    plain = "";
                    quoted = true;
                }
                case ShellLexer.SIMPLE_EXPANSION ->
                        part = new ShellWord.Parameter(s.substring(1), null, null, quoted, text.range(start, end));
                case ShellLexer.BRACED_EXPANSION -> part = braced(text.slice(start + 2, end - 1), quoted, text.range(start, end));
                case ShellLexer.COMMAND_SUBST -> part = new ShellWord.CommandSubstitution(
                        syntax.nested(text.slice(start + 2, end - 1)), false, quoted, text.range(start, end));
                case ShellLexer.BACKQUOTED -> part = new ShellWord.CommandSubstitution(
                        syntax.nested(unescapeBackquoted(text.slice(start + 1, end - 1), inDoubleQuotes)), true, quoted,
                        text.range(start, end));
                case ShellLexer.ARITHMETIC -> part = new ShellWord.Arithmetic(
                        expandableText(text.slice(start + 3, end - 2)), quoted, text.range(start, end));
                default -> plain = s;
            }
            if (plain != null) {
                // adjacent literal pieces of the same quoting merge into one part
                if (literalStart >= 0 && literalQuoted != quoted) {
                    parts.add(new ShellWord.Literal(literal.toString(), literalQuoted, text.range(literalStart, start)));
                    literal.setLength(0);
                    literalStart = -1;
                }
                if (literalStart < 0) {
                    literalStart = start;
                    literalQuoted = quoted;
                }
                literal.append(plain);
                continue;
            }
            if (literalStart >= 0) {
                parts.add(new ShellWord.Literal(literal.toString(), literalQuoted, text.range(literalStart, start)));
                literal.setLength(0);
                literalStart = -1;
            }
            parts.add(part);
        }
        if (literalStart >= 0) {
            parts.add(new ShellWord.Literal(literal.toString(), literalQuoted, text.range(literalStart, text.length())));
        }
        return parts;
    }

    /** The inside of {@code ${...}}: a name, then optionally an operator and a word. */
    private ShellWord.Part braced(MappedText inner, boolean quoted, SourceRange range) {
        String s = inner.text();
        if (s.startsWith("#") && s.length() > 1 && isName(s.substring(1))) {
            return new ShellWord.Parameter(s.substring(1), "length", null, quoted, range);
        }
        int n = nameLength(s);
        if (n == 0) return new ShellWord.Parameter(s, "unsupported", null, quoted, range);
        String name = s.substring(0, n);
        if (n == s.length()) return new ShellWord.Parameter(name, null, null, quoted, range);
        String rest = s.substring(n);
        for (String op : new String[]{":-", ":=", ":+", ":?", "##", "%%", "-", "=", "+", "?", "#", "%"}) {
            if (rest.startsWith(op)) {
                int from = n + op.length();
                ShellWord arg = word(inner.slice(from, inner.length()));
                if (quoted) arg = quoteAll(arg);
                return new ShellWord.Parameter(name, op, arg, quoted, range);
            }
        }
        return new ShellWord.Parameter(name, "unsupported", null, quoted, range);
    }

    private static ShellWord quoteAll(ShellWord w) {
        List<ShellWord.Part> parts = new ArrayList<>();
        for (ShellWord.Part p : w.parts()) {
            if (p instanceof ShellWord.Literal l) {
                parts.add(new ShellWord.Literal(l.text(), true, l.range()));
            } else if (p instanceof ShellWord.Parameter q) {
                parts.add(new ShellWord.Parameter(q.name(), q.operator(), q.argument(), true, q.range()));
            } else if (p instanceof ShellWord.CommandSubstitution c) {
                parts.add(new ShellWord.CommandSubstitution(c.body(), c.backquoted(), true, c.range()));
            } else if (p instanceof ShellWord.Arithmetic a) {
                parts.add(new ShellWord.Arithmetic(a.expression(), true, a.range()));
            }
        }
        return new ShellWord(w.text(), parts, w.range());
    }

    private static int nameLength(String s) {
        if (s.isEmpty()) return 0;
        char c = s.charAt(0);
        if (Character.isDigit(c)) {
            int i = 0;
            while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
            return i;
        }
        if ("@*#?$!-".indexOf(c) >= 0) return 1;
        if (!(Character.isLetter(c) || c == '_') || c > 127) return 0;
        int i = 1;
        while (i < s.length() && (s.charAt(i) == '_' || (s.charAt(i) < 128 && Character.isLetterOrDigit(s.charAt(i))))) i++;
        return i;
    }

    static boolean isName(String s) {
        return !s.isEmpty() && !Character.isDigit(s.charAt(0)) && nameLength(s) == s.length()
                && (Character.isLetter(s.charAt(0)) || s.charAt(0) == '_');
    }

    /** Inside backquotes a backslash only escapes $ ` \ (and " inside double quotes). */
    private static MappedText unescapeBackquoted(MappedText body, boolean inDoubleQuotes) {
        boolean[] drop = new boolean[body.length()];
        for (int i = 0; i + 1 < body.length(); i++) {
            if (body.codePointAt(i) == '\\') {
                int next = body.codePointAt(i + 1);
                if (next == '$' || next == '`' || next == '\\' || (inDoubleQuotes && next == '"')) {
                    drop[i] = true;
                    i++;
                }
            }
        }
        return body.select(i -> !drop[i]);
    }
}
