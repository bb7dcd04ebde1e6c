package dev.routerls.yamaha.model;

import dev.routerls.core.SourceRange;
import dev.routerls.yamaha.parse.Word;

/**
 * Maps columns of a logical line to document positions. A logical line is usually one physical line;
 * a terminal-wrapped line re-joined with its continuation spans several, and {@code splits} are the
 * columns of the joined text where each continuation begins.
 */
public record LinePositions(int firstLine, int[] splits) {
    private static final int[] NO_SPLITS = new int[0];

    public static LinePositions single(int line) {
        return new LinePositions(line, NO_SPLITS);
    }

    public int lastLine() {
        return firstLine + splits.length;
    }

    public SourceRange range(int startColumn, int endColumn) {
        int[] s = position(startColumn, false);
        int[] e = position(endColumn, true);
        return new SourceRange(s[0], s[1], e[0], e[1]);
    }

    public SourceRange range(Word w) {
        return range(w.start(), w.end());
    }

    private int[] position(int column, boolean isEnd) {
        int line = firstLine, base = 0;
        for (int split : splits) {
            if (column > split || (!isEnd && column == split)) {
                line++;
                base = split;
            }
        }
        return new int[]{line, column - base};
    }
}
