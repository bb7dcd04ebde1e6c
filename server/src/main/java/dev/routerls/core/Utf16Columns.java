package dev.routerls.core;

/**
 * Turns code point indexes into UTF-16 offsets in one text. ANTLR counts positions in code points, editors
 * and Java strings in UTF-16 units; the two differ only after a character outside the Basic Multilingual
 * Plane (an emoji, a rare kanji), so for almost every text the map is the identity and keeps no table.
 */
public final class Utf16Columns {
    /** table[i] = UTF-16 offset of code point i, one extra entry for the end; null when every code point is one unit. */
    private final int[] table;
    private final int codePoints;
    private final String text;

    private Utf16Columns(int[] table, int codePoints, String text) {
        this.table = table;
        this.codePoints = codePoints;
        this.text = text;
    }

    public static Utf16Columns of(String text) {
        int n = text.length();
        int cps = text.codePointCount(0, n);
        if (cps == n) return new Utf16Columns(null, cps, text);
        int[] table = new int[cps + 1];
        int u = 0;
        for (int i = 0; i < cps; i++) {
            table[i] = u;
            u += Character.charCount(text.codePointAt(u));
        }
        table[cps] = u;
        return new Utf16Columns(table, cps, text);
    }

    /**
     * The UTF-16 offset of code point {@code codePoint}; 0 before the start, and past the end one unit per code
     * point beyond it (a parser may point one past the last character).
     */
    public int utf16(int codePoint) {
        if (codePoint <= 0) return 0;
        if (table == null) return codePoint;
        return codePoint <= codePoints ? table[codePoint] : table[codePoints] + codePoint - codePoints;
    }

    /** The text the columns are of. */
    public String text() {
        return text;
    }

    /** The number of code points in the text. */
    public int codePointCount() {
        return codePoints;
    }
}
