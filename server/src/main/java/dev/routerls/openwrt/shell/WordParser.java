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
        String s0 = text.text();
        if (s0.isEmpty()) return List.of();
        if (plain(s0, mode == ShellLexer.EXPANDABLE_TEXT ? "\\$`" : "\\'\"$`")) {
            // most words are plain text: the lexer would give one literal piece
            return List.of(new ShellWord.Literal(s0, allQuoted, text.whole()));
        }
        ShellLexer lexer = new ShellLexer(CharStreams.fromString(text.text()));
        lexer.removeErrorListeners();
        lexer.mergeWords = false;
        lexer.mode(mode);
        List<Token> tokens = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) tokens.add(t);
        int[] match = closers(tokens);
        List<ShellWord.Part> parts = new ArrayList<>();
        boolean inDoubleQuotes = false;
        StringBuilder literal = new StringBuilder();
        int literalStart = -1;
        boolean literalQuoted = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            int start = t.getStartIndex();
            int end = t.getStopIndex() + 1;
            boolean quoted = allQuoted || inDoubleQuotes;
            String s = t.getText();
            String plain = null;
            ShellWord.Part part = null;
            int close = match[i];
            switch (t.getType()) {
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
                case ShellLexer.BRACE_OPEN, ShellLexer.SUBST_OPEN, ShellLexer.BQ_OPEN -> {
                    if (close < 0) {
                        // a form never closed (only in a here-document or $((...)) text): the rest is its text
                        plain = text.slice(start, text.length()).text();
                        i = tokens.size();
                        break;
                    }
                    int closeStart = tokens.get(close).getStartIndex();
                    boolean q = quoted;
                    SourceRange range = text.range(start, tokens.get(close).getStopIndex() + 1);
                    if (t.getType() == ShellLexer.BRACE_OPEN) {
                        part = nestedOrOpaque(text.slice(start + 2, closeStart), range, inner -> braced(inner, q, range));
                    } else if (t.getType() == ShellLexer.BQ_OPEN) {
                        boolean dq = inDoubleQuotes;
                        part = new ShellWord.CommandSubstitution(
                                syntax.nested(unescapeBackquoted(text.slice(start + 1, closeStart), dq)), true, quoted, range);
                    } else if (isArithmetic(tokens, match, i)) {
                        // $(( … )) whose inner ( closes right before the outer ): arithmetic, not a subshell
                        MappedText inner = text.slice(start + 3, tokens.get(close - 1).getStartIndex());
                        part = nestedOrOpaque(inner, range, x -> new ShellWord.Arithmetic(expandableText(x), q, range));
                    } else {
                        part = new ShellWord.CommandSubstitution(syntax.nested(text.slice(start + 2, closeStart)), false, quoted,
                                range);
                    }
                    i = close;
                }
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

    /**
     * For each opener token ({@code "}, {@code $(}, {@code (}, {@code $\{}, {@code `}) the index of its closer, or -1
     * when the text ends first; one pass, since the lexer's modes nest them properly.
     */
    private static int[] closers(List<Token> tokens) {
        int[] match = new int[tokens.size()];
        java.util.Arrays.fill(match, -1);
        int[] stack = new int[tokens.size()];
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            switch (tokens.get(i).getType()) {
                case ShellLexer.DQ_OPEN, ShellLexer.SUBST_OPEN, ShellLexer.PAREN_OPEN, ShellLexer.BRACE_OPEN, ShellLexer.BQ_OPEN ->
                        stack[depth++] = i;
                case ShellLexer.DQ_CLOSE, ShellLexer.PAREN_CLOSE, ShellLexer.BRACE_CLOSE, ShellLexer.BQ_CLOSE -> {
                    if (depth > 0) match[stack[--depth]] = i;
                }
                default -> {
                }
            }
        }
        return match;
    }

    private static boolean plain(String s, String special) {
        for (int i = 0; i < s.length(); i++) if (special.indexOf(s.charAt(i)) >= 0) return false;
        return true;
    }

    /** {@code $((} whose inner {@code (} closes immediately before the outer {@code )}: shell arithmetic. */
    private static boolean isArithmetic(List<Token> tokens, int[] match, int open) {
        if (open + 1 >= tokens.size() || tokens.get(open + 1).getType() != ShellLexer.PAREN_OPEN) return false;
        int inner = match[open + 1], outer = match[open];
        return inner >= 0 && inner == outer - 1 && tokens.get(inner).getStopIndex() + 1 == tokens.get(outer).getStartIndex();
    }

    /** The part {@code build} makes of {@code inner}, unless forms are nested too deep: then one opaque literal. */
    private ShellWord.Part nestedOrOpaque(MappedText inner, SourceRange range, java.util.function.Function<MappedText, ShellWord.Part> build) {
        if (!syntax.enter(inner)) return new ShellWord.Literal(inner.text(), true, range);
        try {
            return build.apply(inner);
        } finally {
            syntax.leave();
        }
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
