package dev.routerls.core;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Text offsets to editor ranges ({@link LineIndex#range}) and the span and containment of ranges. */
class RangesTest {

    /** {@code |} marks the two offsets in the text; {@code \n} and {@code \r} stand for the line breaks. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "one line;                 ab|cd|e;            0:2-0:4",
            "across lines (LF);        a|b\\ncd|;          0:1-1:2",
            "CRLF counts once;         ab\\r\\n|c|d;       1:0-1:1",
            "lone CR ends a line;      ab\\r|c\\rd|;       1:0-2:1",
            "inside a CRLF: line end;  ab|\\r|\\nc;        0:2-0:2",
            "empty at the end;         ab\\n||;            1:0-1:0",
    })
    void offsetsBecomeLinesAndColumns(String what, String marked, String expected) {
        String text = marked.replace("\\n", "\n").replace("\\r", "\r");
        int from = text.indexOf('|');
        int to = text.indexOf('|', from + 1) - 1;
        text = text.replace("|", "");
        SourceRange r = new LineIndex(text).range(from, to);
        assertEquals(expected, r.startLine() + ":" + r.startColumn() + "-" + r.endLine() + ":" + r.endColumn(), what);
    }

    @ParameterizedTest(name = "{0} ⊇ {1}: {2}")
    @CsvSource({
            "0 0 2 5, 0 0 2 5, true",
            "0 0 2 5, 1 3 1 9, true",
            "0 4 2 5, 0 3 1 0, false",
            "0 0 2 5, 2 0 2 6, false",
            "1 2 1 8, 1 2 1 2, true",
    })
    void containment(String outer, String inner, boolean contains) {
        assertEquals(contains, range(outer).contains(range(inner)));
    }

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource({
            "0 3 0 7, 2 1 2 9, 0 3 2 9",
            "4 0 4 2, 4 5 4 8, 4 0 4 8",
    })
    void fromTheStartOfOneToTheEndOfAnother(String first, String last, String span) {
        assertEquals(range(span), range(first).to(range(last)));
    }

    private static SourceRange range(String fourNumbers) {
        String[] n = fourNumbers.trim().split(" ");
        return new SourceRange(Integer.parseInt(n[0]), Integer.parseInt(n[1]), Integer.parseInt(n[2]), Integer.parseInt(n[3]));
    }
}
