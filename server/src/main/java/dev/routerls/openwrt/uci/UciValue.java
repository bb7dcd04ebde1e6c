package dev.routerls.openwrt.uci;

import dev.routerls.core.SourceRange;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One argument as libuci reads it: {@code text} is the value after quotes and escapes are removed,
 * {@code raw} the characters as written (quotes included), {@code range} where they are, and
 * {@code bytes} exactly the bytes libuci holds ({@code text} is them decoded in the file's charset, so it
 * can differ when they are not valid there). A missing argument is an empty value with an empty range
 * at the place it would go.
 */
public record UciValue(String text, String raw, SourceRange range, byte[] bytes) {

    public UciValue {
        bytes = bytes.clone();
    }

    /** A value whose bytes are its text in UTF-8. */
    public UciValue(String text, String raw, SourceRange range) {
        this(text, raw, range, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UciValue v && text.equals(v.text) && raw.equals(v.raw) && range.equals(v.range)
                && Arrays.equals(bytes, v.bytes);
    }

    @Override
    public int hashCode() {
        return (text.hashCode() * 31 + raw.hashCode()) * 31 + range.hashCode();
    }

    @Override
    public String toString() {
        return "UciValue[" + text + " at " + range + "]";
    }

    /** The words OpenWrt's boolean readers (config_get_bool, the bool datatype) take as true, and as false. */
    private static final Set<String> TRUE = Set.of("1", "on", "true", "yes", "enabled");
    private static final Set<String> FALSE = Set.of("0", "off", "false", "no", "disabled");

    /** True when {@code text} is one of the boolean spellings, either way. */
    public static boolean isBoolean(String text) {
        return TRUE.contains(text) || FALSE.contains(text);
    }

    /** True when the value is a boolean spelling of true ({@code 1}, {@code on}, {@code true}, {@code yes}, {@code enabled}). */
    public boolean isTrue() {
        return TRUE.contains(text);
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    /** True when the argument is absent from the source (not merely {@code ''}). */
    public boolean isMissing() {
        return raw.isEmpty();
    }

    /**
     * The space-separated words of the value, as consumers that read an option as a list split it
     * (e.g. {@code option network 'lan wan'}). Each word keeps its own range when the value sits on
     * one line without escapes; otherwise each word gets the whole value's range.
     */
    public List<UciValue> words() {
        List<UciValue> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) i++;
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) i++;
            if (i == start) break;
            String w = text.substring(start, i);
            out.add(new UciValue(w, w, subRange(start, i)));
        }
        return out;
    }

    /** Where the value's text is, without its quotes (the whole token when it is not simply quoted). */
    public SourceRange contentRange() {
        return subRange(0, text.length());
    }

    /**
     * True when each character of the text sits at a known column: the token is the text, possibly in one
     * pair of quotes, on one line and without escapes. Otherwise parts of the value get the whole range.
     */
    public boolean hasExactColumns() {
        // a word taken out of a value that had no exact columns carries that value's whole range
        boolean rangeIsRaw = range.startLine() == range.endLine() && range.endColumn() - range.startColumn() == raw.length();
        return rangeIsRaw && !raw.contains("\n") && !raw.contains("\r") && !raw.contains("\\") && (raw.equals(text)
                || raw.length() == text.length() + 2 && raw.substring(1, raw.length() - 1).equals(text));
    }

    /** The range of text[start, end), exact when the token is the text, possibly in one pair of quotes. */
    private SourceRange subRange(int start, int end) {
        if (!hasExactColumns()) return range;
        int shift = raw.equals(text) ? 0 : 1;
        return SourceRange.of(range.startLine(), range.startColumn() + shift + start, range.startColumn() + shift + end);
    }
}
