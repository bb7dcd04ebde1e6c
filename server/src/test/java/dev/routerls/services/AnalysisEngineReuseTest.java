package dev.routerls.services;

import dev.routerls.services.types.TextChange;
import dev.routerls.core.AnalysisSettings;
import dev.routerls.analysis.Analyzer;
import dev.routerls.core.Diagnostic;
import dev.routerls.analysis.OpenWrtAnalyzer;
import dev.routerls.openwrt.router.RouterFileCache;
import dev.routerls.openwrt.uci.UciReader;
import dev.routerls.testing.SampleRouters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An edit re-reads only the edited file, and editor features use the router the diagnostics were made from. */
class AnalysisEngineReuseTest {
    @TempDir
    Path tmp;
    Path etc;
    Workspace ws;
    AnalysisEngine engine;
    DiagnosticsScheduler scheduler;
    LanguageFeatures features;
    /** The URIs of the UCI files actually parsed, in order. */
    final List<String> uciReads = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void router() throws Exception {
        etc = SampleRouters.copy("good", tmp.resolve("router")).resolve("etc");
        ws = new Workspace();
        RouterFileCache cache = new RouterFileCache((uri, text, encoding) -> {
            uciReads.add(uri);
            return UciReader.read(uri, text, encoding);
        });
        engine = new AnalysisEngine(new Analyzer(new OpenWrtAnalyzer(cache)));
        scheduler = new DiagnosticsScheduler(ws, engine, (u, v, d) -> { }, 10);
        features = new LanguageFeatures(ws, scheduler, engine);
    }

    @AfterEach
    void stop() {
        scheduler.close();
    }

    private String uri(String rel) {
        return Uris.fromPath(etc.resolve(rel));
    }

    private Map<String, List<Diagnostic>> diagnostics(String group) {
        return engine.analyze(ws.snapshot(group).files(), AnalysisSettings.DEFAULT);
    }

    @Test
    void editToNetworkReadsOnlyNetworkAndGivesTheSameFindingsAsAFreshAnalysis() throws Exception {
        String network = uri("config/network");
        String text = Files.readString(etc.resolve("config/network"));
        Document d = ws.documents().open(network, 1, text, "openwrt-uci");
        String group = ws.groupOf(d);
        diagnostics(group);
        assertEquals(3, uciReads.size(), uciReads.toString());   // dhcp, firewall, network

        uciReads.clear();
        // a section name libuci refuses: the edit must show in the findings
        ws.documents().change(network, 2, List.of(new TextChange(null,
                text + "\nconfig interface 'bad name'\n")));
        Map<String, List<Diagnostic>> incremental = diagnostics(group);
        assertEquals(List.of(network), uciReads);

        Map<String, List<Diagnostic>> fresh = new Analyzer().analyze(ws.snapshot(group).files(), AnalysisSettings.DEFAULT);
        assertEquals(fresh, incremental);
        assertTrue(incremental.get(network).size() > 0, incremental.toString());
    }

    @Test
    void featuresAfterAnEditUseTheRouterOfThatVersionsDiagnostics() throws Exception {
        String network = uri("config/network");
        String text = Files.readString(etc.resolve("config/network"));
        Document d = ws.documents().open(network, 1, text, "openwrt-uci");
        String group = ws.groupOf(d);
        ws.documents().change(network, 2, List.of(new TextChange(null, text + "\nconfig interface 'extra'\n")));
        diagnostics(group);
        var router = engine.openwrt(group, ws.snapshot(group).files(), AnalysisSettings.DEFAULT);
        uciReads.clear();

        // completion, hover and outline read nothing again
        assertFalse(features.complete(network, 0, 0).isEmpty());
        features.hover(network, 1, 10);
        features.outline(network);
        assertEquals(List.of(), uciReads);
        assertSame(router, engine.openwrt(group, ws.snapshot(group).files(), AnalysisSettings.DEFAULT));
    }

    @Test
    void routerFilesAreListedOnceUntilAFileChanges() throws Exception {
        Document d = ws.documents().open(uri("config/network"), 1, Files.readString(etc.resolve("config/network")), "openwrt-uci");
        String group = ws.groupOf(d);
        List<String> before = ws.snapshot(group).files().stream().map(f -> f.uri()).toList();
        Files.writeString(etc.resolve("config/system"), "config system\n\toption hostname 'r'\n");
        // no change event yet: the kept listing stands
        assertEquals(before, ws.snapshot(group).files().stream().map(f -> f.uri()).toList());
        assertEquals(List.of(group), ws.fileChanged(uri("config/system")));
        assertTrue(ws.snapshot(group).files().stream().anyMatch(f -> f.uri().equals(uri("config/system"))));
    }

    @Test
    void closingTheLastDocumentOfARouterDropsItsRouter() throws Exception {
        String network = uri("config/network");
        Document d = ws.documents().open(network, 1, Files.readString(etc.resolve("config/network")), "openwrt-uci");
        String group = ws.groupOf(d);
        diagnostics(group);
        assertEquals(1, engine.keptRouters());
        ws.documents().close(network);
        engine.forget(network, group, ws.openGroups());
        assertEquals(0, engine.keptRouters());
    }
}
