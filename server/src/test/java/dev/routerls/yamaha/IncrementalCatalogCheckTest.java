package dev.routerls.yamaha;

import dev.routerls.analysis.AnalysisSettings;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.SourceRange;
import dev.routerls.yamaha.catalog.CatalogFinding;
import dev.routerls.yamaha.catalog.CatalogToken;
import dev.routerls.yamaha.catalog.CommandCatalog;
import dev.routerls.yamaha.catalog.CommandChecker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A keystroke re-checks only the changed line against the catalog, and the findings after any edit are
 * exactly those of a fresh analysis of the new text (ranges of lines that moved included).
 */
class IncrementalCatalogCheckTest {
    /** Passes every call through to the real catalog and records the command lines it was asked about. */
    private static final class CountingChecker implements CommandChecker {
        final List<String> checked = new ArrayList<>();

        @Override
        public synchronized List<CatalogFinding> check(List<CatalogToken> words, String model, String revision) {
            checked.add(String.join(" ", words.stream().map(CatalogToken::text).toList()));
            return CommandCatalog.standard().check(words, model, revision);
        }
    }

    private static final String URI = "file:///edit.conf";
    private CountingChecker counting;
    private YamahaAnalyzer analyzer;
    private String text;

    @BeforeEach
    void openDocument() {
        StringBuilder b = new StringBuilder("# RTX830 Rev.15.02.20 (Mon Mar 13 10:00:00 2023)\n");
        b.append("ip lan1 address 192.168.100.1/24\n");
        for (int i = 1; i <= 300; i++) b.append("ip filter ").append(i).append(" pass * * tcp * ").append(1000 + i).append('\n');
        b.append("ip lan1 proxyarp maybe\n"); // a wrong keyword: a catalog finding that moves when lines are inserted
        b.append("frobnicate lan1\n");
        text = b.toString();
        counting = new CountingChecker();
        analyzer = new YamahaAnalyzer(counting);
        analyzer.analyze(URI, text, AnalysisSettings.DEFAULT);
        assertEquals(303, counting.checked.size(), "the first analysis checks every command line once");
        counting.checked.clear();
    }

    private List<Diagnostic> analyze(String edited) {
        return analyzer.analyze(URI, edited, AnalysisSettings.DEFAULT).diagnostics();
    }

    private static List<Diagnostic> fresh(String edited) {
        return new YamahaAnalyzer().analyze(URI, edited, AnalysisSettings.DEFAULT).diagnostics();
    }

    @Test
    void oneCharacterEditChecksOnlyThatLine() {
        String edited = text.replace("ip filter 150 pass * * tcp * 1150", "ip filter 150 pass * * tcx * 1150");
        List<Diagnostic> after = analyze(edited);
        assertEquals(List.of("ip filter 150 pass * * tcx * 1150"), counting.checked);
        assertEquals(fresh(edited), after);
    }

    @Test
    void unchangedTextChecksNothing() {
        List<Diagnostic> after = analyze(text);
        assertEquals(List.of(), counting.checked);
        assertEquals(fresh(text), after);
    }

    @Test
    void insertedLineIsTheOnlyCheckAndLaterFindingsMoveDown() {
        String edited = text.replace("ip lan1 address 192.168.100.1/24\n", "ip lan1 address 192.168.100.1/24\nip lan2 proxyarp on\n");
        List<Diagnostic> after = analyze(edited);
        assertEquals(List.of("ip lan2 proxyarp on"), counting.checked);
        assertEquals(fresh(edited), after);
        Diagnostic keyword = after.stream().filter(d -> d.message().contains("\"maybe\"")).findFirst().orElseThrow();
        assertEquals(SourceRange.of(303, 17, 22), keyword.range(), "the finding follows its line down by one");
    }

    @Test
    void changedHeaderModelReChecksEveryCommandLine() {
        String edited = text.replace("# RTX830 Rev.15.02.20", "# RTX1210 Rev.14.01.38");
        List<Diagnostic> after = analyze(edited);
        assertEquals(303, counting.checked.size(), "findings depend on the model, so all lines are checked again");
        assertEquals(fresh(edited), after);
    }
}
