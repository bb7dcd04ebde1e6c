package dev.routerls.yamaha.parse;

import dev.routerls.grammar.YamahaLexer;

import java.util.Objects;

/**
 * One word of a parsed line: its text with quotes and escapes resolved, its column span in the line
 * (UTF-16 units, end exclusive) and its token type ({@code YamahaLexer} constants).
 * A secret word (password, pre-shared key) never keeps its value: {@code text} is a mask.
 * <p>Parsed commands of every open document keep their words, so a word is small (24 bytes): most point
 * into the line text they came from and resolve their text when asked ({@link #inLine}); only words whose
 * text is not a plain span of the line keep their own. Columns, type and flags share one {@code long}.
 */
public final class Word {
    public static final String MASK = "********";

    private static final int COLUMN_BITS = 26, TYPE_BITS = 10;
    private static final long COLUMN_MASK = (1L << COLUMN_BITS) - 1, TYPE_MASK = (1L << TYPE_BITS) - 1;
    private static final int END_SHIFT = COLUMN_BITS, TYPE_SHIFT = 2 * COLUMN_BITS;
    private static final long SECRET = 1L << 62, OWN_TEXT = 1L << 63;

    /** The line the word is a span of, or (with {@link #OWN_TEXT}) the word's own text. */
    private final String source;
    /** start | end | type | SECRET | OWN_TEXT. */
    private final long bits;

    /** A word whose text is given (a mask, a part of a token, tokens joined). */
    public Word(String text, int start, int end, int type, boolean secret) {
        this(Objects.requireNonNull(text), pack(start, end, type) | OWN_TEXT | (secret ? SECRET : 0));
    }

    private Word(String source, long bits) {
        this.source = source;
        this.bits = bits;
    }

    /** The token at {@code start..end} of {@code line}; its text is resolved from the line on use. */
    public static Word inLine(String line, int start, int end, int type) {
        return new Word(line, pack(start, end, type));
    }

    /** The word of {@code bits} (see {@link #spanBits}) over {@code line}. */
    static Word inLine(String line, long bits) {
        return new Word(line, bits);
    }

    /**
     * The packed columns and type of a word that is a plain span of {@code line} (so it can be kept as this
     * number and made again with {@link #inLine(String, long)}); -1 when it is not one.
     */
    long spanBits(String line) {
        return (bits & OWN_TEXT) == 0 && source == line ? bits : -1;
    }

    /** The line this word is a span of; null when it keeps its own text. */
    String line() {
        return (bits & OWN_TEXT) == 0 ? source : null;
    }

    private static long pack(int start, int end, int type) {
        if (start < 0 || end < start || end > COLUMN_MASK || type < 0 || type > TYPE_MASK) {
            // columns beyond 64 M characters in one line, or a grammar with over a thousand token types
            throw new IllegalArgumentException("word out of range: " + start + "-" + end + " type " + type);
        }
        return start | (long) end << END_SHIFT | (long) type << TYPE_SHIFT;
    }

    public String text() {
        if ((bits & SECRET) != 0) return MASK;
        if ((bits & OWN_TEXT) != 0) return source;
        String raw = source.substring(start(), end());
        return type() == YamahaLexer.WORD ? LineParser.unescape(raw) : raw;
    }

    /** {@code Integer.parseInt(text())}, without making the text when the word is a plain span of its line. */
    public int intValue() {
        if ((bits & (SECRET | OWN_TEXT)) == 0 && type() != YamahaLexer.WORD) return Integer.parseInt(source, start(), end(), 10);
        return Integer.parseInt(text());
    }

    public int start() {
        return (int) (bits & COLUMN_MASK);
    }

    public int end() {
        return (int) (bits >>> END_SHIFT & COLUMN_MASK);
    }

    public int type() {
        return (int) (bits >>> TYPE_SHIFT & TYPE_MASK);
    }

    public boolean secret() {
        return (bits & SECRET) != 0;
    }

    /** The same span with its value replaced by the mask. */
    public Word masked() {
        return new Word(MASK, start(), end(), type(), true);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Word w && w.start() == start() && w.end() == end() && w.type() == type()
                && w.secret() == secret() && w.text().equals(text());
    }

    @Override
    public int hashCode() {
        return Objects.hash(text(), start(), end(), type());
    }

    @Override
    public String toString() {
        return text();
    }
}
