package dev.routerls.openwrt.uci;

import dev.routerls.analysis.RuleRunner;
import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.Severity;
import dev.routerls.core.SourceRange;
import dev.routerls.rules.openwrt.OpenWrtRules;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UciReaderTest {

    /** The severity of the finding the UCI rules report for {@code p} (the reader leaves severities to them). */
    private static Severity severityOf(UciFile f, UciProblem p) {
        List<Diagnostic> found = RuleRunner.run(OpenWrtRules.uciRules(), UciConfigs.of(List.of(f)), f.uri(),
                AnalysisSettings.DEFAULT).stream().filter(d -> d.range().equals(p.range()) && d.message().equals(p.message())).toList();
        assertEquals(1, found.size(), found::toString);
        return found.get(0).severity();
    }

    private static UciFile read(String text) {
        return UciReader.read("file:///etc/config/network", text);
    }

    /** The value of option {@code name} of the only section, as libuci would store it. */
    private static String valueOf(String optionLines) {
        UciFile f = read("config t 's'\n" + optionLines + "\n");
        assertEquals(List.of(), f.problems(), "problems");
        return f.sections().get(0).get("v").orElseThrow();
    }

    @Test
    void readsSectionsOptionsAndLists() {
        UciFile f = read("""
                package network

                config interface 'lan'
                \toption proto 'static'
                \tlist ipaddr '192.168.1.1/24'
                \tlist ipaddr '10.0.0.1/8'
                config device
                  option name br-lan
                """);
        assertEquals(List.of(), f.problems());
        assertEquals("network", f.packageName());
        assertEquals(2, f.sections().size());
        UciSection lan = f.section("lan").orElseThrow();
        assertEquals("interface", lan.type());
        assertEquals("static", lan.get("proto").orElseThrow());
        assertEquals(List.of("192.168.1.1/24", "10.0.0.1/8"), lan.values("ipaddr").stream().map(UciValue::text).toList());
        assertTrue(lan.isList("ipaddr"));
        UciSection dev = f.sections().get(1);
        assertTrue(dev.isAnonymous());
        assertEquals("@device[0]", dev.ref());
        assertEquals("br-lan", dev.get("name").orElseThrow());
    }

    @Test
    void shortFormsAreCommands() {
        UciFile f = read("p network\nc interface lan\no proto dhcp\nl dns 1.1.1.1\n");
        assertEquals(List.of(), f.problems());
        UciSection s = f.section("lan").orElseThrow();
        assertEquals("dhcp", s.get("proto").orElseThrow());
        assertEquals("1.1.1.1", s.get("dns").orElseThrow());
    }

    @Test
    void quotingAndConcatenation() {
        String[][] cases = {
                {"option v 'a b'", "a b"},
                {"option v \"a b\"", "a b"},
                {"option v bare", "bare"},
                {"option v a'b c'\"d\"", "ab cd"},
                {"option v 'it'\\''s'", "it's"},
                {"option v \"say \\\"hi\\\"\"", "say \"hi\""},
                {"option v 'no \\escape'", "no \\escape"},
                {"option v \"back\\\\slash\"", "back\\slash"},
                {"option v \"\\n\"", "n"},
                {"option v a\\ b", "a b"},
                {"option v 'x#y'", "x#y"},
                {"option v x#y", "x"},
                {"option v 'x' # comment", "x"},
                {"option v \"'\"'\"'", "'\""},
        };
        for (String[] c : cases) assertEquals(c[1], valueOf(c[0]), c[0]);
    }

    @Test
    void quotesSpanLines() {
        assertEquals("line1\nline2", valueOf("option v 'line1\nline2'"));
        assertEquals("line1\n  line2", valueOf("option v \"line1\n  line2\""));
        // backslash-newline joins lines, inside double quotes and in bare text
        assertEquals("abcd", valueOf("option v \"ab\\\ncd\""));
        assertEquals("abcd", valueOf("option v ab\\\ncd"));
        assertEquals("abcd", valueOf("option v ab\\\r\ncd"));
    }

    @Test
    void multiLineValueKeepsRangeAndRaw() {
        UciFile f = read("config t 's'\n  option v 'a\nb' ; option w x\n");
        assertEquals(List.of(), f.problems());
        UciSection s = f.sections().get(0);
        UciValue v = s.value("v").orElseThrow();
        assertEquals("a\nb", v.text());
        assertEquals("'a\nb'", v.raw());
        assertEquals(new SourceRange(1, 11, 2, 2), v.range());
        UciValue w = s.value("w").orElseThrow();
        assertEquals(new SourceRange(2, 14, 2, 15), w.range());
        assertEquals(new SourceRange(1, 9, 1, 10), s.options().get(0).nameRange());
    }

    @Test
    void semicolonEndsACommand() {
        UciFile f = read("config interface 'lan'; option proto 'static' ; option ipaddr 10.0.0.1\n");
        assertEquals(List.of(), f.problems());
        UciSection s = f.section("lan").orElseThrow();
        assertEquals("static", s.get("proto").orElseThrow());
        assertEquals("10.0.0.1", s.get("ipaddr").orElseThrow());
    }

    @Test
    void semicolonGluedToBareValueLosesTheRestOfTheLine() {
        UciFile f = read("config interface lan; option proto static\noption mtu 1500\n");
        UciSection s = f.section("lan").orElseThrow();
        assertTrue(s.get("proto").isEmpty(), "libuci drops the rest of the line");
        assertEquals("1500", s.get("mtu").orElseThrow());
        assertEquals(1, f.problems().size());
        UciProblem p = f.problems().get(0);
        assertEquals(Severity.WARNING, severityOf(f, p));
        assertFalse(p.rejectsFile());
        assertEquals(new SourceRange(0, 20, 0, 41), p.range());
        assertTrue(p.message().startsWith("libuci ignores the rest of this line"));
    }

    @Test
    void commentsAndBlankLines() {
        UciFile f = read("# header\n\n   # indented\nconfig t 's' # trailing\n\toption a 'b' #c\n#option x y\n");
        assertEquals(List.of(), f.problems());
        assertEquals(List.of("a"), List.copyOf(f.sections().get(0).optionNames()));
    }

    @Test
    void crlfLineEndings() {
        UciFile f = read("config interface 'lan'\r\n\toption proto 'static'\r\n\toption mtu 1500\r\n");
        assertEquals(List.of(), f.problems());
        assertEquals("1500", f.section("lan").orElseThrow().get("mtu").orElseThrow());
    }

    @Test
    void repeatedNamedSectionMergesIntoTheFirst() {
        UciFile f = read("config interface 'lan'\n option proto static\nconfig interface wan\n"
                + "config interface 'lan'\n option mtu 1400\n option proto dhcp\nconfig interface\n");
        assertEquals(List.of(), f.problems());
        assertEquals(3, f.sections().size());
        UciSection lan = f.sections().get(0);
        assertEquals(2, lan.headers().size());
        assertEquals("dhcp", lan.get("proto").orElseThrow());
        assertEquals("1400", lan.get("mtu").orElseThrow());
        assertEquals("@interface[2]", f.sections().get(2).ref());
    }

    @Test
    void optionAfterListReplacesAndListAfterOptionAppends() {
        UciFile f = read("config t 's'\n option a 1\n list a 2\n list b 1\n option b 2\n");
        UciSection s = f.sections().get(0);
        assertEquals(List.of("1", "2"), s.values("a").stream().map(UciValue::text).toList());
        assertEquals(List.of("2"), s.values("b").stream().map(UciValue::text).toList());
        assertFalse(s.isList("b"));
    }

    // ---------------------------------------------------------------- libuci's error messages

    private static void assertOneError(String text, String libuciWords, SourceRange at) {
        UciFile f = read(text);
        assertEquals(1, f.problems().size(), () -> "problems: " + f.problems());
        UciProblem p = f.problems().get(0);
        assertTrue(p.message().startsWith(libuciWords), p.message());
        assertEquals(at, p.range());
        assertTrue(p.rejectsFile());
        assertEquals(Severity.ERROR, severityOf(f, p));
    }

    @Test
    void invalidCharacterInNameField() {
        assertOneError("config interface 'wan-6'\n", "invalid character in name field", SourceRange.of(0, 17, 24));
        assertOneError("config t 's'\n option ip-addr x\n", "invalid character in name field", SourceRange.of(1, 8, 15));
        assertOneError("package 'a.b'\n", "invalid character in name field", SourceRange.of(0, 8, 13));
    }

    @Test
    void hyphenIsFineInPackageNamesAndTypes() {
        UciFile f = read("package my-pkg\nconfig bridge-vlan\n option vlan 1\n");
        assertEquals(List.of(), f.problems());
        assertEquals("bridge-vlan", f.sections().get(0).type());
    }

    @Test
    void invalidCharacterInTypeField() {
        assertOneError("config 'inter face'\n", "invalid character in type field", SourceRange.of(0, 7, 19));
        assertOneError("config 'типа'\n", "invalid character in type field", SourceRange.of(0, 7, 13));
    }

    @Test
    void unterminatedQuotes() {
        assertOneError("config t 's'\n option a 'open\n option b c\n", "EOF with unterminated '", SourceRange.of(1, 10, 11));
        assertOneError("config t 's'\n option a x\"open\n", "EOF with unterminated \"", SourceRange.of(1, 11, 12));
    }

    @Test
    void readingGoesOnAfterAnUnclosedQuote() {
        UciFile f = read("config t 's'\n option a 'open\n option b c\nconfig t u\n option d e\n");
        assertEquals(1, f.problems().size());
        assertEquals("c", f.section("s").orElseThrow().get("b").orElseThrow());
        assertEquals("e", f.section("u").orElseThrow().get("d").orElseThrow());
    }

    @Test
    void optionBeforeFirstSection() {
        assertOneError("option a b\nconfig t 's'\n", "option/list command found before the first section", SourceRange.of(0, 0, 6));
        assertOneError("l a b\n", "option/list command found before the first section", SourceRange.of(0, 0, 1));
    }

    @Test
    void invalidCommand() {
        assertOneError("config t 's'\n opt a b\n", "invalid command", SourceRange.of(1, 1, 4));
        assertOneError("'config' t\n", "invalid command", SourceRange.of(0, 0, 8));
        assertOneError("config;\n", "invalid command", SourceRange.of(0, 0, 7));
        // libuci splits the command word at space/tab only: "config" + newline is not "config"
        assertOneError("config\n", "invalid command", SourceRange.of(0, 0, 6));
        // an empty command between two ';'
        assertOneError("config t 's' ; ; option a b\n", "invalid command", SourceRange.of(0, 15, 16));
    }

    @Test
    void insufficientArguments() {
        assertOneError("config \n", "insufficient arguments", SourceRange.of(0, 0, 6));
        assertOneError("config ''\n", "insufficient arguments", SourceRange.of(0, 0, 9));
        assertOneError("config t 's'\n option \n", "insufficient arguments", SourceRange.of(1, 1, 7));
        assertOneError("package ;\n", "insufficient arguments", SourceRange.of(0, 0, 9));
    }

    @Test
    void tooManyArguments() {
        // libuci reads one argument too many and stops there
        assertOneError("config t 's'\n option a b c d\n", "too many arguments", SourceRange.of(1, 12, 13));
        assertOneError("config t s extra\n", "too many arguments", SourceRange.of(0, 11, 16));
        // libuci ignores one extra empty argument
        assertEquals(List.of(), read("config t 's'\n option a b ''\n").problems());
    }

    @Test
    void keywordAtEndOfFile() {
        assertOneError("config t 's'\noption", "option without name", SourceRange.of(1, 0, 6));
    }

    @Test
    void sectionOfDifferentType() {
        assertOneError("config interface 'x'\nconfig device 'x'\n",
                "section of different type overwrites prior section with same name", SourceRange.of(1, 7, 13));
    }

    @Test
    void readingGoesOnAfterErrors() {
        UciFile f = read("""
                config interface 'lan'
                \toption proto static
                \tbogus line here
                \toption ip-addr 1
                config interface 'wan-6'
                \toption proto dhcp
                config
                \toption lost 1
                config interface 'wan'
                \toption proto pppoe
                """);
        assertEquals(4, f.problems().size(), () -> f.problems().toString());
        assertEquals("static", f.section("lan").orElseThrow().get("proto").orElseThrow());
        assertEquals("pppoe", f.section("wan").orElseThrow().get("proto").orElseThrow());
        // the options of the two unreadable headers are in broken sections, not in the section before
        assertTrue(f.section("wan-6").isEmpty());
        assertEquals(List.of("lan", "wan"), f.sections().stream().map(UciSection::name).toList());
        assertEquals(2, f.brokenSections().size());
        assertEquals("dhcp", f.brokenSections().get(0).get("proto").orElseThrow());
        assertEquals("1", f.brokenSections().get(1).get("lost").orElseThrow());
        assertNull(f.sections().stream().filter(s -> s.get("lost").isPresent()).findFirst().orElse(null));
    }

    @Test
    void rangesCountUtf16UnitsAfterWideCharacters() {
        UciFile f = read("config t 's'\n option a '\uD83D\uDE00' ; option b x\n");
        assertEquals(List.of(), f.problems());
        assertEquals(SourceRange.of(1, 10, 14), f.sections().get(0).value("a").orElseThrow().range());
        assertEquals(SourceRange.of(1, 26, 27), f.sections().get(0).value("b").orElseThrow().range());
    }

    @Test
    void packageNameComesFromTheFileName() {
        assertEquals("network", UciReader.packageNameOf("file:///x/etc/config/network"));
        assertEquals("dhcp", UciReader.packageNameOf("C:\\x\\dhcp.conf"));
    }

    @Test
    void trailingBackslashAtEndOfFileIsDropped() {
        UciFile f = read("config t 's'\n option v ab\\");
        assertEquals(List.of(), f.problems());
        assertEquals("ab", f.sections().get(0).get("v").orElseThrow());
    }

    @Test
    void loneCarriageReturnIsWhitespaceForLibuciButALineBreakForPositions() {
        UciFile f = read("config t 's'\n option v a\r option w b\n");
        // libuci only ends lines at LF, so the CR is a blank and "option w b" are extra arguments
        assertEquals(1, f.problems().size());
        assertTrue(f.problems().get(0).message().startsWith("too many arguments"));
        assertEquals(2, f.problems().get(0).range().startLine());
    }

    @Test
    void wordsOfAValueKeepTheirOwnRanges() {
        UciFile f = read("config zone\n list network 'lan  wan6'\n");
        List<UciValue> words = f.sections().get(0).values("network").get(0).words();
        assertEquals(List.of("lan", "wan6"), words.stream().map(UciValue::text).toList());
        assertEquals(SourceRange.of(1, 15, 18), words.get(0).range());
        assertEquals(SourceRange.of(1, 20, 24), words.get(1).range());
    }
}
