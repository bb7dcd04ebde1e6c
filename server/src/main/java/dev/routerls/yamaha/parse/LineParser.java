package dev.routerls.yamaha.parse;

import dev.routerls.core.Utf16Columns;
import dev.routerls.grammar.YamahaLexer;
import dev.routerls.grammar.YamahaParser;
import dev.routerls.grammar.YamahaParser.*;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Parses one YAMAHA config line with the ANTLR grammar and turns the tree into a compact
 * {@link ParsedLine}. Stateless and thread safe; callers cache results by line text.
 */
public final class LineParser {

    /** Parses one line (no line terminator). Never throws for any input. */
    public ParsedLine parse(String text) {
        Parsed<LineContext> p = run(text, YamahaParser::line);
        Utf16Columns cols = Utf16Columns.of(text);
        List<Word> words = new ArrayList<>();
        Word comment = null;
        for (Token t : p.tokens.getTokens()) {
            if (t.getChannel() != Token.DEFAULT_CHANNEL || t.getType() == Token.EOF) continue;
            Word w = word(t, cols);
            if (t.getType() == YamahaLexer.COMMENT) comment = w;
            else words.add(w);
        }
        if (p.error != null) {
            return new ParsedLine(text, words, comment, false, null, p.error.mapped(cols), null);
        }
        LineContext line = p.tree;
        Command command = null;
        ExplicitShape shape = null;
        if (line.command() != null) {
            CommandConverter c = new CommandConverter(cols);
            command = c.convert(line.command());
            words = c.applySecrets(words);
            if (command instanceof Command.Generic && line.NO() == null) {
                // `no` forms may drop trailing parameters, so only positive lines are held to the form
                shape = ExplicitForms.check(text, words, cols);
            }
        }
        return new ParsedLine(text, words, comment, line.NO() != null, command, null, shape);
    }

    /** Reads a header comment's text (after '#'): model name and firmware revision, if it is one. */
    public Optional<Header> parseHeader(String commentBody) {
        // a header holds the REVISION token ('rev.' and digits): a comment without "rev." needs no parse
        if (!mentionsRevision(commentBody)) return Optional.empty();
        Parsed<HeaderContext> p = run(commentBody, YamahaParser::header);
        if (p.error != null || p.tree.model == null || p.tree.revision == null) return Optional.empty();
        String model = p.tree.model.getText();
        // a model name is letters followed by digits (RTX1210, NVR510, vRX, RT57i, FWX120 …)
        if (!model.matches("(?i)[a-z]{2,4}[0-9]*[a-z]*") || model.chars().noneMatch(Character::isUpperCase)) {
            return Optional.empty();
        }
        String rev = p.tree.revision.getText().substring(4);
        return Optional.of(new Header(model, rev));
    }

    private static boolean mentionsRevision(String text) {
        for (int i = text.indexOf('.'); i >= 3; i = text.indexOf('.', i + 1)) {
            if (text.regionMatches(true, i - 3, "rev", 0, 3)) return true;
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------

    private record Parsed<T>(T tree, CommonTokenStream tokens, RawError error) { }

    /** A syntax error with code point columns, mapped to UTF-16 columns once the line is known. */
    private record RawError(String message, int start, int end) {
        LineError mapped(Utf16Columns cols) {
            return new LineError(message, cols.utf16(start), cols.utf16(end));
        }
    }

    private static <T extends ParserRuleContext> Parsed<T> run(String text, Function<YamahaParser, T> entry) {
        YamahaLexer lexer = new YamahaLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        YamahaParser parser = new YamahaParser(tokens);
        parser.removeErrorListeners();
        // fast SLL pass first; only lines it cannot decide get the full LL pass with error reporting
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            return new Parsed<>(entry.apply(parser), tokens, null);
        } catch (ParseCancellationException e) {
            tokens.seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new DefaultErrorStrategy());
            FirstError listener = new FirstError();
            parser.addErrorListener(listener);
            T tree = entry.apply(parser);
            return new Parsed<>(tree, tokens, listener.error);
        }
    }

    private static final class FirstError extends BaseErrorListener {
        RawError error;

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int col, String msg,
                                RecognitionException e) {
            if (error != null) return;
            if (offending instanceof Token t && t.getType() != Token.EOF) {
                error = new RawError(describe(t), t.getStartIndex(), t.getStopIndex() + 1);
            } else {
                // at the end of the line there is no character to mark: mark the last word, which needs more after it
                Token last = lastWord(recognizer);
                error = last == null
                        ? new RawError("the line ends before the command is complete", col, col)
                        : new RawError("the line ends before the command is complete", last.getStartIndex(), last.getStopIndex() + 1);
            }
        }

        private static Token lastWord(Recognizer<?, ?> recognizer) {
            if (!(recognizer instanceof Parser p)) return null;
            TokenStream tokens = p.getInputStream();
            for (int i = tokens.index(); i >= 0; i--) {
                Token t = tokens.get(i);
                if (t.getType() != Token.EOF && t.getChannel() == Token.DEFAULT_CHANNEL) return t;
            }
            return null;
        }

        // Never quotes the word itself: it may be part of a password on a wrapped line.
        private static String describe(Token t) {
            String text = t.getText();
            if (t.getType() == YamahaLexer.ERROR_CHAR) {
                char c = text.isEmpty() ? ' ' : text.charAt(0);
                if (c == '"' || c == '\'') return "a quote that is never closed";
                if (c == '\\') return "a backslash with nothing to escape";
                return "a control character (U+" + String.format("%04X", (int) c) + "), binary data in the text";
            }
            return "a command must start with a command name, not this word";
        }
    }

    static Word word(Token t, Utf16Columns cols) {
        return Word.inLine(cols.text(), cols.utf16(t.getStartIndex()), cols.utf16(t.getStopIndex() + 1), t.getType());
    }

    /** Resolves {@code \x} escapes and {@code "…"}/{@code '…'} quoting as the router does. */
    static String unescape(String raw) {
        if (raw.indexOf('"') < 0 && raw.indexOf('\'') < 0 && raw.indexOf('\\') < 0) return raw;
        StringBuilder b = new StringBuilder(raw.length());
        char quote = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else b.append(c);
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '\\' && i + 1 < raw.length()) {
                b.append(raw.charAt(++i));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
