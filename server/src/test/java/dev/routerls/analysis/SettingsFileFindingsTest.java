package dev.routerls.analysis;

import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.LanguageId;
import dev.routerls.core.Severity;
import dev.routerls.core.SourceFile;
import dev.routerls.core.SourceRange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@code .routerls.json} analysed like any file: its mistakes are findings of the registered settings rules,
 * each at its place, and its own settings can re-grade or silence them.
 */
class SettingsFileFindingsTest {
    private static final String URI = "file:///site/.routerls.json";

    private static List<Diagnostic> analyze(String text, AnalysisSettings settings) {
        return new Analyzer().analyze(List.of(new SourceFile(URI, text, LanguageId.UNKNOWN, null)), settings)
                .getOrDefault(URI, List.of());
    }

    @Test
    void eachIgnoredEntryIsAWarningAtItsPlace() {
        List<Diagnostic> found = analyze("{\n  \"rules\": {\n    \"yamaha/subnet-overlaps\": \"off\",\n    \"yamaha/limit\": \"loud\"\n  }\n}\n",
                AnalysisSettings.DEFAULT);
        assertEquals(List.of("routerls/settings", "routerls/settings"), found.stream().map(Diagnostic::ruleId).toList());
        assertTrue(found.stream().allMatch(d -> d.severity() == Severity.WARNING), found.toString());
        assertEquals(SourceRange.of(2, 4, 28), found.get(0).range());
        assertTrue(found.get(0).message().contains("Did you mean 'yamaha/subnet-overlap'?"), found.get(0).message());
        assertEquals(SourceRange.of(3, 20, 26), found.get(1).range());
    }

    @Test
    void aFileThatIsNotJsonIsOneError() {
        List<Diagnostic> found = analyze("{ \"rules\": { \"yamaha/limit\": \"off\", } }\n", AnalysisSettings.DEFAULT);
        assertEquals(1, found.size(), found.toString());
        assertEquals("routerls/settings-syntax", found.get(0).ruleId());
        assertEquals(Severity.ERROR, found.get(0).severity());
    }

    @Test
    void theSettingsInForceReGradeOrSilenceTheRule() {
        String text = "{ \"rules\": { \"routerls/settings\": \"info\", \"yamaha/nope\": \"off\" } }\n";
        AnalysisSettings own = SettingsReader.combine(SettingsReader.readText(text));
        assertEquals(Severity.INFO, analyze(text, own).get(0).severity());
        String off = "{ \"rules\": { \"routerls/settings\": \"off\", \"yamaha/nope\": \"off\" } }\n";
        assertEquals(List.of(), analyze(off, SettingsReader.combine(SettingsReader.readText(off))));
    }

    @Test
    void otherJsonFilesAreNotSettings() {
        assertEquals(List.of(), new Analyzer().analyze(List.of(new SourceFile("file:///site/other.json",
                "{ \"rules\": { \"yamaha/nope\": \"off\" } }", LanguageId.UNKNOWN, null)), AnalysisSettings.DEFAULT)
                .get("file:///site/other.json"));
    }
}
