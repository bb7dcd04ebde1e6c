package dev.routerls.yamaha;

import dev.routerls.analysis.YamahaAnalyzer;
import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.Severity;
import dev.routerls.core.TextDecoder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Real configs by others must analyse without failure; the samples show exactly the seed's problems. */
class YamahaCorpusAndSamplesTest {
    private static Path dir(String property, String sub) {
        String base = System.getProperty(property);
        return base == null ? null : Path.of(base).resolve(sub);
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void everyCorpusFileAnalysesWithoutInternalFailure() throws IOException {
        Path corpus = dir("routerls.sharedDir", "corpus/yamaha");
        dev.routerls.testing.Shared.require(corpus != null && Files.isDirectory(corpus), "../shared/corpus/yamaha");
        YamahaAnalyzer a = new YamahaAnalyzer();
        List<Path> all = files(corpus);
        assertFalse(all.isEmpty());
        for (Path f : all) {
            YamahaAnalyzer.Result r = a.analyze(f.toUri().toString(), TextDecoder.decode(Files.readAllBytes(f)),
                    AnalysisSettings.DEFAULT);
            assertTrue(r.diagnostics().stream().noneMatch(d -> d.ruleId().equals("routerls/internal")), f + ": " + r.diagnostics());
            assertFalse(r.lines().isEmpty());
        }
    }

    /**
     * Issue 7: real configs by others draw no error except where they were edited by hand: lines with a
     * template placeholder (an info there, never an error), and one test line of the vscode-yamahart sample
     * that lists `all` with other traps and the junk word `eee` (the router rejects both).
     */
    @Test
    void corpusHasNoErrorsButOnHandEditedLines() throws IOException {
        Path corpus = dir("routerls.sharedDir", "corpus/yamaha");
        dev.routerls.testing.Shared.require(corpus != null && Files.isDirectory(corpus), "../shared/corpus/yamaha");
        YamahaAnalyzer a = new YamahaAnalyzer();
        List<String> errors = new ArrayList<>();
        int lines = 0;
        for (Path f : files(corpus)) {
            String text = TextDecoder.decode(Files.readAllBytes(f));
            lines += text.split("\n", -1).length;
            for (Diagnostic d : a.analyze(f.toUri().toString(), text, AnalysisSettings.DEFAULT).diagnostics()) {
                if (d.severity() == Severity.ERROR) errors.add(f.getFileName() + ":" + (d.range().startLine() + 1) + " " + d.ruleId());
            }
        }
        assertTrue(lines > 800, "corpus lines: " + lines);
        assertEquals(List.of("vscode-yamahart-sample.rtx:240 yamaha/syntax", "vscode-yamahart-sample.rtx:240 yamaha/syntax"), errors);
    }

    @Test
    void samplesShowTheSeedProblemsAndNothingElseOfWarningLevel() throws IOException {
        Path samples = dir("routerls.projectDir", "samples/yamaha");
        assumeTrue(samples != null && Files.isDirectory(samples), "samples not available");
        Map<String, List<String>> expected = new TreeMap<>(Map.of(
                "clean-rtx830-pppoe-l2tp.conf", List.of(),
                "seed002-nvr500.conf", List.of(),
                "seed002-nvr510.conf", List.of("yamaha/nat-outer-proxy-arp@12"),
                "variant-mape-manual-port-range.conf", List.of("yamaha/mape-port-range@18"),
                "variant-pool-in-lan-without-proxyarp.conf", List.of("yamaha/subnet-overlap@8"),
                "variant-pp-anonymous-nat-nvr510.conf", List.of("yamaha/nat-backward-compatibility@12"),
                "variant-route-gateway-self.conf", List.of("yamaha/route-gateway-self@6"),
                "variant-static-nat-without-outer.conf", List.of("yamaha/nat-static-needs-outer@21"),
                "variant-template-id-mismatch.conf",
                List.of("yamaha/template-mismatch@16", "yamaha/template-mismatch@17", "yamaha/template-mismatch@22")));
        Map<String, List<String>> actual = new TreeMap<>();
        YamahaAnalyzer a = new YamahaAnalyzer();
        for (Path f : files(samples)) {
            List<String> found = new ArrayList<>();
            for (Diagnostic d : a.analyze(f.toUri().toString(), TextDecoder.decode(Files.readAllBytes(f)),
                    AnalysisSettings.DEFAULT).diagnostics()) {
                if (d.severity().atLeast(Severity.WARNING)) found.add(d.ruleId() + "@" + (d.range().startLine() + 1));
            }
            actual.put(f.getFileName().toString(), found);
        }
        assertEquals(expected, actual);
    }
}
