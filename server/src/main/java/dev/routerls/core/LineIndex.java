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
        int n = text.length();
        boolean lfOnly = text.indexOf('\r') < 0; // the usual case, where indexOf finds the breaks fast
        int[] s = new int[Math.max(16, n / 32)], e = new int[s.length];
        int count = 0, start = 0;
        while (true) {
            if (count == s.length) {
                s = Arrays.copyOf(s, count * 2);
                e = Arrays.copyOf(e, count * 2);
            }
            int end = lfOnly ? text.indexOf('\n', start) : nextBreak(text, start);
            s[count] = start;
            e[count++] = end < 0 ? n : end;
            if (end < 0) break;
            start = end + (text.startsWith("\r\n", end) ? 2 : 1);
        }
        starts = Arrays.copyOf(s, count);
        ends = Arrays.copyOf(e, count);
    }

    private static int nextBreak(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') return i;
        }
        return -1;
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

    /** Offset in the text where line {@code i} ends (before its terminator). */
    public int lineEndOffset(int i) {
        return ends[i];
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

    /**
     * The editor range of the text offsets [{@code from}, {@code to}): lines as {@link #lineOf}, columns as
     * {@link #columnOf} (an offset inside a line break counts as the end of its line).
     */
    public SourceRange range(int from, int to) {
        return new SourceRange(lineOf(from), columnOf(from), lineOf(to), columnOf(to));
    }

    /** The text the range covers (positions clamped into the document as {@link #offset} clamps them). */
    /**
     * Lines {@code first} to {@code last} with their line breaks: up to the start of the next line, or to the
     * end of the last line when the text ends without a break (there is no next line to reach).
     */
    public SourceRange wholeLines(int first, int last) {
        return last + 1 < lineCount() ? new SourceRange(first, 0, last + 1, 0)
                : new SourceRange(first, 0, last, line(last).length());
    }

    public String text(SourceRange r) {
        return text.substring(offset(r.startLine(), r.startColumn()), offset(r.endLine(), r.endColumn()));
    }

    public String text() {
        return text;
    }
}
