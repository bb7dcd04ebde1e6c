package dev.routerls.openwrt.uci;

/**
 * The value of one argument token as completion sees it while the user types (whole files are read by
 * {@link UciReader}): {@code '...'} is taken as is, {@code "..."} and bare text drop a backslash and
 * keep the character after it, backslash-newline joins two lines, and adjacent pieces run together.
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
