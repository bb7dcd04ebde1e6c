package dev.routerls.rules.openwrt;

import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.SourceFile;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.LanguageId;
import dev.routerls.analysis.OpenWrtAnalyzer;
import dev.routerls.testing.Fixture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs the OpenWrt analyzer over a router made of marked-up fixture files and checks one rule's findings. */
final class UciRuleFixtures {
    private UciRuleFixtures() {
    }

    /** {@code files} maps a package name to marked fixture text; returns all diagnostics. */
    static List<Diagnostic> assertRouter(String ruleId, Map<String, String> files) {
        Map<String, Fixture> fixtures = new LinkedHashMap<>();
        List<SourceFile> sources = new ArrayList<>();
        for (Map.Entry<String, String> e : files.entrySet()) {
            Fixture fx = Fixture.parse(e.getValue());
            String uri = "file:///r/etc/config/" + e.getKey();
            fixtures.put(uri, fx);
            sources.add(new SourceFile(uri, fx.text(), LanguageId.OPENWRT_UCI, "file:///r/etc"));
        }
        Map<String, List<Diagnostic>> result = new OpenWrtAnalyzer().analyze(sources, AnalysisSettings.DEFAULT);
        List<Diagnostic> all = new ArrayList<>();
        for (Map.Entry<String, Fixture> e : fixtures.entrySet()) {
            List<Diagnostic> here = result.getOrDefault(e.getKey(), List.of());
            e.getValue().assertFindings(here, ruleId);
            all.addAll(here);
        }
        return all;
    }

    static List<Diagnostic> assertFile(String ruleId, String pkg, String marked) {
        return assertRouter(ruleId, Map.of(pkg, marked));
    }
}
