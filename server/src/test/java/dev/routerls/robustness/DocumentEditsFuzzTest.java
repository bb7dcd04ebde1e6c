package dev.routerls.robustness;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.BeforeAll;
import dev.routerls.analysis.Analyzer;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.LineIndex;
import dev.routerls.core.SourceRange;
import dev.routerls.services.AnalysisEngine;
import dev.routerls.services.types.CompletionEntry;
import dev.routerls.services.DiagnosticsScheduler;
import dev.routerls.services.Document;
import dev.routerls.services.LanguageFeatures;
import dev.routerls.services.types.OutlineSymbol;
import dev.routerls.services.types.TextChange;
import dev.routerls.services.Workspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Coverage-guided fuzzing of the language server's document pipeline at the services level: documents are
 * opened, edited by a random sequence of incremental changes (some versions analysed on the way, as the
 * scheduler would, so the engine's per-document caches see every intermediate text), and the findings for
 * the final version must equal a fresh analysis of the final text. Hover, completion and outline at
 * positions the fuzzer picks point inside the document.
 */
class DocumentEditsFuzzTest {
    private static final String YAMAHA = "file:///fuzz/rtx/router.conf";
    private static final String NETWORK = "file:///fuzz/owrt/etc/config/network";
    private static final String SCRIPT = "file:///fuzz/owrt/etc/firewall.user";
    private static final Workspace WORKSPACE = new Workspace();
    private static final AnalysisEngine ENGINE = new AnalysisEngine(new Analyzer());
    private static final DiagnosticsScheduler NO_SCHEDULER = new DiagnosticsScheduler(WORKSPACE, (f, s) -> Map.of(), (u, v, d) -> { }, 0);
    private static final LanguageFeatures FEATURES = new LanguageFeatures(WORKSPACE, NO_SCHEDULER, ENGINE);

    @BeforeAll
    static void seeds() {
        FuzzSeeds.install(DocumentEditsFuzzTest.class, "editSequence", FuzzSeeds.withChoice(FuzzSeeds.yamaha(), FuzzSeeds.routerInputs()));
    }

    @FuzzTest(maxDuration = "30s")
    void editSequence(FuzzedDataProvider data) {
        check(data);
    }

    static void check(FuzzedDataProvider data) {
        boolean yamaha = data.consumeBoolean();
        int edits = data.consumeInt(0, 12);
        List<String> inserts = new ArrayList<>();
        for (int i = 0; i < edits; i++) inserts.add(data.consumeString(6));
        check(yamaha, inserts, data.consumeRemainingAsString());
    }

    /**
     * Opens {@code initial} (a YAMAHA config, or both the network file and firewall.user of a router), then
     * makes one edit per entry of {@code inserts}: the text inserted, which also decides where and how much it replaces.
     */
    static void check(boolean yamaha, List<String> inserts, String initial) {
        int edits = inserts.size();
        List<String> uris = yamaha ? List.of(YAMAHA) : List.of(NETWORK, SCRIPT);
        try {
            for (String uri : uris) {
                String text = yamaha ? initial : uri.equals(NETWORK) ? initial : "iptables -A INPUT -j ACCEPT\n" + initial;
                WORKSPACE.documents().open(uri, 1, text, yamaha ? "yamaha-rtx" : "");
            }
            analyse(uris); // the open
            for (int i = 0; i < edits; i++) {
                String uri = uris.get(i % uris.size());
                Document d = WORKSPACE.documents().get(uri).orElseThrow();
                int start = Math.floorMod(i * 7919 + d.text().length() * 31 + inserts.get(i).hashCode(), d.text().length() + 1);
                int end = Math.min(d.text().length(), start + Math.floorMod(inserts.get(i).hashCode(), 4));
                WORKSPACE.documents().change(uri, d.version() + 1,
                        List.of(new TextChange(range(d.text(), start, end), inserts.get(i))));
                if (Math.floorMod(inserts.get(i).hashCode(), 3) == 0) analyse(uris);
            }
            Map<String, List<Diagnostic>> published = analyse(uris);
            Map<String, String> texts = new LinkedHashMap<>();
            for (String uri : uris) texts.put(uri, WORKSPACE.documents().get(uri).orElseThrow().text());
            String group = WORKSPACE.groupOf(WORKSPACE.documents().get(uris.get(0)).orElseThrow());
            Map<String, List<Diagnostic>> fresh = new Analyzer().analyze(WORKSPACE.snapshot(group).files(), WORKSPACE.settings());
            for (String uri : uris) {
                FuzzChecks.same(fresh.getOrDefault(uri, List.of()), published.getOrDefault(uri, List.of()),
                        "findings of the final version of " + uri + " (fresh, then incremental)");
            }
            FuzzChecks.findings(published, texts, List.of());
            for (String uri : uris) features(uri, texts.get(uri), inserts.hashCode());
        } finally {
            for (String uri : uris) WORKSPACE.documents().close(uri);
        }
    }

    /** What the scheduler does for the documents' group: analyse the current snapshot with the engine. */
    private static Map<String, List<Diagnostic>> analyse(List<String> uris) {
        String group = WORKSPACE.groupOf(WORKSPACE.documents().get(uris.get(0)).orElseThrow());
        return ENGINE.analyze(WORKSPACE.snapshot(group).files(), WORKSPACE.settings());
    }

    private static void features(String uri, String text, int seed) {
        LineIndex index = new LineIndex(text);
        int line = Math.floorMod(seed, index.lineCount());
        int column = Math.floorMod(seed >>> 8, index.line(line).length() + 1);
        FEATURES.hover(uri, line, column).ifPresent(h -> {
            if (h.range() != null) FuzzChecks.inside(h.range(), text, "hover");
        });
        for (CompletionEntry c : FEATURES.complete(uri, line, column)) {
            if (c.label() == null || c.label().isEmpty()) throw new AssertionError("completion without a label");
        }
        for (OutlineSymbol o : FEATURES.outline(uri)) outline(o, text);
    }

    private static void outline(OutlineSymbol o, String text) {
        FuzzChecks.inside(o.range(), text, "outline " + o.name());
        FuzzChecks.inside(o.selectionRange(), text, "outline selection " + o.name());
        for (OutlineSymbol c : o.children()) outline(c, text);
    }

    /** The editor's range of offsets [start, end) of {@code text}. */
    private static SourceRange range(String text, int start, int end) {
        return new SourceRange(lineOf(text, start), columnOf(text, start), lineOf(text, end), columnOf(text, end));
    }

    private static int lineOf(String text, int offset) {
        int line = 0;
        for (int i = 0; i < offset; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) line++;
        }
        return line;
    }

    private static int columnOf(String text, int offset) {
        int start = offset;
        while (start > 0 && text.charAt(start - 1) != '\n' && text.charAt(start - 1) != '\r') start--;
        return offset - start;
    }
}
