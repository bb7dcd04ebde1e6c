package dev.routerls.services;

import dev.routerls.services.types.TextChange;
import dev.routerls.services.types.OutlineSymbol;
import dev.routerls.services.types.Location;
import dev.routerls.services.types.HoverText;
import dev.routerls.services.types.FoldRange;
import dev.routerls.services.types.CompletionEntry;
import dev.routerls.analysis.Analyzer;
import dev.routerls.core.SourceRange;
import dev.routerls.core.TextEdit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** YAMAHA features from cursor fixtures: config text with '|' where the caret is. */
class YamahaFeaturesTest {
    static final String CONFIG = """
            # RTX830 Rev.15.02.30 (Mon Jan  1 00:00:00 2024)
            ip lan1 address 192.168.100.1/24
            ip lan1 secure filter in 1020 1030
            ip lan1 nat descriptor 1
            pp select 1
             pp always-on on
             pppoe use lan2
             ip pp nat descriptor 1000
             pp enable 1
            tunnel select 1
             tunnel encapsulation l2tpv3
             tunnel enable 1
            tunnel select none
            ip filter 1020 reject 192.168.0.0/16 * * * *
            ip filter 1030 pass * * icmp
            nat descriptor type 1 nat
            nat descriptor type 1000 masquerade
            nat descriptor address outer 1000 ipcp
            nat descriptor masquerade port range 1000 5856-5871 9952-9967 14048-14063
            """;

    private final Workspace ws = new Workspace();
    private final DiagnosticsScheduler scheduler = new DiagnosticsScheduler(ws, (f, s) -> Map.of(), (u, v, d) -> { }, 10);
    private final AnalysisEngine engine = new AnalysisEngine(new Analyzer());
    private final LanguageFeatures features = new LanguageFeatures(ws, scheduler, engine);
    private static final String URI = "file:///tmp/office.rtx";

    @AfterEach
    void stop() {
        scheduler.close();
    }

    private Cursor open(String marked) {
        Cursor c = Cursor.of(marked);
        ws.documents().open(URI, 1, c.text(), "yamaha-rtx");
        return c;
    }

    private void openPlain(String text) {
        ws.documents().open(URI, 1, text, "yamaha-rtx");
    }

    private List<String> labels(String marked) {
        Cursor c = open(marked);
        return features.complete(URI, c.line(), c.column()).stream().map(CompletionEntry::label).toList();
    }

    /** The config with {@code insert} added as a new line after line {@code afterLine} (0-based), caret at its end. */
    private static String withLine(int afterLine, String insert) {
        List<String> lines = new java.util.ArrayList<>(List.of(CONFIG.split("\n")));
        lines.add(afterLine + 1, insert + "|");
        return String.join("\n", lines) + "\n";
    }

    @Test
    void commandWordsComeFirstForTheSelectedContext() {
        List<String> inPp = labels(withLine(5, " "));
        assertTrue(inPp.subList(0, 2).contains("pp"), "inside pp select, pp commands first: " + inPp.subList(0, 5));
        List<String> inTunnel = labels(withLine(10, " "));
        assertTrue(inTunnel.subList(0, 2).contains("tunnel"), inTunnel.subList(0, 5).toString());
        assertFalse(labels(withLine(13, "")).subList(0, 2).contains("tunnel"), "not at the global level");
        List<String> global = labels(withLine(13, ""));
        assertTrue(global.containsAll(List.of("ip", "nat", "pp", "tunnel")), global.toString());
    }

    @Test
    void keywordsAndKeywordValuesComeFromTheCatalog() {
        assertTrue(labels(withLine(13, "nat descriptor ")).containsAll(List.of("type", "address", "masquerade")));
        assertTrue(labels(withLine(13, "nat descriptor type 5 ")).containsAll(List.of("none", "nat", "masquerade", "nat-masquerade")));
    }

    @Test
    void existingIdsAndInterfacesAreOffered() {
        List<String> nat = labels(withLine(13, "ip lan1 nat descriptor "));
        assertEquals(List.of("1", "1000"), nat.stream().filter(l -> l.matches("\\d+")).toList(), nat.toString());
        List<String> filters = labels(withLine(13, "ip lan1 secure filter in "));
        assertTrue(filters.containsAll(List.of("1020", "1030")), filters.toString());
        List<String> binds = labels(withLine(5, " pp bind "));
        assertTrue(binds.contains("tunnel1"), binds.toString());
        List<String> ifs = labels(withLine(13, "ip "));
        assertTrue(ifs.containsAll(List.of("lan1", "pp", "tunnel")), ifs.toString());
    }

    @Test
    void noCompletionInsideAComment() {
        assertEquals(List.of(), labels(withLine(13, "# nat descriptor ")));
    }

    @Test
    void hoverShowsCommandFactsAndObjectFacts() {
        openPlain(CONFIG);
        String cmd = features.hover(URI, 15, 2).orElseThrow().markdown();
        assertTrue(cmd.contains("nat descriptor type") && cmd.contains("masquerade") && cmd.contains("Models:"), cmd);
        String obj = features.hover(URI, 7, 23).orElseThrow().markdown();
        assertTrue(obj.contains("NAT descriptor 1000") && obj.contains("masquerade") && obj.contains("defined on line 17"), obj);
    }

    @Test
    void hoverOnAPortRangeLineComputesTheMapePsid() {
        openPlain(CONFIG);
        String md = features.hover(URI, 18, 5).orElseThrow().markdown();
        assertTrue(md.contains("v6plus/BIGLOBE") && md.contains("5856-5871: block 1 of PSID 110")
                && md.contains("14048-14063: block 3 of PSID 110"), md);
    }

    @Test
    void definitionAndReferencesOfADescriptor() {
        openPlain(CONFIG);
        List<Location> def = features.definition(URI, 7, 23);
        assertEquals(List.of(new Location(URI, SourceRange.of(16, 20, 24))), def);
        List<Location> refs = features.references(URI, 16, 21, true);
        assertEquals(List.of(16, 17, 18, 7), refs.stream().map(l -> l.range().startLine()).toList());
        assertEquals(List.of(7), features.references(URI, 16, 21, false).stream().map(l -> l.range().startLine()).toList());
        assertEquals(List.of(new Location(URI, SourceRange.of(13, 10, 14))), features.definition(URI, 2, 26), "filter 1020");
    }

    @Test
    void renameRenumbersADescriptorEverywhere() {
        openPlain(CONFIG);
        List<TextEdit> edits = features.rename(URI, 7, 23, "2000").orElseThrow();
        assertEquals(4, edits.size(), edits.toString());
        assertTrue(edits.stream().allMatch(e -> e.newText().equals("2000")));
        assertTrue(features.rename(URI, 7, 23, "1").isEmpty(), "1 is taken");
        assertTrue(features.rename(URI, 7, 23, "x").isEmpty(), "not a number");
        assertTrue(features.rename(URI, 1, 1, "5").isEmpty(), "nothing renameable on 'ip'");
    }

    @Test
    void outlineHasSelectBlocksDescriptorsAndFilters() {
        openPlain(CONFIG);
        List<OutlineSymbol> outline = features.outline(URI);
        List<String> names = outline.stream().map(OutlineSymbol::name).toList();
        assertEquals(List.of("pp 1", "tunnel 1", "ip filter 1020", "ip filter 1030", "nat descriptor 1", "nat descriptor 1000"), names);
        OutlineSymbol pp = outline.get(0);
        assertEquals(new SourceRange(4, 0, 8, 12), pp.range());
        assertEquals(4, pp.children().size());
        assertEquals(3, outline.get(5).children().size());
        List<FoldRange> folds = features.folding(URI);
        assertTrue(folds.contains(new FoldRange(4, 8, false)) && folds.contains(new FoldRange(9, 11, false)), folds.toString());
    }

    @Test
    void secretsNeverShowInOutlineOrHover() {
        String cfg = CONFIG.replace(" pp enable 1", " pp auth myname user@example.jp s3cretpass\n pp enable 1");
        openPlain(cfg);
        String all = features.outline(URI).toString() + features.hover(URI, 8, 3).map(HoverText::markdown).orElse("");
        assertFalse(all.contains("s3cretpass"), all);
    }

    @Test
    void completionRightAfATypedLineUsesTheLastAnalysisAndTheLineAsTyped() {
        openPlain(CONFIG);
        features.outline(URI); // the document has been analysed once
        Document edited = ws.documents().change(URI, 2, List.of(new TextChange(SourceRange.of(13, 0, 0), "ip lan1 nat descriptor \n"))).orElseThrow();
        assertFalse(engine.isCurrent(URI, edited.text(), ws.settings()), "no re-analysis has run yet");
        List<String> labels = features.complete(URI, 13, 23).stream().map(CompletionEntry::label).toList();
        assertEquals(List.of("1", "1000"), labels.stream().filter(l -> l.matches("\\d+")).toList(), labels.toString());
    }

    /**
     * Command words and the select block come from the document's lines alone: a keystroke's completion
     * runs no analysis (no rules, no model of the whole config) and offers what the analysed text offers.
     */
    @Test
    void commandWordCompletionAfterAKeystrokeRunsNoAnalysis() {
        openPlain(CONFIG);
        features.outline(URI);
        Document edited = ws.documents().change(URI, 2, List.of(new TextChange(SourceRange.of(12, 0, 0), " \n"))).orElseThrow();
        List<CompletionEntry> typed = features.complete(URI, 12, 1);
        assertFalse(engine.isCurrent(URI, edited.text(), ws.settings()), "completion ran no analysis of the new text");
        assertTrue(typed.get(0).label().equals("tunnel") || typed.get(1).label().equals("tunnel"),
                "the line is in the tunnel select 1 block: " + typed.subList(0, 3));
        engine.yamaha(URI, edited.text(), ws.settings());
        assertEquals(typed, features.complete(URI, 12, 1), "the same items once the text is analysed");
    }

    @Test
    void aKeystrokeReparsesOnlyTheEditedLine() {
        openPlain(CONFIG);
        var first = engine.yamaha(URI, CONFIG, ws.settings());
        assertTrue(first.freshlyParsed() > 10, "the first analysis parses every line");
        String typed = CONFIG.replace("pp enable 1", "pp enable 12");
        assertEquals(1, engine.yamaha(URI, typed, ws.settings()).freshlyParsed());
    }

    /** An embedded file's content folds with its opener and is not offered commands (issue 7, item 1). */
    @Test
    void embeddedFileContentFoldsAndGetsNoCommandCompletion() {
        String text = """
                schedule at 1 startup * lua emfs:/notify.lua
                embedded file notify.lua <<EOF
                function logger(msg)
                  rt.
                end
                EOF
                ip 
                """;
        openPlain(text);
        assertTrue(features.folding(URI).contains(new FoldRange(1, 5, false)), features.folding(URI).toString());
        assertEquals(List.of(), features.complete(URI, 3, 5));
        assertEquals(List.of(), features.complete(URI, 5, 0), "the terminator line is content too");
        assertFalse(features.complete(URI, 6, 3).isEmpty(), "after the terminator, commands again");
    }
}
