package dev.routerls.yamaha.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One config line after parsing, position independent (columns only) so it can be cached by its text
 * and reused wherever the same text appears. Words are kept packed (start, end, type per word) over the
 * line text and only become {@link Word} objects when asked for, so thousands of cached lines stay small.
 * {@code command} is null for blank, comment-only and malformed lines; {@code error} is set for the last.
 */
public final class ParsedLine {
    /** Flag on a word's type entry; token types are small numbers, far below it. */
    private static final int SECRET = 1 << 15;

    private final String text;
    /** start, end, type|SECRET per word: in a char[] (half the size) when every column fits in 16 bits. */
    private final char[] packed;
    private final int[] packedWide;
    /** Where the comment starts (+1, 0 for none) shifted left, and whether the line is a {@code no} form in bit 0: one field, as every line of every open document keeps one. */
    private final int commentAndNegated;
    private final Command command;
    private final LineError error;
    private final ExplicitShape shape;

    ParsedLine(String text, List<Word> words, Word comment, boolean negated, Command command, LineError error,
               ExplicitShape shape) {
        this.text = text;
        boolean wide = text.length() > Character.MAX_VALUE;
        this.packed = wide ? null : new char[words.size() * 3];
        this.packedWide = wide ? new int[words.size() * 3] : null;
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            int flags = w.type() | (w.secret() ? SECRET : 0);
            if (wide) {
                packedWide[3 * i] = w.start();
                packedWide[3 * i + 1] = w.end();
                packedWide[3 * i + 2] = flags;
            } else {
                packed[3 * i] = (char) w.start();
                packed[3 * i + 1] = (char) w.end();
                packed[3 * i + 2] = (char) flags;
            }
        }
        this.commentAndNegated = (comment == null ? 0 : comment.start() + 1) << 1 | (negated ? 1 : 0);
        this.command = command;
        this.error = error;
        this.shape = shape;
    }

    public String text() {
        return text;
    }

    public boolean negated() {
        return (commentAndNegated & 1) != 0;
    }

    public Command command() {
        return command;
    }

    public LineError error() {
        return error;
    }

    /**
     * How the line fails the explicit command rule it starts like (it was read by the generic rule), or
     * null. Whether that is a fault depends on the command catalog: a longer reference command wins.
     */
    public ExplicitShape shape() {
        return shape;
    }

    public int wordCount() {
        return (packed != null ? packed.length : packedWide.length) / 3;
    }

    private int at(int i) {
        return packed != null ? packed[i] : packedWide[i];
    }

    /** The token type ({@code YamahaLexer} constant) of word {@code i}, without making the word. */
    public int type(int i) {
        return at(3 * i + 2) & (SECRET - 1);
    }

    /** Whether word {@code i} is a secret value, without making the word. */
    public boolean secret(int i) {
        return (at(3 * i + 2) & SECRET) != 0;
    }

    /** Word {@code i} of the command (comment excluded); secret values come back masked. */
    public Word word(int i) {
        int start = wordStart(i), end = wordEnd(i);
        if ((at(3 * i + 2) & SECRET) != 0) return new Word(Word.MASK, start, end, type(i), true);
        return Word.inLine(text, start, end, type(i));
    }

    /** Where word {@code i} starts, without making the word. */
    public int wordStart(int i) {
        return at(3 * i);
    }

    /** Where word {@code i} ends (exclusive), without making the word. */
    public int wordEnd(int i) {
        return at(3 * i + 1);
    }

    public List<Word> words() {
        if (wordCount() == 0) return Collections.emptyList();
        List<Word> out = new ArrayList<>(wordCount());
        for (int i = 0; i < wordCount(); i++) out.add(word(i));
        return out;
    }

    /** Words {@code from} (inclusive) to {@code to} (exclusive), made now; unmodifiable (models keep them). */
    public List<Word> words(int from, int to) {
        if (from < 0 || to > wordCount() || from > to) throw new IndexOutOfBoundsException(from + ".." + to + " of " + wordCount());
        List<Word> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) out.add(word(i));
        return Collections.unmodifiableList(out);
    }

    /** The index of the word that starts at {@code column}, or -1. */
    public int wordStartingAt(int column) {
        for (int i = 0; i < wordCount(); i++) if (wordStart(i) == column) return i;
        return -1;
    }

    /** The first template placeholder word ({@code {{ name }}}, {@code <Shared-IPv4>}), or null. */
    public Word firstPlaceholder() {
        for (int i = 0; i < wordCount(); i++) {
            if (type(i) == dev.routerls.grammar.YamahaLexer.PLACEHOLDER) return word(i);
        }
        return null;
    }

    /** Column where the comment starts, or -1. */
    public int commentStart() {
        return (commentAndNegated >>> 1) - 1;
    }

    /** The comment's text after '#', or null. */
    public String commentBody() {
        return commentStart() < 0 ? null : text.substring(commentStart() + 1);
    }

    public boolean isBlankOrComment() {
        return wordCount() == 0 && error == null;
    }

    /** The first word after an optional {@code no}, lower-cased, or "" when there is none. */
    public String head() {
        int i = negated() ? 1 : 0;
        return wordCount() > i ? word(i).text().toLowerCase(Locale.ROOT) : "";
    }
}
