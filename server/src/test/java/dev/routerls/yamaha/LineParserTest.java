package dev.routerls.yamaha;

import dev.routerls.grammar.YamahaLexer;
import dev.routerls.yamaha.parse.Command;
import dev.routerls.yamaha.parse.Header;
import dev.routerls.yamaha.parse.LineParser;
import dev.routerls.yamaha.parse.ParsedLine;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class LineParserTest {
    private final LineParser parser = new LineParser();

    @Test
    void natApplyWithEmptyForwardListAndReverse() {
        ParsedLine p = parser.parse("ip lan1 nat descriptor reverse 30");
        Command.NatApply a = assertInstanceOf(Command.NatApply.class, p.command());
        assertEquals("lan1", a.iface().text());
        assertTrue(a.forward().isEmpty());
        assertEquals("30", a.reverse().get(0).text());
        a = assertInstanceOf(Command.NatApply.class, parser.parse("ip lan1 nat descriptor 1 2 reverse 30").command());
        assertEquals(List.of("1", "2"), a.forward().stream().map(w -> w.text()).toList());
    }

    @Test
    void staticNatPairAndCount() {
        Command.NatStatic s = assertInstanceOf(Command.NatStatic.class,
                parser.parse("nat descriptor static 31 1 192.168.11.2=192.168.253.2 253").command());
        assertEquals("192.168.11.2=192.168.253.2", s.pair().text());
        assertEquals("253", s.count().text());
        assertEquals(27, s.pair().start());
    }

    @Test
    void commentOnlyWhenUnquotedAndUnescaped() {
        ParsedLine p = parser.parse("analog extension dial prefix sip prefix=\"9#\" # real comment");
        assertEquals("prefix=9#", p.word(p.wordCount() - 1).text());
        assertEquals(" real comment", p.commentBody());
        p = parser.parse("console prompt a\\#b");
        assertEquals("a#b", p.word(2).text());
        assertEquals(-1, p.commentStart());
        p = parser.parse("ip route default gateway pp 1#note");
        assertInstanceOf(Command.IpRoute.class, p.command());
        assertEquals("note", p.commentBody());
    }

    @Test
    void quotedWordWithSpaceIsOneWord() {
        ParsedLine p = parser.parse("description lan2 \"Biglobe FTTH\"");
        assertEquals(3, p.wordCount());
        assertEquals("Biglobe FTTH", p.word(2).text());
    }

    @Test
    void tunnelRangesAndSelects() {
        Command.PpBind b = assertInstanceOf(Command.PpBind.class, parser.parse(" pp bind tunnel2-tunnel4").command());
        assertEquals(YamahaLexer.TUNNEL_RANGE, b.targets().get(0).type());
        assertInstanceOf(Command.PpSelect.class, parser.parse("pp select anonymous").command());
        ParsedLine no = parser.parse("no tunnel select");
        assertTrue(no.negated());
        assertInstanceOf(Command.TunnelSelect.class, no.command());
    }

    @Test
    void keywordsAreCaseInsensitive() {
        assertInstanceOf(Command.NatType.class, parser.parse("NAT Descriptor TYPE 1 masquerade").command());
    }

    @Test
    void secretsAreMaskedInWords() {
        ParsedLine p = parser.parse("ipsec ike pre-shared-key 2 text COMMONKEY");
        Command.SecretSetting s = assertInstanceOf(Command.SecretSetting.class, p.command());
        assertEquals("********", s.secret().text());
        assertTrue(p.words().stream().noneMatch(w -> w.text().contains("COMMONKEY")));
    }

    @Test
    void headerModelAndRevision() {
        assertEquals(Optional.of(new Header("NVR510", "15.01.24")),
                parser.parseHeader(" NVR510 Rev.15.01.24 (Tue Jul  4 10:12:33 2023)"));
        assertEquals(Optional.of(new Header("RT57i", "8.00.95")),
                parser.parseHeader("\tRT57i Rev.8.00.95 (Thu Apr 21 12:07:46 2011)"));
        assertTrue(parser.parseHeader(" MAC Address : 00:a0:de:23:08:64").isEmpty());
    }

    @Test
    void junkIsOneErrorAndNeverThrows() {
        ParsedLine p = parser.parse("ip lan1 \u0001\u0002address");
        assertNotNull(p.error());
        assertNull(p.command());
        assertNotNull(parser.parse("\"unterminated").error());
        assertNotNull(parser.parse("192.168.0.1 gateway").error());
        for (String s : new String[]{"", "   ", "#", "\\", "'", "\uFFFD\uFFFD", "nat descriptor", "ip", "\uD83D\uDE00 x"}) {
            parser.parse(s);
        }
    }

    @Test
    void surrogatePairsKeepUtf16Columns() {
        ParsedLine p = parser.parse("description lan1 \uD83D\uDE00x next");
        assertEquals(17, p.word(2).start());
        assertEquals(20, p.word(2).end());
        assertEquals(21, p.word(3).start());
    }

    @Test
    void veryLongLineParses() {
        String line = "ip filter 1 pass " + "a".repeat(5000);
        ParsedLine p = parser.parse(line);
        assertNull(p.error());
    }
}
