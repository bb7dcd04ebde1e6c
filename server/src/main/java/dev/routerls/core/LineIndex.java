package dev.routerls.core;

import java.util.ArrayList;
import java.util.List;

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
        List<int[]> spans = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                spans.add(new int[]{start, i});
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
                start = i + 1;
            }
        }
        spans.add(new int[]{start, n});
        starts = new int[spans.size()];
        ends = new int[spans.size()];
        for (int i = 0; i < spans.size(); i++) {
            starts[i] = spans.get(i)[0];
            ends[i] = spans.get(i)[1];
        }
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

    /** The 0-based line holding text offset {@code offset} (a terminator belongs to the line it ends). */
    public int lineOf(int offset) {
        int lo = 0, hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= offset) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    /** The column of text offset {@code offset} on its line, clamped to the line's length. */
    public int columnOf(int offset) {
        int line = lineOf(offset);
        return Math.max(0, Math.min(offset, ends[line]) - starts[line]);
    }

    public String text() {
        return text;
    }
}
