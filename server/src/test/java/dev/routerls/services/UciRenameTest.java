package dev.routerls.services;

import dev.routerls.services.types.TextChange;
import dev.routerls.services.types.RenameRefusedException;
import dev.routerls.core.AnalysisSettings;
import dev.routerls.analysis.Analyzer;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.TextEdit;
import dev.routerls.core.edit.DocumentEdits;
import dev.routerls.testing.SampleRouters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Renaming an interface of samples/openwrt/good keeps the router consistent: no new findings after the edits. */
class UciRenameTest {
    @TempDir
    Path tmp;
    Path etc;
    Workspace ws;
    DiagnosticsScheduler scheduler;
    LanguageFeatures features;

    @BeforeEach
    void router() throws Exception {
        etc = SampleRouters.copy("good", tmp.resolve("router")).resolve("etc");
        ws = new Workspace();
        scheduler = new DiagnosticsScheduler(ws, (f, s) -> Map.of(), (u, v, d) -> { }, 10);
        features = new LanguageFeatures(ws, scheduler, new AnalysisEngine(new Analyzer()));
    }

    @AfterEach
    void stop() {
        scheduler.close();
    }

    private String uri(String rel) {
        return Uris.fromPath(etc.resolve(rel));
    }

    /** Every finding of the router as rule id and message, per file name. */
    private Map<String, List<String>> findings() {
        Document d = ws.documents().get(uri("config/network")).orElseThrow();
        Map<String, List<Diagnostic>> all = new Analyzer().analyze(ws.snapshot(ws.groupOf(d)).files(), AnalysisSettings.DEFAULT);
        return all.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().substring(e.getKey().lastIndexOf("/etc/") + 5),
                e -> e.getValue().stream().map(x -> x.ruleId() + ": " + x.message()).sorted().toList()));
    }

    private Map<String, List<String>> openNetworkAndFindings() throws Exception {
        ws.documents().open(uri("config/network"), 1, Files.readString(etc.resolve("config/network")), "openwrt-uci");
        return findings();
    }

    /** Writes the edits to the files (as the editor would) and reports the change to the workspace. */
    private void apply(List<TextEdit> edits) throws Exception {
        Map<String, List<TextEdit>> byUri = edits.stream().collect(Collectors.groupingBy(TextEdit::uri));
        for (var e : byUri.entrySet()) {
            Path p = Uris.toPath(e.getKey()).orElseThrow();
            String after = DocumentEdits.apply(Files.readString(p), e.getValue());
            Files.writeString(p, after);
            ws.fileChanged(e.getKey());
            ws.documents().get(e.getKey()).ifPresent(doc -> ws.documents().change(doc.uri(), doc.version() + 1,
                    List.of(new TextChange(null, after))));
        }
    }

    /** Renames the interface declared by {@code config interface 'NAME'}, the cursor on its name. */
    private List<TextEdit> renameInterface(String name, String newName) throws Exception {
        String needle = "config interface '" + name + "'";
        String network = Files.readString(etc.resolve("config/network"));
        ws.documents().open(uri("config/network"), 1, network, "openwrt-uci");
        String[] lines = network.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int c = lines[i].indexOf(needle);
            if (c >= 0) return features.rename(uri("config/network"), i, c + needle.indexOf(name) + 1, newName).orElseThrow();
        }
        throw new AssertionError(needle + " not in network");
    }

    @Test
    void renamingWan6FollowsTheAtDeviceReference() throws Exception {
        Map<String, List<String>> before = openNetworkAndFindings();
        List<TextEdit> edits = renameInterface("wan6", "wan6up");
        apply(edits);
        assertEquals(before, findings());
        String after = Files.readString(etc.resolve("config/network"));
        assertTrue(after.contains("option device '@wan6up'"), after);
        assertTrue(Files.readString(etc.resolve("config/firewall")).contains("list network 'wan6up'"));
        assertTrue(Files.readString(etc.resolve("config/dhcp")).contains("option interface 'wan6up'"));
    }

    @Test
    void renamingTheMapInterfaceRewritesTheScriptsDeviceAssignment() throws Exception {
        Map<String, List<String>> before = openNetworkAndFindings();
        List<TextEdit> edits = renameInterface("wan_map", "ocn");
        // the -o words are $TUNDEV: the one literal assignment feeding them changes, once
        assertEquals(1, edits.stream().filter(e -> e.uri().endsWith("firewall.user")).count(), edits.toString());
        apply(edits);
        assertEquals(before, findings());
        assertTrue(Files.readString(etc.resolve("firewall.user")).contains("TUNDEV='map-ocn'"));
    }

    @Test
    void renameIsRefusedWhenTheScriptComputesTheDevice() throws Exception {
        String script = Files.readString(etc.resolve("firewall.user"));
        // two assignments: which one reaches the rules is not a single literal any more
        Files.writeString(etc.resolve("firewall.user"), script.replace("TUNDEV='map-wan_map'",
                "TUNDEV='map-wan_map'\n[ -n \"$1\" ] && TUNDEV='map-wan_map'"));
        RenameRefusedException e = assertThrows(RenameRefusedException.class,
                () -> renameInterface("wan_map", "ocn"));
        assertTrue(e.getMessage().contains("map-wan_map"), e.getMessage());
    }
}
