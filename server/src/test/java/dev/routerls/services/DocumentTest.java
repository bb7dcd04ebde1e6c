package dev.routerls.services;

import dev.routerls.services.types.TextChange;
import dev.routerls.core.LanguageId;
import dev.routerls.core.SourceRange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DocumentTest {
    private static Document doc(String text) {
        return new Document("file:///x.rtx", 1, text, LanguageId.YAMAHA_RTX);
    }

    @Test
    void insertsAReplacesAndDeletesAcrossLines() {
        Document d = doc("ip lan1 address 192.168.0.1/24\npp select 1\n pp bind tunnel1\n");
        d = d.apply(new TextChange(SourceRange.of(1, 10, 11), "2"), 2);
        assertEquals("ip lan1 address 192.168.0.1/24\npp select 2\n pp bind tunnel1\n", d.text());
        d = d.apply(new TextChange(new SourceRange(0, 30, 2, 0), "\n"), 3);
        assertEquals("ip lan1 address 192.168.0.1/24\n pp bind tunnel1\n", d.text());
        d = d.apply(new TextChange(SourceRange.of(2, 0, 0), "tunnel select 1\n"), 4);
        assertEquals("ip lan1 address 192.168.0.1/24\n pp bind tunnel1\ntunnel select 1\n", d.text());
        assertEquals(4, d.version());
    }

    @Test
    void crlfLinesAreCountedAsEditorsCountThem() {
        Document d = doc("a\r\nb\r\nc");
        d = d.apply(new TextChange(SourceRange.of(1, 0, 1), "B"), 2);
        assertEquals("a\r\nB\r\nc", d.text());
    }

    @Test
    void positionsPastTheEndAreClampedNotThrown() {
        Document d = doc("abc\ndef");
        d = d.apply(new TextChange(new SourceRange(1, 99, 40, 7), "!"), 2);
        assertEquals("abc\ndef!", d.text());
        d = d.apply(new TextChange(new SourceRange(0, 2, 0, 1), "X"), 3); // reversed range: insert at start
        assertEquals("abXc\ndef!", d.text());
    }

    @Test
    void nullRangeReplacesEverything() {
        assertEquals("new", doc("old").apply(new TextChange(null, "new"), 2).text());
    }

    @Test
    void storeDetectsLanguageWhenTheClientIdIsGeneric() {
        DocumentStore s = new DocumentStore();
        assertEquals(LanguageId.OPENWRT_UCI, s.open("file:///r/etc/config/network", 1, "config interface 'lan'\n", "plaintext").language());
        assertEquals(LanguageId.OPENWRT_FIREWALL_USER, s.open("file:///r/etc/firewall.user", 1, "", "sh").language());
        assertEquals(LanguageId.YAMAHA_RTX, s.open("file:///a/router.conf", 1, "# RTX830 Rev.15.02.30 (Mon)\nip lan1 address 1.2.3.4/24\n", "conf").language());
        assertEquals(LanguageId.YAMAHA_RTX, s.open("untitled:1", 1, "", "yamaha-rtx").language());
        Document late = s.open("untitled:2", 1, "", "plaintext");
        assertEquals(LanguageId.UNKNOWN, late.language());
        Document typed = s.change("untitled:2", 2, List.of(new TextChange(null, "config interface 'wan'\n\toption proto 'dhcp'\n"))).orElseThrow();
        assertEquals(LanguageId.OPENWRT_UCI, typed.language());
        assertTrue(s.change("untitled:none", 2, List.of()).isEmpty());
    }
}
