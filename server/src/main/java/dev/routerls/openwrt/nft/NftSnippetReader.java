package dev.routerls.openwrt.nft;

import dev.routerls.core.LineIndex;
import dev.routerls.core.SourceRange;
import dev.routerls.core.Unanalysed;
import dev.routerls.core.Utf16Columns;
import dev.routerls.grammar.NftSnippetLexer;
import dev.routerls.grammar.NftSnippetParser;
import dev.routerls.grammar.NftSnippetParser.*;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Parse tree of NftSnippet.g4 → {@link NftSnippet}. ANTLR's recovery keeps what it could read. */
final class NftSnippetReader {
    /** Deepest nesting of blocks and sets that is analysed. */
    static final int MAX_DEPTH = 32;
    private final String uri;
    private final String text;
    private final LineIndex lines;
    private final Utf16Columns columns;
    private final List<NftRule> rules = new ArrayList<>();
    private final List<NftProblem> problems = new ArrayList<>();
    private final List<Unanalysed> unanalysed = new ArrayList<>();
    /** Where text offsets are in the document; null when the text is the document itself. */
    private final Positions positions;

    /** Maps a stretch of the read text (UTF-16 offsets, end exclusive) to its place in the document it came from. */
    interface Positions {
        SourceRange range(int start, int end);
    }

    private NftSnippetReader(String uri, String text, Positions positions) {
        this.uri = uri;
        this.text = text;
        this.lines = new LineIndex(text);
        this.columns = Utf16Columns.of(text);
        this.positions = positions;
    }

    static NftSnippet read(String uri, String text) {
        return read(uri, text, null);
    }

    /** Reads {@code text} that was built from parts of document {@code uri}; {@code positions} places it there. */
    static NftSnippet read(String uri, String text, Positions positions) {
        NftSnippetReader r = new NftSnippetReader(uri, text, positions);
        r.run();
        return new NftSnippet(uri, r.rules, r.problems, r.unanalysed);
    }

    private void run() {
        NftSnippetLexer lexer = new NftSnippetLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        hideTooDeep(tokens);
        NftSnippetParser parser = new NftSnippetParser(tokens);
        parser.removeErrorListeners();
        Set<Integer> reportedLines = new HashSet<>();
        parser.addErrorListener(new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> r, Object offending, int line, int col, String msg, RecognitionException e) {
                // the end of the file is an empty range there; ANTLR's own line and column count only LF
                SourceRange at = offending instanceof Token t ? range(t, t) : position(text.length());
                problem(reportedLines, line, at, describe(offending));
            }
        });
        FileContext file = parser.file();
        for (Token t : tokens.getTokens()) {
            if (t.getType() == NftSnippetLexer.ERROR_CHAR) {
                problem(reportedLines, t.getLine(), range(t, t), "Unexpected character " + (t.getText().equals("\"")
                        ? "(a quote that is never closed on its line)" : "'" + t.getText() + "'"));
            }
        }
        problems.sort(java.util.Comparator.comparingInt((NftProblem d) -> d.range().startLine())
                .thenComparingInt(d -> d.range().startColumn()));
        for (StatementContext s : file.statement()) statement(s, null);
    }

    /**
     * Takes blocks and sets nested deeper than {@value #MAX_DEPTH} off the parser's channel (up to their closing
     * brace, or to the end when they never close), with one finding: real snippets nest a few levels, and the
     * parser's work on deeper nesting grows with the square of the depth.
     */
    private void hideTooDeep(CommonTokenStream tokens) {
        int depth = 0;
        int hideFrom = -1;
        for (Token t : tokens.getTokens()) {
            if (t.getChannel() != Token.DEFAULT_CHANNEL) continue;
            if (t.getType() == NftSnippetLexer.LBRACE) {
                depth++;
                if (depth == MAX_DEPTH + 1 && hideFrom < 0) {
                    hideFrom = t.getTokenIndex();
                    unanalysed.add(new Unanalysed(uri, range(t, t), "Blocks and sets are"
                            + " nested more than " + MAX_DEPTH + " deep from here; routerls does not analyse this part."
                            + " The statements around it are still checked."));
                }
            } else if (t.getType() == NftSnippetLexer.RBRACE && depth > 0) {
                depth--;
            }
            if (hideFrom >= 0 && t.getType() != Token.EOF) {
                ((org.antlr.v4.runtime.WritableToken) t).setChannel(Token.HIDDEN_CHANNEL);
                if (depth == MAX_DEPTH) hideFrom = -1;
            }
        }
    }

    /** One finding per line: after the first, ANTLR's recovery errors on that line add nothing. */
    private void problem(Set<Integer> reportedLines, int line, SourceRange at, String what) {
        if (!reportedLines.add(line)) return;
        problems.add(new NftProblem(at, what
                + "; nft refuses to load a snippet with a syntax error, and fw4 then fails to start the "
                + "firewall. The statements around it are still checked."));
    }

    private static String describe(Object offending) {
        if (offending instanceof Token t) {
            if (t.getType() == Token.EOF) return "The file ends inside a block or set: a closing } is missing";
            if (t.getType() == NftSnippetLexer.RBRACE) return "This } closes nothing";
            if (t.getType() == NftSnippetLexer.LBRACE) return "A block { … } must start a statement (chain NAME { … })";
        }
        return "nftables syntax error here";
    }

    private void statement(StatementContext s, String chain) {
        if (s.block() != null) {
            BlockContext b = s.block();
            String name = chain;
            if (b.kind.getType() == NftSnippetLexer.CHAIN && !b.word().isEmpty()) name = b.word(0).getText();
            for (StatementContext inner : b.statement()) statement(inner, name);
        } else if (s.ruleStatement() != null && s.ruleStatement().getStart() != null && s.ruleStatement().getStop() != null) {
            List<NftTerm> terms = new ArrayList<>();
            for (TermContext t : s.ruleStatement().term()) terms.add(term(t));
            rules.add(new NftRule(chain, range(s.ruleStatement().getStart(), s.ruleStatement().getStop()), terms));
        }
    }

    private NftTerm term(TermContext t) {
        if (t.braced() != null) return braced(t.braced());
        if (t.word() != null) return leaf(NftTerm.Kind.WORD, t.word().getStart());
        return leaf(t.getStart());
    }

    private NftTerm elementTerm(ElementTermContext t) {
        if (t.braced() != null) return braced(t.braced());
        if (t.word() != null) return leaf(NftTerm.Kind.WORD, t.word().getStart());
        return leaf(t.getStart());
    }

    private NftTerm braced(BracedContext b) {
        List<List<NftTerm>> elements = new ArrayList<>();
        for (ElementContext e : b.element()) {
            List<NftTerm> terms = new ArrayList<>();
            for (ElementTermContext t : e.elementTerm()) terms.add(elementTerm(t));
            elements.add(terms);
        }
        Token stop = b.getStop() == null ? b.getStart() : b.getStop();
        return new NftTerm(NftTerm.Kind.BRACED, "{…}", range(b.getStart(), stop), elements);
    }

    private NftTerm leaf(Token t) {
        NftTerm.Kind kind = switch (t.getType()) {
            case NftSnippetLexer.STRING -> NftTerm.Kind.STRING;
            case NftSnippetLexer.IPV4 -> NftTerm.Kind.IPV4;
            case NftSnippetLexer.RANGE -> NftTerm.Kind.RANGE;
            case NftSnippetLexer.NUMBER -> NftTerm.Kind.NUMBER;
            case NftSnippetLexer.COLON -> NftTerm.Kind.COLON;
            case NftSnippetLexer.COMMA -> NftTerm.Kind.COMMA;
            default -> NftTerm.Kind.WORD;
        };
        return leaf(kind, t);
    }

    private NftTerm leaf(NftTerm.Kind kind, Token t) {
        return new NftTerm(kind, t.getText(), range(t, t), List.of());
    }

    /** From the start of {@code a} to the end of {@code b}, in the editor's UTF-16 columns. */
    private SourceRange range(Token a, Token b) {
        if (b.getStopIndex() < a.getStartIndex()) b = a;   // recovery can leave a context ending before it starts
        int start = utf16(a.getStartIndex());
        int end = Math.max(start, utf16(b.getStopIndex() + 1));
        return positions != null ? positions.range(start, end) : lines.range(start, end);
    }

    /** The empty range at a UTF-16 offset, in the editor's lines (LF, CRLF and lone CR). */
    private SourceRange position(int offset) {
        return positions != null ? positions.range(offset, offset) : lines.range(offset, offset);
    }

    /** ANTLR counts code points, editors UTF-16 units (within the text: recovery may point past it). */
    private int utf16(int codePointIndex) {
        return Math.min(columns.utf16(codePointIndex), text.length());
    }
}
