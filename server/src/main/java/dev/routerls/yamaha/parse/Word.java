package dev.routerls.yamaha.parse;

/**
 * One word of a parsed line: its text with quotes and escapes resolved, its column span in the line
 * (UTF-16 units, end exclusive) and its token type ({@code YamahaLexer} constants).
 * A secret word (password, pre-shared key) never keeps its value: {@code text} is a mask.
 */
public record Word(String text, int start, int end, int type, boolean secret) {
    public static final String MASK = "********";

    public Word masked() {
        return new Word(MASK, start, end, type, true);
    }

    @Override
    public String toString() {
        return text;
    }
}
