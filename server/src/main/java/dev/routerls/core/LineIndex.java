package dev.routerls.core;

import java.util.Arrays;

/**
 * Splits text into lines the way editors count them: LF, CRLF and lone CR all end a line.
 * Line text excludes the terminator.
 */
public final class LineIndex {
    private final String text;
    private final int[] starts;
    private final int[] ends;

    public LineIndex(String text) {
        this.text = text;
        // two growing arrays, not an object per line: every analysis and every report indexes whole files
        int n = text.length();
        int[] st = new int[Math.max(16, n / 32)];
        int[] en = new int[st.length];
        int count = 0;
        int start = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (count == st.length) {
                    st = Arrays.copyOf(st, count * 2);
                    en = Arrays.copyOf(en, count * 2);
                }
                st[count] = start;
                en[count++] = i;
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
                start = i + 1;
            }
        }
        starts = Arrays.copyOf(st, count + 1);
        ends = Arrays.copyOf(en, count + 1);
        starts[count] = start;
        ends[count] = n;
    }

    public int lineCount() {
        return starts.length;
    }

    public String line(int i) {
        return text.substring(starts[i], ends[i]);
    }

    public int lineStartOffset(int i) {
        return starts[i];
    }

    /** Offset in the text of a 0-based line/column, clamped into the document. */
    public int offset(int line, int column) {
        if (line < 0) return 0;
        if (line >= starts.length) return text.length();
        return Math.min(starts[line] + Math.max(0, column), ends[line]);
    }

    public String text() {
        return text;
    }
}
