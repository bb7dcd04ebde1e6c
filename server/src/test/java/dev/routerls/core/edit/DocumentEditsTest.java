package dev.routerls.core.edit;

import dev.routerls.core.SourceRange;
import dev.routerls.core.TextEdit;
import org.junit.jupiter.api.Test;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DocumentEditsTest {
    private static final String U = "file:///x";

    private static TextEdit edit(int l1, int c1, int l2, int c2, String text) {
        return new TextEdit(U, new SourceRange(l1, c1, l2, c2), text);
    }

    @Test
    void editsApplyInAnyOrderGivenAndInsertedLinesTakeTheFileTerminator() {
        String text = "a 1\r\nb 2\r\nc 3\r\n";
        String out = DocumentEdits.apply(text, List.of(
                edit(2, 2, 2, 3, "30"),
                edit(1, 0, 1, 0, "new line\n"),
                edit(0, 2, 0, 3, "10")));
        assertEquals("a 10\r\nnew line\r\nb 2\r\nc 30\r\n", out);
    }

    @Test
    void overlappingEditsAndTwoInsertionsAtOnePlaceConflict() {
        String text = "abcdef\n";
        assertThrows(EditConflictException.class, () -> DocumentEdits.apply(text,
                List.of(edit(0, 0, 0, 3, "x"), edit(0, 2, 0, 4, "y"))));
        assertThrows(EditConflictException.class, () -> DocumentEdits.apply(text,
                List.of(edit(0, 1, 0, 1, "x"), edit(0, 1, 0, 1, "y"))));
        assertThrows(EditConflictException.class, () -> DocumentEdits.apply(text,
                List.of(edit(0, 1, 0, 3, "x"), edit(0, 1, 0, 1, "y"))));
        // touching is fine: a replacement, then an insertion where it ends
        assertEquals("xyzdef\n", DocumentEdits.apply(text, List.of(edit(0, 0, 0, 3, "xy"), edit(0, 3, 0, 3, "z"))));
        assertFalse(DocumentEdits.compatible(text, List.of(edit(0, 0, 0, 2, "q")), List.of(edit(0, 1, 0, 2, "r"))));
        assertTrue(DocumentEdits.compatible(text, List.of(edit(0, 0, 0, 2, "q")), List.of(edit(0, 2, 0, 3, "r"))));
    }

    @Test
    void aLineAddedAfterAnUnterminatedLastLineStartsOnItsOwnLine() {
        assertEquals("a\r\nb\r\nnew\r\n", DocumentEdits.apply("a\r\nb", List.of(edit(2, 0, 2, 0, "new\n"))));
        assertEquals("a\nb\nnew\n", DocumentEdits.apply("a\nb\n", List.of(edit(2, 0, 2, 0, "new\n"))));
    }

    @Test
    void editsForAnEditorAreExact() {
        // an editor applies edits verbatim: the terminator is converted and the end-of-file position made real
        List<TextEdit> exact = DocumentEdits.exact("a\r\nb", List.of(edit(2, 0, 2, 0, "new\n")));
        assertEquals(List.of(edit(1, 1, 1, 1, "\r\nnew\r\n")), exact);
    }

    @Test
    void lineEndingIsTheMostFrequentOne() {
        assertEquals(LineEnding.CRLF, LineEnding.of("a\r\nb\r\nc\n"));
        assertEquals(LineEnding.LF, LineEnding.of("no terminator"));
        assertEquals("x\r\ny\r\n", LineEnding.CRLF.convert("x\ny\r\n"));
    }

    @Test
    void shiftJisBytesOutsideTheEditStayByteForByte() throws CharacterCodingException {
        // 0xED 0x40 and 0xFA 0x5C both decode to U+7E8A; re-encoding the whole text would turn the first into the second
        byte[] head = "# 設定 ".getBytes(TextDecoder());
        byte[] nec = {(byte) 0xED, 0x40};
        byte[] tail = "\r\nnat descriptor type 1 nat\r\n".getBytes(TextDecoder());
        byte[] file = concat(head, nec, tail);
        EncodedText t = EncodedText.of(file);
        assertEquals("windows-31j", t.charset().name());
        List<OffsetEdit> edits = DocumentEdits.resolve(t.text(), List.of(edit(2, 0, 2, 0, "nat descriptor backward-compatibility 1\n")));
        EncodedText fixed = t.apply(edits);
        byte[] added = "nat descriptor backward-compatibility 1\r\n".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(concat(file, added), fixed.bytes());
    }

    @Test
    void utf8WithByteOrderMarkKeepsIt() throws CharacterCodingException {
        byte[] file = concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "option a 'é𝄞'\nend\n".getBytes(StandardCharsets.UTF_8));
        EncodedText t = EncodedText.of(file);
        EncodedText fixed = t.apply(DocumentEdits.resolve(t.text(), List.of(edit(1, 0, 1, 3, "END"))));
        byte[] want = concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "option a 'é𝄞'\nEND\n".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(want, fixed.bytes());
    }

    @Test
    void textTheCharsetCannotHoldIsRefused() {
        EncodedText t = EncodedText.of("# 日本語\n".getBytes(TextDecoder()));
        assertThrows(CharacterCodingException.class, () -> t.apply(DocumentEdits.resolve(t.text(),
                List.of(edit(1, 0, 1, 0, "😀\n")))));
    }

    @Test
    void diffHunksCoverOnlyChangedLines() {
        List<LineDiff.Hunk> h = LineDiff.hunks(List.of("a", "b", "c", "d"), List.of("a", "x", "c", "d", "e"));
        assertEquals(List.of(new LineDiff.Hunk(1, 1, 1, 1), new LineDiff.Hunk(4, 0, 4, 1)), h);
    }

    private static java.nio.charset.Charset TextDecoder() {
        return dev.routerls.core.TextDecoder.SHIFT_JIS;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
