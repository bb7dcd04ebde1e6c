package dev.routerls.openwrt.uci;

/**
 * libuci's reading of one argument token: {@code '...'} is taken as is, {@code "..."} and bare text
 * drop a backslash and keep the character after it, backslash-newline joins two lines, and adjacent
 * pieces run together into one value.
 */
public final class UciText {
    private UciText() {
    }

    public static String unquote(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        int n = raw.length();
        int i = 0;
        while (i < n) {
            char c = raw.charAt(i);
            if (c == '\'') {
                int end = raw.indexOf('\'', i + 1);
                if (end < 0) end = n;
                out.append(raw, i + 1, end);
                i = end + 1;
            } else if (c == '"') {
                i++;
                while (i < n && raw.charAt(i) != '"') {
                    i = raw.charAt(i) == '\\' ? escape(raw, i, out) : append(raw, i, out);
                }
                i++;
            } else if (c == '\\') {
                i = escape(raw, i, out);
            } else {
                i = append(raw, i, out);
            }
        }
        return out.toString();
    }

    /**
     * Index in {@code raw} of a quote that is never closed, or -1. The lexer only makes such tokens at
     * the end of a file: libuci reads on to the end looking for the closing quote.
     */
    public static int openQuoteIndex(String raw) {
        int n = raw.length();
        int i = 0;
        while (i < n) {
            char c = raw.charAt(i);
            if (c == '\'') {
                int end = raw.indexOf('\'', i + 1);
                if (end < 0) return i;
                i = end + 1;
            } else if (c == '"') {
                int j = i + 1;
                while (j < n && raw.charAt(j) != '"') j += raw.charAt(j) == '\\' ? 2 : 1;
                if (j >= n) return i;
                i = j + 1;
            } else {
                i += c == '\\' ? 2 : 1;
            }
        }
        return -1;
    }

    /** True when the token has no quotes or escapes, so libuci reads it in place. */
    public static boolean isPlain(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\'' || c == '"' || c == '\\') return false;
        }
        return true;
    }

    private static int append(String raw, int i, StringBuilder out) {
        out.append(raw.charAt(i));
        return i + 1;
    }

    /** Handles the backslash at {@code i}; returns the index after what it consumed. */
    private static int escape(String raw, int i, StringBuilder out) {
        int n = raw.length();
        if (i + 1 >= n) return n;                       // trailing backslash: dropped
        char next = raw.charAt(i + 1);
        if (next == '\n') return i + 2;                 // line continuation
        if (next == '\r' && i + 2 < n && raw.charAt(i + 2) == '\n') return i + 3;
        out.append(next);
        return i + 2;
    }
}
