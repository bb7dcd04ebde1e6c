package dev.routerls.openwrt.uci;

import dev.routerls.core.SourceRange;
import dev.routerls.core.TextDecoder;
import dev.routerls.core.TextEncoding;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ways libuci reads a file differently from how it looks (issue 9's root causes), each on a minimal
 * file. What libuci does was checked against its verdicts in reference/libuci-cases.
 */
class LibuciQuirksTest {

    private static UciFile read(String text) {
        return UciReader.read("file:///etc/config/x", text);
    }

    private static UciFile readBytes(byte[] bytes) {
        return UciReader.read("file:///etc/config/x", "x", UciSource.fromBytes(bytes));
    }

    /** `uci show x` of the file, one string per line. */
    private static List<String> show(UciFile f) {
        assertTrue(f.acceptedByLibuci(), () -> "rejected: " + f.problems());
        return UciShow.lines(f);
    }

    private static UciProblem onlyError(UciFile f) {
        List<UciProblem> errors = f.problems().stream().filter(UciProblem::rejectsFile).toList();
        assertEquals(1, errors.size(), () -> "errors: " + f.problems());
        return errors.get(0);
    }

    private static void assertError(UciFile f, String libuciWords, SourceRange at) {
        UciProblem p = onlyError(f);
        assertTrue(p.message().startsWith(libuciWords), p.message());
        assertEquals(at, p.range(), p.message());
    }

    // 1. ';' is an empty argument, not a command separator
    @Test
    void semicolonIsAnEmptyArgument() {
        // the name is empty, so "option" is one argument too many
        assertError(read("config t ; option a b\n"), "too many arguments", SourceRange.of(0, 11, 17));
        // name empty, extra argument empty: the command ends and the rest of the line is the next one
        assertEquals(List.of("x.@t[0]=t", "x.@t[0].a='b'"), show(read("config t ; ; option a b\n")));
        // after a quoted value the ';' is the extra argument, and the line end is read as a command
        assertError(read("config t\n\toption a 'b';\n"), "invalid command", SourceRange.of(1, 14, 14));
        assertError(read("config t\n\toption a b ;\n"), "invalid command", SourceRange.of(1, 13, 13));
        assertEquals(List.of("x.@t[0]=t", "x.@t[0].a='b'"), show(read("config t\n\toption a 'b';")));
    }

    // 2. a UTF-8 byte-order mark is three more bytes of the first word
    @Test
    void byteOrderMarkIsPartOfTheFirstWord() {
        byte[] file = bytes("\uFEFFconfig t\n\toption a b\n");
        UciProblem p = onlyError(readBytes(file));
        assertTrue(p.message().startsWith("invalid command: the file starts with a UTF-8 byte-order mark"), p.message());
        // the editor's text has no BOM: the word "config" is at column 0
        assertEquals(SourceRange.of(0, 0, 6), p.range());
        TextDecoder.Decoded d = TextDecoder.decodeDetailed(file);
        assertEquals(p, onlyError(UciReader.read("file:///etc/config/x", d.text(), d.encoding())));
        // the options after it do not cascade into "option before the first section"
        assertEquals(1, readBytes(file).problems().size());
    }

    // 3. an option with an empty or missing value neither creates nor clears anything
    @Test
    void emptyValuesChangeNothing() {
        assertEquals(List.of("x.s=t", "x.s.a='static'", "x.s.l='' 'b'"),
                show(read("config t 's'\n\toption a 'static'\n\toption a ''\n\toption b\n\toption c \"\"\n"
                        + "\tlist l ''\n\tlist l b\n")));
        UciSection s = read("config t 's'\n\toption a 'static'\n\toption a ''\n").sections().get(0);
        assertEquals("static", s.get("a").orElseThrow());
    }

    // 4. a NUL byte hides the rest of its line, line break included
    @Test
    void nulHidesTheRestOfTheLine() {
        UciFile f = readBytes(bytes("config t 's'\n\toption a b #\0 hidden\n\toption c d\n\toption e f\n"));
        // "option c d" was joined to the comment before the NUL, so libuci never reads it
        assertEquals(List.of("x.s=t", "x.s.a='b'", "x.s.e='f'"), show(f));
        UciProblem w = f.problems().get(0);
        assertFalse(w.rejectsFile());
        assertTrue(w.message().startsWith("libuci stops reading this line at the NUL byte"), w.message());
        assertEquals(SourceRange.of(1, 13, 21), w.range());
        assertError(readBytes(bytes("config t 's'\n\toption a 'b'\0\n\toption c d\n")), "too many arguments",
                SourceRange.of(2, 1, 7));
        // read twice (to the end for an open quote, then again from the next line), still one warning
        UciFile twice = readBytes(bytes("config t 's'\n\toption a 'open\n\toption b c\0 x\n"));
        assertEquals(2, twice.problems().size(), twice.problems()::toString);
    }

    // 5. an empty '' argument or a trailing backslash ends the command; the line goes on with the next one
    @Test
    void emptyArgumentOrContinuationEndsTheCommand() {
        assertEquals(List.of("x.@t[0]=t", "x.@t[0].a='b'", "x.@t[0].c='d'"),
                show(read("config t\n\toption a b '' option c d\n")));
        assertEquals(List.of("x.@t[0]=t", "x.@t[0].a='b'", "x.@t[0].c='d'"),
                show(read("config t\n\toption a b \\\n\toption c d\n")));
        // '' then a blank before the line end: the line end alone is the next command
        assertError(read("config t\n\toption a b '' \n"), "invalid command", SourceRange.of(1, 15, 15));
    }

    // 6. libuci reads bytes: the second byte of a Shift_JIS character can be a backslash
    @Test
    void shiftJisSecondByteEscapesTheQuote() {
        // 表 is 0x95 0x5C in Shift_JIS: in double quotes the 0x5C escapes the closing quote
        byte[] file = sjis("config t\n\toption a \"表\"\n\toption b c\n");
        UciFile f = readBytes(file);
        UciProblem p = onlyError(f);
        assertTrue(p.message().startsWith("EOF with unterminated \""), p.message());
        // positions are in the decoded text the editor shows: the quote at column 10 of line 2
        assertEquals(SourceRange.of(1, 10, 11), p.range());
        // single quotes take no escapes: the same character reads as itself
        UciFile ok = readBytes(sjis("config t 's'\n\toption a '表' ; option b 'ソ表'\n"));
        assertEquals("表", ok.sections().get(0).get("a").orElseThrow());
        assertEquals("ソ表", ok.sections().get(0).get("b").orElseThrow());
        assertEquals(SourceRange.of(1, 25, 29), ok.sections().get(0).value("b").orElseThrow().range());
        // the text path, as lint passes a Shift_JIS file on, reads the same bytes
        TextDecoder.Decoded d = TextDecoder.decodeDetailed(file);
        assertEquals(TextDecoder.SHIFT_JIS, d.charset());
        assertEquals(p, onlyError(UciReader.read("file:///etc/config/x", d.text(), d.encoding())));
        // read as UTF-8 text, the same characters have no 0x5C byte
        assertTrue(UciReader.read("file:///etc/config/x", d.text(), TextEncoding.UTF_8).acceptedByLibuci());
    }

    // 7. an unterminated quote does not hide an earlier error of the same command
    @Test
    void earlierErrorBeforeAnUnclosedQuoteIsTheOneReported() {
        assertError(read("config t\n\toption bad-name 'open\n\toption c d\n"), "invalid character in name field",
                SourceRange.of(1, 8, 16));
        assertError(read("config 'a b' 'open\n\toption c d\n"), "invalid character in type field",
                SourceRange.of(0, 7, 12));
    }

    // 8. nothing after an unquoted `value;` is read
    @Test
    void nothingAfterAGluedSemicolonIsRead() {
        UciFile f = read("config t 's'\n\toption a b;option c d 'x' bad-name\n\toption e f\n");
        assertEquals(List.of("x.s=t", "x.s.a='b'", "x.s.e='f'"), show(f));
        assertEquals(1, f.problems().size());
        assertTrue(f.problems().get(0).message().startsWith("libuci ignores the rest of this line"));
        // a quoted value keeps its ';': then the rest of the line is read as the next command
        assertEquals(List.of("x.s=t", "x.s.a='b'", "x.s.c='d'"), show(read("config t 's'\n\toption a 'b'; option c d\n")));
    }

    @Test
    void unterminatedQuoteNamesBothPlaces() {
        UciProblem p = onlyError(read("config t\n\toption a 'open\n\toption b c\n"));
        assertEquals(SourceRange.of(1, 10, 11), p.range());
        assertTrue(p.message().contains("(line 2)") && p.message().contains("(line 4)"), p.message());
    }

    @Test
    void anonymousSectionNameThatLibuciGenerates() {
        // libuci names the first anonymous 't' section cfg01 + a hash of its type; naming it again merges
        String generated = UciReader.generatedName("t", 1);
        UciFile f = read("config t\n\toption a 1\nconfig t '" + generated + "'\n\toption b 2\n");
        assertEquals(List.of("x.@t[0]=t", "x.@t[0].a='1'", "x.@t[0].b='2'"), show(f));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sjis(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(s.getBytes(TextDecoder.SHIFT_JIS));
        return out.toByteArray();
    }
}
