package dev.routerls.rules.yamaha;

import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.Diagnostic;
import dev.routerls.testing.Fixture;
import dev.routerls.analysis.YamahaAnalyzer;

import java.util.List;

/** Runs a marked YAMAHA fixture through the analyzer and asserts one rule's findings. */
final class YamahaFixture {
    private YamahaFixture() {
    }

    static List<Diagnostic> assertRule(String ruleId, String marked) {
        Fixture f = Fixture.parse(marked);
        List<Diagnostic> d = new YamahaAnalyzer().analyze("file:///test.conf", f.text(), AnalysisSettings.DEFAULT).diagnostics();
        f.assertFindings(d, ruleId);
        return d;
    }
}
