package dev.routerls.openwrt.uci;

import dev.routerls.core.Severity;
import dev.routerls.core.SourceRange;
import dev.routerls.grammar.UciLexer;
import dev.routerls.grammar.UciParser;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a UCI file into a {@link UciFile}: the ANTLR grammar splits the text into commands, and this
 * class applies libuci's checks in libuci's order, with libuci's messages. Where libuci gives up on
 * the whole file at the first error, this reader drops only the offending command and goes on; after
 * a quote that never closes it resumes on the line after the opening quote.
 */
public final class UciReader {
    private static final String REJECTS = "; libuci refuses to load the whole file until this is fixed";

    private final SourcePositions pos;
    private final List<UciSection> sections = new ArrayList<>();
    private final Map<String, UciSection> named = new HashMap<>();
    private final Map<String, Integer> typeCounts = new LinkedHashMap<>();
    private final List<UciProblem> problems = new ArrayList<>();
    private UciSection current;
    /** A config line that could not be read: its options are dropped without more findings. */
    private boolean inBrokenSection;
    private int cpBase;

    private UciReader(String text) {
        this.pos = new SourcePositions(text);
    }

    /** Reads {@code text}; the package is the file's name under /etc/config (see {@link #packageNameOf}). */
    public static UciFile read(String uri, String text) {
        return read(uri, packageNameOf(uri), text);
    }

    public static UciFile read(String uri, String packageName, String text) {
        UciReader r = new UciReader(text);
        r.run();
        return new UciFile(uri, packageName, r.sections, r.problems);
    }

    /** The package a file holds: its base name, without an extension such as {@code .config}. */
    public static String packageNameOf(String uriOrPath) {
        String p = uriOrPath == null ? "" : uriOrPath.replace('\\', '/');
        String name = p.substring(p.lastIndexOf('/') + 1);
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    // ------------------------------------------------------------------------------------------ driver

    private void run() {
        String text = pos.text();
        int offset = 0;
        while (offset <= text.length()) {
            cpBase = text.codePointCount(0, offset);
            int resumeAt = readFrom(text.substring(offset));
            if (resumeAt < 0 || resumeAt >= text.length()) break;
            offset = resumeAt;
        }
    }

    /**
     * Parses one stretch of text. Returns the offset to resume at after an unclosed quote, or -1 when
     * the stretch was read to its end.
     */
    private int readFrom(String chunk) {
        UciLexer lexer = new UciLexer(CharStreams.fromString(chunk));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        UciParser parser = new UciParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> r, Object symbol, int line, int col, String msg,
                                    RecognitionException e) {
                // The grammar accepts every token sequence the lexer makes; this would be a grammar bug.
                Token t = symbol instanceof Token tok ? tok : null;
                SourceRange at = t == null ? SourceRange.of(0, 0, 0) : range(t);
                problems.add(new UciProblem("cannot read this part of the file (" + msg + ")", at,
                        Severity.ERROR, true));
            }
        });
        UciParser.UciFileContext file = parser.uciFile();
        boolean skipRestOfLine = false;
        Token previous = null;
        for (ParseTree child : file.children == null ? List.<ParseTree>of() : file.children) {
            if (child instanceof TerminalNode t) {
                Token tok = t.getSymbol();
                if (tok.getType() == UciLexer.NL) {
                    skipRestOfLine = false;
                } else if (tok.getType() == UciLexer.SEMI && !skipRestOfLine
                        && semicolonEndsLine(previous, tok, tokens)) {
                    skipRestOfLine = true;
                }
                previous = tok;
                continue;
            }
            UciParser.CommandContext cmd = (UciParser.CommandContext) child;
            previous = cmd.getStop();
            if (skipRestOfLine) continue;
            int open = unterminated(cmd);
            if (open >= 0) return pos.nextLineStart(open);
            command(cmd);
        }
        return -1;
    }

    /**
     * libuci quirk: when ';' directly follows an unquoted argument, libuci overwrites the ';' while
     * ending the argument and then finds nothing more on the line, so later commands on that line are
     * silently lost. Reports it when such commands exist.
     */
    private boolean semicolonEndsLine(Token previous, Token semi, CommonTokenStream tokens) {
        if (previous == null || previous.getType() != UciLexer.ARG) return false;
        if (previous.getStopIndex() + 1 != semi.getStartIndex()) return false;
        if (!UciText.isPlain(previous.getText())) return false;
        Token last = null;
        for (int i = semi.getTokenIndex() + 1; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.getType() == UciLexer.NL || t.getType() == Token.EOF) break;
            if (t.getChannel() == Token.DEFAULT_CHANNEL) last = t;
        }
        if (last == null) return true;
        problems.add(new UciProblem("libuci ignores the rest of this line: a ';' written right after an "
                + "unquoted value ends the whole line, not just the command; put a space before the ';' "
                + "or quote the value", span(semi, last), Severity.WARNING, false));
        return true;
    }

    /** Offset of an unclosed quote among the command's arguments (reported), or -1. */
    private int unterminated(UciParser.CommandContext cmd) {
        for (UciParser.ArgumentContext a : arguments(cmd)) {
            Token t = a.getStart();
            if (t.getType() != UciLexer.UNTERMINATED_SQ && t.getType() != UciLexer.UNTERMINATED_DQ) continue;
            int quote = UciText.openQuoteIndex(t.getText());
            if (quote < 0) quote = 0;
            int start = offset(t.getStartIndex()) + quote;
            char q = t.getText().charAt(quote);
            problems.add(new UciProblem("EOF with unterminated " + q + ": this quote is never closed, so "
                    + "libuci reads the rest of the file as part of the value" + REJECTS
                    + " (routerls reads on from the next line)",
                    pos.range(start, start + 1), Severity.ERROR, true));
            return start;
        }
        return -1;
    }

    // ------------------------------------------------------------------------------------------ commands

    private void command(UciParser.CommandContext cmd) {
        Token keyword = cmd.getStart();
        List<UciValue> args = new ArrayList<>();
        for (UciParser.ArgumentContext a : arguments(cmd)) args.add(value(a.getStart()));
        if (cmd instanceof UciParser.InvalidCommandContext) {
            error(range(keyword), "invalid command: '" + keyword.getText() + "' is not package, config, "
                    + "option or list (nor their short forms p, c, o, l)");
            return;
        }
        boolean optionLike = cmd instanceof UciParser.OptionCommandContext
                || cmd instanceof UciParser.ListCommandContext;
        // libuci's checks, in its order: the command word, the open section, then the arguments
        if (!keywordEndsAtBlank(keyword, optionLike)) {
            if (cmd instanceof UciParser.ConfigCommandContext) brokenSection();
            return;
        }
        if (optionLike && current == null && !inBrokenSection) {
            error(range(keyword), "option/list command found before the first section: start a section "
                    + "with a config line first");
            return;
        }
        if (offset(keyword.getStopIndex() + 1) >= pos.text().length()) {
            String word = optionLike ? "option" : keyword.getText().startsWith("p") ? "package" : "config";
            error(range(keyword), word + " without name: the file ends right after '" + keyword.getText() + "'");
            if (cmd instanceof UciParser.ConfigCommandContext) brokenSection();
            return;
        }
        if (cmd instanceof UciParser.PackageCommandContext) {
            packageCommand(keyword, args);
        } else if (cmd instanceof UciParser.ConfigCommandContext) {
            configCommand(keyword, args);
        } else {
            optionCommand(keyword, args, cmd instanceof UciParser.ListCommandContext);
        }
    }

    /**
     * libuci splits the command word off at a space or tab only, so a keyword followed directly by the
     * line end (or a CR, form feed ...) becomes a different, unknown word such as "config" + newline.
     */
    private boolean keywordEndsAtBlank(Token keyword, boolean optionLike) {
        String text = pos.text();
        int end = offset(keyword.getStopIndex() + 1);
        if (end >= text.length()) return true;
        char next = text.charAt(end);
        if (next == ' ' || next == '\t') return true;
        error(range(keyword), "invalid command: libuci reads '" + keyword.getText() + "' and the line end "
                + "as one word; write the " + (optionLike ? "option name and value" : "arguments")
                + " after it on the same line");
        return false;
    }

    private void packageCommand(Token keyword, List<UciValue> args) {
        UciValue name = required(keyword, args, 0);
        if (name == null) return;
        if (!validName(name.text(), true)) {
            error(name.range(), "invalid character in name field: package names may only use letters, "
                    + "digits, '_' and '-'");
            return;
        }
        tooMany(args, 1);
    }

    private void configCommand(Token keyword, List<UciValue> args) {
        UciValue type = required(keyword, args, 0);
        if (type == null) {
            brokenSection();
            return;
        }
        if (!validType(type.text())) {
            error(type.range(), "invalid character in type field: a section type is printable ASCII "
                    + "without spaces");
            brokenSection();
            return;
        }
        UciValue name = args.size() > 1 ? args.get(1) : null;
        if (name != null && !name.isEmpty() && !validName(name.text(), false)) {
            error(name.range(), "invalid character in name field: section names may only use letters, "
                    + "digits and '_' (no '-', '.' or spaces)");
        } else {
            tooMany(args, 2);
        }
        SourceRange line = args.isEmpty() ? range(keyword) : join(range(keyword), args.get(args.size() - 1).range());
        UciSection.Header header = new UciSection.Header(line, type, name);
        inBrokenSection = false;
        if (name != null && !name.isEmpty()) {
            UciSection existing = named.get(name.text());
            if (existing != null) {
                if (!existing.type().equals(type.text())) {
                    error(type.range(), "section of different type overwrites prior section with same name: '"
                            + name.text() + "' was declared as '" + existing.type() + "' before; rename one of them");
                }
                existing.addHeader(header);
                current = existing;
                return;
            }
        }
        int index = typeCounts.merge(type.text(), 1, Integer::sum) - 1;
        UciSection s = new UciSection(type.text(), name == null ? null : name.text(), index, header);
        sections.add(s);
        if (!s.isAnonymous()) named.put(s.name(), s);
        current = s;
    }

    private void optionCommand(Token keyword, List<UciValue> args, boolean list) {
        UciValue name = required(keyword, args, 0);
        if (name == null) return;
        if (!validName(name.text(), false)) {
            error(name.range(), "invalid character in name field: option names may only use letters, "
                    + "digits and '_'");
            return;
        }
        tooMany(args, 2);
        UciValue value = args.size() > 1 ? args.get(1) : missingAfter(name);
        SourceRange line = join(range(keyword), args.get(Math.min(args.size(), 2) - 1).range());
        if (current == null) return;   // inside a config line that could not be read
        current.addOption(new UciOption(list ? UciOption.Kind.LIST : UciOption.Kind.OPTION,
                name.text(), name.range(), value, line));
    }

    private UciValue required(Token keyword, List<UciValue> args, int i) {
        if (args.size() > i && !args.get(i).isEmpty()) return args.get(i);
        SourceRange at = args.size() > i ? args.get(i).range() : range(keyword);
        error(at, "insufficient arguments: '" + keyword.getText() + "' needs "
                + (keyword.getText().startsWith("c") ? "a section type" : "a name") + " after it");
        return null;
    }

    private void tooMany(List<UciValue> args, int allowed) {
        if (args.size() <= allowed) return;
        // libuci looks at one more argument and only complains when it is not empty
        if (args.get(allowed).isEmpty() && args.size() == allowed + 1) return;
        error(join(args.get(allowed).range(), args.get(args.size() - 1).range()),
                "too many arguments: quote a value that contains spaces, e.g. 'a b'");
    }

    private void brokenSection() {
        current = null;
        inBrokenSection = true;
    }

    /** libuci's character sets: names are [A-Za-z0-9_] (package names also '-'). */
    /**
     * True when libuci accepts {@code s} as a section name (letters, digits, '_') or, with
     * {@code packageName}, as a package name (also '-').
     */
    public static boolean validName(String s, boolean packageName) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isAsciiAlnum(c) || c == '_' || packageName && c == '-') continue;
            return false;
        }
        return true;
    }

    /** Types: any printable ASCII character except space. */
    static boolean validType(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 33 || c > 126) return false;
        }
        return true;
    }

    private static boolean isAsciiAlnum(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static List<UciParser.ArgumentContext> arguments(UciParser.CommandContext cmd) {
        if (cmd instanceof UciParser.PackageCommandContext c) return c.argument();
        if (cmd instanceof UciParser.ConfigCommandContext c) return c.argument();
        if (cmd instanceof UciParser.OptionCommandContext c) return c.argument();
        if (cmd instanceof UciParser.ListCommandContext c) return c.argument();
        if (cmd instanceof UciParser.InvalidCommandContext c) return c.argument();
        return List.of();
    }

    private UciValue value(Token t) {
        String raw = t.getText();
        return new UciValue(UciText.unquote(raw), raw, range(t));
    }

    private UciValue missingAfter(UciValue name) {
        SourceRange r = name.range();
        return new UciValue("", "", new SourceRange(r.endLine(), r.endColumn(), r.endLine(), r.endColumn()));
    }

    private int offset(int codePointIndex) {
        return pos.offsetOfCodePoint(cpBase + codePointIndex);
    }

    private SourceRange range(Token t) {
        return pos.range(offset(t.getStartIndex()), offset(t.getStopIndex() + 1));
    }

    private SourceRange span(Token from, Token to) {
        return pos.range(offset(from.getStartIndex()), offset(to.getStopIndex() + 1));
    }

    private static SourceRange join(SourceRange a, SourceRange b) {
        return new SourceRange(a.startLine(), a.startColumn(), b.endLine(), b.endColumn());
    }

    private void error(SourceRange at, String message) {
        problems.add(new UciProblem(message + REJECTS, at, Severity.ERROR, true));
    }
}
