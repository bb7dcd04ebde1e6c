package dev.routerls.openwrt.uci;

import dev.routerls.core.SourceRange;

import java.util.ArrayList;
import java.util.List;

/**
 * One argument as libuci reads it: {@code text} is the value after quotes and escapes are removed,
 * {@code raw} the characters as written (quotes included), {@code range} where they are. A missing
 * argument is an empty value with an empty range at the place it would go.
 */
public record UciValue(String text, String raw, SourceRange range) {

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
        boolean exact = !raw.contains("\n") && !raw.contains("\\") && (raw.equals(text)
                || raw.length() == text.length() + 2 && raw.substring(1, raw.length() - 1).equals(text));
        int shift = raw.equals(text) ? 0 : 1;
        int i = 0, n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) i++;
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) i++;
            if (i == start) break;
            String w = text.substring(start, i);
            SourceRange r = exact
                    ? SourceRange.of(range.startLine(), range.startColumn() + shift + start, range.startColumn() + shift + i)
                    : range;
            out.add(new UciValue(w, w, r));
        }
        return out;
    }
}
