package dev.routerls.services;

import dev.routerls.services.types.CompletionEntry;
import dev.routerls.services.types.FoldRange;
import dev.routerls.services.types.Location;
import dev.routerls.services.types.OutlineSymbol;
import dev.routerls.core.SourceRange;
import dev.routerls.core.TextEdit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** UCI features over a router folder: the edited file is open, its siblings are read from disk. */
class UciFeaturesTest {
    static final String NETWORK = """
            config interface 'lan'
            \toption device 'br-lan'
            \toption proto 'static'
            \toption ipaddr '192.168.1.1'

            config interface 'wan_map'
            \toption proto 'map'
            \toption maptype 'map-e'

            config interface 'wan6'
            \toption proto 'dhcpv6'
            """;
    static final String FIREWALL = """
            config zone
            \toption name 'lan'
            \tlist network 'lan'

            config zone
            \toption name 'wan'
            \tlist network 'wan_map'
            \tlist network 'wan6'

            config forwarding
            \toption src 'lan'
            \toption dest 'wan'
            """;

    @TempDir
    Path tmp;
    Path etc;
    Workspace ws;
    DiagnosticsScheduler scheduler;
    LanguageFeatures features;

    @BeforeEach
    void router() throws Exception {
        etc = tmp.resolve("router/etc");
        Files.createDirectories(etc.resolve("config"));
        Files.writeString(etc.resolve("config/network"), NETWORK);
        Files.writeString(etc.resolve("config/firewall"), FIREWALL);
        Files.writeString(etc.resolve("config/dhcp"), "config dhcp 'lan'\n\toption interface 'lan'\n");
        ws = new Workspace();
        scheduler = new DiagnosticsScheduler(ws, (f, s) -> Map.of(), (u, v, d) -> { }, 10);
        features = new LanguageFeatures(ws, scheduler, new AnalysisEngine(new dev.routerls.analysis.Analyzer()));
    }

    @AfterEach
    void stop() {
        scheduler.close();
    }

    private String uri(String rel) {
        return Uris.fromPath(etc.resolve(rel));
    }

    /** Opens {@code rel} with the fixture text (cursor marker removed) and returns the cursor. */
    private Cursor open(String rel, String marked) {
        Cursor c = Cursor.of(marked);
        ws.documents().open(uri(rel), 1, c.text(), "plaintext");
        return c;
    }

    private List<String> labels(String rel, String marked) {
        Cursor c = open(rel, marked);
        return features.complete(uri(rel), c.line(), c.column()).stream().map(CompletionEntry::label).toList();
    }

    @Test
    void completesCommandWordsInAndOutsideSections() {
        assertEquals(List.of("config", "package"), labels("config/network", "|\nconfig interface 'lan'\n"));
        assertEquals(List.of("config", "option", "list", "package"), labels("config/network", "config interface 'lan'\n\to|\n"));
    }

    @Test
    void completesSectionTypesOfThePackage() {
        List<String> types = labels("config/network", "config |");
        assertTrue(types.containsAll(List.of("interface", "device", "route")), types.toString());
        List<String> fw = labels("config/firewall", "config |");
        assertTrue(fw.containsAll(List.of("zone", "forwarding", "rule", "redirect")), fw.toString());
        assertFalse(fw.contains("interface"), fw.toString());
    }

    @Test
    void completesOptionsForTheSectionTypeAndProto() {
        List<String> stat = labels("config/network", "config interface 'lan'\n\toption proto 'static'\n\toption |\n");
        assertTrue(stat.containsAll(List.of("ipaddr", "netmask", "gateway")), stat.toString());
        assertFalse(stat.contains("proto"), "already set: " + stat);
        assertFalse(stat.contains("peeraddr"), "a map option is not offered for static: " + stat);
        List<String> map = labels("config/network", "config interface 'wan_map'\n\toption proto 'map'\n\toption |\n");
        assertTrue(map.containsAll(List.of("peeraddr", "ip6prefix", "ealen", "psidlen", "offset")), map.toString());
        List<String> lists = labels("config/firewall", "config zone\n\tlist |\n");
        assertTrue(lists.contains("network"), lists.toString());
    }

    @Test
    void completesProtocolsAndReferencedNames() {
        List<String> protos = labels("config/network", "config interface 'x'\n\toption proto |\n");
        assertTrue(protos.containsAll(List.of("static", "dhcp", "map")), protos.toString());
        ws.documents().close(uri("config/network")); // back to the file on disk
        Cursor c = open("config/firewall", "config zone\n\toption name 'wan'\n\tlist network '|'\n");
        var items = features.complete(uri("config/firewall"), c.line(), c.column());
        assertEquals(List.of("lan", "wan_map", "wan6"), items.stream().map(CompletionEntry::label).toList(),
                "interfaces come from the router's network file on disk");
        assertEquals("wan_map", items.get(1).insertText(), "the quote is already typed");
        Cursor f = open("config/firewall", FIREWALL + "\nconfig forwarding\n\toption src |\n");
        var zones = features.complete(uri("config/firewall"), f.line(), f.column());
        assertEquals(List.of("lan", "wan"), zones.stream().map(CompletionEntry::label).toList());
        assertEquals("'wan'", zones.get(1).insertText());
    }

    /** Option values from the datatype: enum words, policies, booleans as 1/0, quoted or not yet. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            "config/firewall; config zone\\n\\toption name 'x'\\n\\toption input |\\n; ACCEPT,REJECT,DROP; 'ACCEPT'",
            "config/firewall; config zone\\n\\toption name 'x'\\n\\toption forward 'R|\\n; ACCEPT,REJECT,DROP; ACCEPT",
            "config/firewall; config defaults\\n\\toption drop_invalid |\\n; 1,0; '1'",
            "config/network; config interface 'wan_map'\\n\\toption proto 'map'\\n\\toption maptype |\\n; map-e,map-t,lw4o6; 'map-e'",
            "config/network; config interface 'wan_map'\\n\\toption proto 'map'\\n\\toption legacymap '|'\\n; 1,0; 1",
            "config/network; config interface 'lan'\\n\\toption proto 'static'\\n\\toption ipaddr |\\n; ; ",
    })
    void completesTheNamedValuesOfAnOptionsDatatype(String file, String marked, String expected, String firstInsert) {
        Cursor c = open(file, marked.replace("\\n", "\n").replace("\\t", "\t"));
        var items = features.complete(uri(file), c.line(), c.column());
        List<String> want = expected == null ? List.of() : List.of(expected.split(","));
        assertEquals(want, items.stream().map(CompletionEntry::label).toList());
        if (firstInsert != null) assertEquals(firstInsert, items.get(0).insertText());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            // file; line; column; expected "file:line:startCol-endCol" of the definition
            "config/firewall; 6; 16; config/network:5:18-25",
            "config/dhcp; 1; 20; config/network:0:18-21",
            "config/firewall; 10; 15; config/firewall:1:14-17",
    })
    void goesToTheDefinitionAcrossFiles(String rel, int line, int col, String expected) throws Exception {
        ws.documents().open(uri(rel), 1, Files.readString(etc.resolve(rel)), "openwrt-uci");
        List<Location> defs = features.definition(uri(rel), line, col);
        assertEquals(1, defs.size(), defs.toString());
        String[] e = expected.split(":");
        String[] cols = e[2].split("-");
        assertEquals(uri(e[0]), defs.get(0).uri());
        assertEquals(SourceRange.of(Integer.parseInt(e[1]), Integer.parseInt(cols[0]), Integer.parseInt(cols[1])), defs.get(0).range());
    }

    @Test
    void findsReferencesAndRenamesAnInterfaceInEveryFile() {
        ws.documents().open(uri("config/network"), 1, NETWORK, "openwrt-uci");
        List<Location> refs = features.references(uri("config/network"), 0, 19, true);
        assertEquals(3, refs.size(), "declaration, zone network, dhcp interface: " + refs);
        assertEquals(2, features.references(uri("config/network"), 0, 19, false).size());
        List<TextEdit> edits = features.rename(uri("config/network"), 0, 19, "office").orElseThrow();
        assertEquals(3, edits.size());
        assertTrue(edits.contains(new TextEdit(uri("config/network"), SourceRange.of(0, 18, 21), "office")));
        assertTrue(edits.contains(new TextEdit(uri("config/firewall"), SourceRange.of(2, 15, 18), "office")));
        assertTrue(edits.contains(new TextEdit(uri("config/dhcp"), SourceRange.of(1, 19, 22), "office")));
        assertTrue(features.rename(uri("config/network"), 0, 19, "bad-name").isEmpty(), "libuci rejects '-' in names");
        assertTrue(features.rename(uri("config/network"), 1, 3, "x").isEmpty(), "nothing to rename on an option name");
    }

    @Test
    void hoverDescribesOptionsTypesAndNames() {
        ws.documents().open(uri("config/network"), 1, NETWORK, "openwrt-uci");
        String ip = features.hover(uri("config/network"), 3, 10).orElseThrow().markdown();
        assertTrue(ip.contains("ipaddr") && ip.contains("IPv4"), ip);
        String type = features.hover(uri("config/network"), 0, 9).orElseThrow().markdown();
        assertTrue(type.contains("interface") && type.contains("map"), type);
        String name = features.hover(uri("config/network"), 5, 20).orElseThrow().markdown();
        assertTrue(name.contains("map-wan_map") && name.contains("used in 1 place"), name);
        assertTrue(features.hover(uri("config/network"), 4, 0).isEmpty());
    }

    @Test
    void outlineAndFoldingFollowSections() {
        ws.documents().open(uri("config/network"), 1, NETWORK, "openwrt-uci");
        List<OutlineSymbol> outline = features.outline(uri("config/network"));
        assertEquals(List.of("lan", "wan_map", "wan6"), outline.stream().map(OutlineSymbol::name).toList());
        assertEquals(List.of("device", "proto", "ipaddr"), outline.get(0).children().stream().map(OutlineSymbol::name).toList());
        assertEquals(new SourceRange(0, 0, 3, 28), outline.get(0).range());
        assertEquals(List.of(new FoldRange(0, 3, false), new FoldRange(5, 7, false), new FoldRange(9, 10, false)),
                features.folding(uri("config/network")));
        ws.documents().open(uri("config/firewall"), 1, FIREWALL, "openwrt-uci");
        assertEquals("@zone[0]", features.outline(uri("config/firewall")).get(0).name());
    }

    @Test
    void secretValuesNeverReachOutlineOrHover() {
        String text = "config interface 'wan'\n\toption proto 'pppoe'\n\toption username 'u'\n"
                + "\toption password 'Zq9secretPW'\n\toption key 'Zq9wifiKEY'\n";
        ws.documents().open(uri("config/network"), 1, text, "openwrt-uci");
        List<OutlineSymbol> outline = features.outline(uri("config/network"));
        String all = outline.toString();
        assertEquals(false, all.contains("Zq9secretPW") || all.contains("Zq9wifiKEY"), all);
        for (int line = 0; line < 5; line++) {
            for (int col = 0; col < 30; col++) {
                String hover = String.valueOf(features.hover(uri("config/network"), line, col));
                assertEquals(false, hover.contains("Zq9"), hover);
            }
        }
        assertEquals("u", outline.get(0).children().get(1).detail());
    }
}
