package dev.routerls.robustness;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.BeforeAll;
import dev.routerls.core.AnalysisSettings;
import dev.routerls.analysis.Analyzer;
import dev.routerls.core.SourceFile;
import dev.routerls.core.LanguageId;
import dev.routerls.core.TextDecoder;
import dev.routerls.openwrt.uci.UciFile;
import dev.routerls.openwrt.uci.UciOption;
import dev.routerls.openwrt.uci.UciProblem;
import dev.routerls.openwrt.uci.UciReader;
import dev.routerls.openwrt.uci.UciSection;

import java.util.List;
import java.util.Map;

/**
 * Coverage-guided fuzzing of the UCI reader and the UCI rules on a lone file: every section header, option,
 * value and problem keeps a range inside the document, reading is deterministic, and the findings (ranges,
 * registered rules, no planted secret) hold the common properties.
 */
class UciFuzzTest {
    private static final String[] PACKAGES = {"network", "firewall", "wireless", "dhcp", "system", "custom"};

    @BeforeAll
    static void seeds() {
        FuzzSeeds.install(UciFuzzTest.class, "uciFile", FuzzSeeds.uci());
    }

    @FuzzTest(maxDuration = "30s")
    void uciFile(FuzzedDataProvider data) {
        check(data);
    }

    static void check(FuzzedDataProvider data) {
        int pkg = data.consumeInt();
        check(pkg, PlantedSecret.plant(data, PlantedSecret.UCI, TextDecoder.decode(data.consumeRemainingAsBytes())));
    }

    /** {@code pkg} picks the file name (modulo), {@code planted} is its text. */
    static void check(int pkg, PlantedSecret planted) {
        String uri = "file:///fuzz/etc/config/" + PACKAGES[Math.floorMod(pkg, PACKAGES.length)];
        String text = planted.text();
        UciFile file = UciReader.read(uri, text);
        // the planted line is an option of its own (not inside another value's open quote, not a continued line)
        List<String> secrets = planted.secretsIf(ownOption(file, text, planted.line()));
        FuzzChecks.same(describe(file), describe(UciReader.read(uri, text)), "UCI read");
        for (UciSection s : file.sections()) {
            for (UciSection.Header h : s.headers()) FuzzChecks.inside(h.range(), text, "section header");
            for (UciOption o : s.options()) {
                FuzzChecks.inside(o.range(), text, "option " + o.name());
                FuzzChecks.inside(o.nameRange(), text, "option name " + o.name());
                FuzzChecks.inside(o.value().range(), text, "value of " + o.name());
            }
        }
        for (UciProblem p : file.problems()) {
            FuzzChecks.inside(p.range(), text, "problem");
            if (!secrets.isEmpty() && p.message().contains(planted.secret())) {
                throw new AssertionError("UCI problem quotes a secret: " + p.message());
            }
        }
        Map<String, List<dev.routerls.core.Diagnostic>> found = new Analyzer().analyze(
                List.of(new SourceFile(uri, text, LanguageId.OPENWRT_UCI, null)), AnalysisSettings.DEFAULT);
        FuzzChecks.findings(found, Map.of(uri, text), secrets);
    }

    /** True when line {@code line} of {@code text} reads as one option of its own (not inside another value's open quote). */
    static boolean ownOption(UciFile file, String text, int line) {
        return text.indexOf('\r') < 0 && file.sections().stream().flatMap(s -> s.options().stream())
                .anyMatch(o -> o.range().startLine() == line && o.range().endLine() == line);
    }

    /** What a read produced, as comparable text. */
    private static String describe(UciFile f) {
        StringBuilder sb = new StringBuilder();
        for (UciSection s : f.sections()) {
            sb.append(s).append(s.headers()).append('\n');
            for (UciOption o : s.options()) sb.append(o).append('\n');
        }
        return sb.append(f.problems()).toString();
    }
}
