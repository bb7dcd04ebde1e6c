package dev.routerls.yamaha;

import dev.routerls.analysis.YamahaAnalyzer;
import dev.routerls.core.AnalysisSettings;
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

    /**
     * Replaces {@code from} by {@code to}, re-analyses, and checks that the catalog saw exactly the
     * {@code checked} lines and that the findings equal those of a fresh analyzer on the new text.
     */
    private List<Diagnostic> edit(String from, String to, List<String> checked) {
        String edited = text.replace(from, to);
        List<Diagnostic> after = analyzer.analyze(URI, edited, AnalysisSettings.DEFAULT).diagnostics();
        assertEquals(checked, counting.checked);
        assertEquals(new YamahaAnalyzer().analyze(URI, edited, AnalysisSettings.DEFAULT).diagnostics(), after);
        return after;
    }

    @Test
    void oneCharacterEditChecksOnlyThatLine() {
        edit("ip filter 150 pass * * tcp * 1150", "ip filter 150 pass * * tcx * 1150", List.of("ip filter 150 pass * * tcx * 1150"));
    }

    @Test
    void unchangedTextChecksNothing() {
        edit("", "", List.of());
    }

    @Test
    void insertedLineIsTheOnlyCheckAndLaterFindingsMoveDown() {
        List<Diagnostic> after = edit("ip lan1 address 192.168.100.1/24\n", "ip lan1 address 192.168.100.1/24\nip lan2 proxyarp on\n",
                List.of("ip lan2 proxyarp on"));
        Diagnostic keyword = after.stream().filter(d -> d.message().contains("\"maybe\"")).findFirst().orElseThrow();
        assertEquals(SourceRange.of(303, 17, 22), keyword.range(), "the finding follows its line down by one");
    }

    @Test
    void changedHeaderModelReChecksEveryCommandLine() {
        // findings depend on the model, so every command line is checked again (in document order)
        List<String> all = new ArrayList<>(List.of("ip lan1 address 192.168.100.1/24"));
        for (int i = 1; i <= 300; i++) all.add("ip filter " + i + " pass * * tcp * " + (1000 + i));
        all.addAll(List.of("ip lan1 proxyarp maybe", "frobnicate lan1"));
        edit("# RTX830 Rev.15.02.20", "# RTX1210 Rev.14.01.38", all);
    }
}
