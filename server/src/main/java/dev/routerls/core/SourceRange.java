package dev.routerls.core;

/**
 * A span of a document: 0-based lines and columns (columns count UTF-16 code units, as LSP does),
 * end exclusive. Every model element keeps one so diagnostics, navigation and edits can point back.
 */
public record SourceRange(int startLine, int startColumn, int endLine, int endColumn) {

    public static SourceRange of(int line, int startColumn, int endColumn) {
        return new SourceRange(line, startColumn, line, endColumn);
    }

    /** The whole of one line of the given length. */
    public static SourceRange line(int line, int length) {
        return new SourceRange(line, 0, line, length);
    }

    public boolean contains(int line, int column) {
        if (line < startLine || line > endLine) return false;
        if (line == startLine && column < startColumn) return false;
        return line != endLine || column <= endColumn;
    }

    /** True when {@code inner} lies within this span (its ends included). */
    public boolean contains(SourceRange inner) {
        return before(startLine, startColumn, inner.startLine, inner.startColumn)
                && before(inner.endLine, inner.endColumn, endLine, endColumn);
    }

    /** From the start of this span to the end of {@code last} (e.g. the first and last word of a command). */
    public SourceRange to(SourceRange last) {
        return new SourceRange(startLine, startColumn, last.endLine, last.endColumn);
    }

    private static boolean before(int l1, int c1, int l2, int c2) {
        return l1 < l2 || l1 == l2 && c1 <= c2;
    }

    /** The same span moved by {@code delta} lines (used when a document is re-analysed line by line). */
    public SourceRange shiftLines(int delta) {
        return delta == 0 ? this : new SourceRange(startLine + delta, startColumn, endLine + delta, endColumn);
    }

    @Override
    public String toString() {
        return (startLine + 1) + ":" + (startColumn + 1) + "-" + (endLine + 1) + ":" + (endColumn + 1);
    }
}
