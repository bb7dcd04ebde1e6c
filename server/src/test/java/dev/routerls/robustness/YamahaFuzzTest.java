package dev.routerls.robustness;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.BeforeAll;
import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.TextDecoder;
import dev.routerls.yamaha.ConfigLine;
import dev.routerls.analysis.YamahaAnalyzer;
import dev.routerls.yamaha.catalog.CommandCatalog;

/**
 * Coverage-guided fuzzing of the YAMAHA reader, model builder and rules (with the command catalog):
 * a config the fuzzer writes, with a planted secret line, analysed twice (two documents, so one run may
 * reuse parsed lines the other parses afresh). Findings lie inside the document, name registered rules,
 * never quote the secret, and both runs agree; every logical line keeps a range inside the document.
 */
class YamahaFuzzTest {
    private static final String[] MODELS = {null, "RTX830", "NVR510", "RTX1210", "RTX5000", "vRX"};
    private static final YamahaAnalyzer ANALYZER = new YamahaAnalyzer(CommandCatalog.standard());

    @BeforeAll
    static void seeds() {
        FuzzSeeds.install(YamahaFuzzTest.class, "yamahaConfig", FuzzSeeds.yamaha());
    }

    @FuzzTest(maxDuration = "30s")
    void yamahaConfig(FuzzedDataProvider data) {
        check(data);
    }

    static void check(FuzzedDataProvider data) {
        int model = data.consumeInt();
        PlantedSecret planted = PlantedSecret.plant(data, PlantedSecret.YAMAHA, TextDecoder.decode(data.consumeRemainingAsBytes()));
        check(model, planted);
    }

    /** {@code model} picks the model setting (modulo), {@code planted} is the config. */
    static void check(int model, PlantedSecret planted) {
        AnalysisSettings settings = AnalysisSettings.DEFAULT.withModel(MODELS[Math.floorMod(model, MODELS.length)]);
        String text = planted.text();
        YamahaAnalyzer.Result first = ANALYZER.analyze("file:///fuzz/a.conf", text, settings);
        YamahaAnalyzer.Result second = ANALYZER.analyze("file:///fuzz/b.conf", text, settings);
        // a lone CR before it, or a terminal-wrapped line joined with it, makes the planted line part of another
        boolean ownLine = first.lineAt(planted.line()).filter(l -> l.firstLine() == planted.line() && l.lastLine() == planted.line())
                .isPresent() && text.indexOf('\r') < 0;
        FuzzChecks.findings(first.diagnostics(), "file:///fuzz/a.conf", text, planted.secretsIf(ownLine));
        FuzzChecks.same(first.diagnostics().toString(), second.diagnostics().toString().replace("file:///fuzz/b.conf", "file:///fuzz/a.conf"),
                "YAMAHA findings");
        for (ConfigLine l : first.lines()) {
            FuzzChecks.inside(l.positions().range(0, l.parsed().text().length()), text, "logical line " + (l.firstLine() + 1));
            for (int w = 0; w < l.parsed().wordCount(); w++) {
                FuzzChecks.inside(l.positions().range(l.parsed().word(w)), text, "word " + w + " of line " + (l.firstLine() + 1));
            }
        }
    }
}
