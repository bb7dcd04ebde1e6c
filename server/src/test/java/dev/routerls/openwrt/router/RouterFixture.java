package dev.routerls.openwrt.router;

import dev.routerls.core.AnalysisSettings;
import dev.routerls.analysis.LanguageDetector;
import dev.routerls.core.SourceFile;
import dev.routerls.core.Diagnostic;
import dev.routerls.analysis.OpenWrtAnalyzer;
import dev.routerls.testing.Fixture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A router made of several marked files (each a {@link Fixture}), keyed by their path under
 * {@code etc/} (e.g. {@code config/network}, {@code firewall.user}). Analyses them together and checks
 * each file's findings against its own markers.
 */
public final class RouterFixture {
    public static final String ROOT = "file:///router/etc/";

    private final Map<String, Fixture> files = new LinkedHashMap<>();

    private RouterFixture() {
    }

    /** Pairs of path and marked text. */
    public static RouterFixture of(String... pathAndText) {
        RouterFixture r = new RouterFixture();
        for (int i = 0; i + 1 < pathAndText.length; i += 2) r.files.put(pathAndText[i], Fixture.parse(pathAndText[i + 1]));
        return r;
    }

    public List<SourceFile> sourceFiles() {
        List<SourceFile> out = new ArrayList<>();
        for (Map.Entry<String, Fixture> e : files.entrySet()) {
            String uri = ROOT + e.getKey();
            out.add(new SourceFile(uri, e.getValue().text(), LanguageDetector.detect(uri, e.getValue().text()), ROOT));
        }
        return out;
    }

    public Map<String, List<Diagnostic>> analyze(AnalysisSettings settings) {
        return new OpenWrtAnalyzer().analyze(sourceFiles(), settings);
    }

    public Router router(AnalysisSettings settings) {
        return new OpenWrtAnalyzer().read(sourceFiles(), settings);
    }

    public void assertFindings(String ruleIdOrPrefix) {
        assertFindings(ruleIdOrPrefix, AnalysisSettings.DEFAULT);
    }

    /** Every file's findings of the rule are exactly its markers; no other document gets any. */
    public void assertFindings(String ruleIdOrPrefix, AnalysisSettings settings) {
        Map<String, List<Diagnostic>> all = analyze(settings);
        for (Map.Entry<String, Fixture> e : files.entrySet()) {
            e.getValue().assertFindings(all.getOrDefault(ROOT + e.getKey(), List.of()), ruleIdOrPrefix);
        }
        List<Diagnostic> stray = all.entrySet().stream()
                .filter(e -> !files.containsKey(e.getKey().substring(Math.min(ROOT.length(), e.getKey().length()))))
                .flatMap(e -> e.getValue().stream())
                .filter(d -> ruleIdOrPrefix.endsWith("/") ? d.ruleId().startsWith(ruleIdOrPrefix) : d.ruleId().equals(ruleIdOrPrefix))
                .toList();
        assertEquals(List.of(), stray.stream().map(d -> d.uri() + " " + d.message()).collect(Collectors.toList()));
    }
}
