package dev.routerls.yamaha.parse;

import dev.routerls.grammar.YamahaLexer;

import java.util.Objects;

/**
 * One word of a parsed line: its text with quotes and escapes resolved, its column span in the line
 * (UTF-16 units, end exclusive) and its token type ({@code YamahaLexer} constants).
 * A secret word (password, pre-shared key) never keeps its value: {@code text} is a mask.
 * <p>Parsed commands of every open document keep their words, so a word is small: most point into the
 * line text they came from and resolve their text when asked ({@link #inLine}); only words whose text is
 * not a plain span of the line keep their own.
 */
public final class Word {
    public static final String MASK = "********";

    /** Flags above the token type, which is a small number. */
    private static final int SECRET = 1 << 30, OWN_TEXT = 1 << 29, TYPE = OWN_TEXT - 1;

    /** The line the word is a span of, or (with {@link #OWN_TEXT}) the word's own text. */
    private final String source;
    private final int start;
    private final int end;
    private final int flags;

    /** A word whose text is given (a mask, a part of a token, tokens joined). */
    public Word(String text, int start, int end, int type, boolean secret) {
        this(Objects.requireNonNull(text), start, end, type | OWN_TEXT | (secret ? SECRET : 0));
    }

    private Word(String source, int start, int end, int flags) {
        this.source = source;
        this.start = start;
        this.end = end;
        this.flags = flags;
    }

    /** The token at {@code start..end} of {@code line}; its text is resolved from the line on use. */
    public static Word inLine(String line, int start, int end, int type) {
        return new Word(line, start, end, type & TYPE);
    }

    public String text() {
        if ((flags & SECRET) != 0) return MASK;
        if ((flags & OWN_TEXT) != 0) return source;
        String raw = source.substring(start, end);
        return type() == YamahaLexer.WORD ? LineParser.unescape(raw) : raw;
    }

    /** {@code Integer.parseInt(text())}, without making the text when the word is a plain span of its line. */
    public int intValue() {
        if ((flags & (SECRET | OWN_TEXT)) == 0 && type() != YamahaLexer.WORD) return Integer.parseInt(source, start, end, 10);
        return Integer.parseInt(text());
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    public int type() {
        return flags & TYPE;
    }

    public boolean secret() {
        return (flags & SECRET) != 0;
    }

    /** The same span with its value replaced by the mask. */
    public Word masked() {
        return new Word(MASK, start, end, type(), true);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Word w && w.start == start && w.end == end && w.type() == type()
                && w.secret() == secret() && w.text().equals(text());
    }

    @Override
    public int hashCode() {
        return Objects.hash(text(), start, end, type());
    }

    @Override
    public String toString() {
        return text();
    }
}
