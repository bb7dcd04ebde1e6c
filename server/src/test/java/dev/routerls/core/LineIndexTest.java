package dev.routerls.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Lines as editors count them: LF, CRLF and a lone CR each end one; the text after the last break is a line too. */
class LineIndexTest {
    @Test
    void everyKindOfLineBreakEndsOneLine() {
        LineIndex x = new LineIndex("a\nbb\r\nccc\rd");
        assertEquals(4, x.lineCount());
        assertEquals("a", x.line(0));
        assertEquals("bb", x.line(1));
        assertEquals("ccc", x.line(2));
        assertEquals("d", x.line(3));
        assertEquals(4, x.lineStartOffset(2) - x.lineStartOffset(1), "bb and its CRLF");
        assertEquals(x.lineStartOffset(2) + 3, x.offset(2, 99), "a column past the end is clamped to the line's end");
    }

    @Test
    void emptyTextAndTrailingBreakEndInAnEmptyLine() {
        assertEquals(1, new LineIndex("").lineCount());
        LineIndex x = new LineIndex("a\n\n");
        assertEquals(3, x.lineCount());
        assertEquals("", x.line(2));
        assertEquals(3, x.offset(5, 0), "past the last line: the end of the text");
    }

    @Test
    void manyShortLinesAreAllIndexed() {
        LineIndex x = new LineIndex("x\n".repeat(5000));
        assertEquals(5001, x.lineCount());
        assertEquals("x", x.line(4999));
        assertEquals(9998, x.lineStartOffset(4999));
    }

    /** Whole lines reach the next line's start, or the end of the text when the last line has no break (found by fuzzing a fix). */
    @Test
    void wholeLinesStayInsideTheText() {
        LineIndex withBreak = new LineIndex("a\nbb\n");
        assertEquals(new SourceRange(0, 0, 2, 0), withBreak.wholeLines(0, 1));
        LineIndex withoutBreak = new LineIndex("a\nbb");
        assertEquals(new SourceRange(0, 0, 1, 2), withoutBreak.wholeLines(0, 1));
        assertEquals(new SourceRange(0, 0, 1, 0), withoutBreak.wholeLines(0, 0));
    }
}
