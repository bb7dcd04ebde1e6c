package dev.routerls.openwrt.shell;

import dev.routerls.core.LineIndex;
import dev.routerls.core.SourceRange;
import dev.routerls.core.Utf16Columns;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * A piece of script text that remembers where each of its characters sits in the document. Nested
 * text (the inside of {@code $(...)}, an unescaped backquote body, a here-document with tabs
 * stripped) is parsed on its own, and this map turns its token positions back into document ranges.
 * Positions are code-point indexes, as ANTLR counts them.
 */
final class MappedText {
    private final int[] codePoints;
    /** offsets[i] = UTF-16 offset in the document of code point i; one extra entry for the end. */
    private final int[] offsets;
    /** The document's lines, shared by every piece of it. */
    private final LineIndex lines;

    private MappedText(int[] codePoints, int[] offsets, LineIndex lines) {
        this.codePoints = codePoints;
        this.offsets = offsets;
        this.lines = lines;
    }

    static MappedText ofDocument(String document) {
        int[] cps = document.codePoints().toArray();
        Utf16Columns columns = Utf16Columns.of(document);
        int[] offsets = new int[cps.length + 1];
        for (int i = 0; i <= cps.length; i++) offsets[i] = columns.utf16(i);
        return new MappedText(cps, offsets, new LineIndex(document));
    }

    String text() {
        return new String(codePoints, 0, codePoints.length);
    }

    int length() {
        return codePoints.length;
    }

    int codePointAt(int i) {
        return codePoints[i];
    }

    /** The part from {@code start} (inclusive) to {@code end} (exclusive). */
    MappedText slice(int start, int end) {
        start = Math.max(0, Math.min(start, codePoints.length));
        end = Math.max(start, Math.min(end, codePoints.length));
        return new MappedText(Arrays.copyOfRange(codePoints, start, end), Arrays.copyOfRange(offsets, start, end + 1), lines);
    }

    /** The characters whose index passes {@code keep}, each still mapped to its own place. */
    MappedText select(IntPredicate keep) {
        int[] cps = new int[codePoints.length];
        int[] offs = new int[codePoints.length + 1];
        int n = 0;
        for (int i = 0; i < codePoints.length; i++) {
            if (keep.test(i)) {
                cps[n] = codePoints[i];
                offs[n] = offsets[i];
                n++;
            }
        }
        offs[n] = offsets[codePoints.length];
        return new MappedText(Arrays.copyOf(cps, n), Arrays.copyOf(offs, n + 1), lines);
    }

    /** Document range of the code points {@code start..end-1} of this text. */
    SourceRange range(int start, int end) {
        start = Math.max(0, Math.min(start, codePoints.length));
        end = Math.max(start, Math.min(end, codePoints.length));
        int from = offsets[start];
        int to = end > start ? offsets[end - 1] + Character.charCount(codePoints[end - 1]) : from;
        return lines.range(from, to);
    }

    SourceRange whole() {
        return range(0, codePoints.length);
    }
}
