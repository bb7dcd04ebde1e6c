package dev.routerls.openwrt.uci;

import dev.routerls.core.LineIndex;
import dev.routerls.core.SourceRange;

import java.util.Arrays;

/**
 * Turns offsets into the editor's line/column positions. ANTLR counts code points while LSP columns
 * count UTF-16 units, so code-point indexes are translated first (only needed when the text holds
 * characters outside the BMP). Lines end at LF, CRLF or a lone CR, as {@link LineIndex} counts them.
 */
final class SourcePositions {
    private final String text;
    private final int[] lineStarts;
    private final int[] utf16OfCodePoint;   // null when every code point is one UTF-16 unit

    SourcePositions(String text) {
        this.text = text;
        LineIndex index = new LineIndex(text);
        lineStarts = new int[index.lineCount()];
        for (int i = 0; i < lineStarts.length; i++) lineStarts[i] = index.lineStartOffset(i);
        if (text.codePointCount(0, text.length()) == text.length()) {
            utf16OfCodePoint = null;
        } else {
            int cps = text.codePointCount(0, text.length());
            utf16OfCodePoint = new int[cps + 1];
            int off = 0;
            for (int cp = 0; cp < cps; cp++) {
                utf16OfCodePoint[cp] = off;
                off += Character.charCount(text.codePointAt(off));
            }
            utf16OfCodePoint[cps] = off;
        }
    }

    String text() {
        return text;
    }

    /** The UTF-16 offset of a code-point index. */
    int offsetOfCodePoint(int cp) {
        if (utf16OfCodePoint == null) return cp;
        return utf16OfCodePoint[Math.max(0, Math.min(cp, utf16OfCodePoint.length - 1))];
    }

    int line(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        if (i >= 0) {
            // a CRLF counts as one break; an offset between CR and LF still belongs to the earlier line
            return i;
        }
        return -i - 2;
    }

    /** The range of UTF-16 offsets [start, end). */
    SourceRange range(int start, int end) {
        int sl = line(start);
        int el = line(end);
        return new SourceRange(sl, start - lineStarts[sl], el, end - lineStarts[el]);
    }

    /** Start of the line after the one holding {@code offset}, or the text length. */
    int nextLineStart(int offset) {
        int l = line(offset);
        return l + 1 < lineStarts.length ? lineStarts[l + 1] : text.length();
    }
}
