package dev.routerls.cli;

import dev.routerls.core.AnalysisSettings;
import dev.routerls.analysis.Analyzer;
import dev.routerls.core.SourceFile;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code routerls lint}: analyse files and folders, print findings, exit by the worst one. */
@Command(name = "lint", description = "Lint YAMAHA and OpenWrt configuration files (folders are walked).")
final class LintCommand implements Callable<Integer> {

    /** The output formats, one list for validation, completion and the tests that check every format. */
    static final class Formats extends java.util.ArrayList<String> {
        Formats() {
            super(List.of("text", "json"));
        }
    }

    @Option(names = "--format", defaultValue = "text", completionCandidates = Formats.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--fail-on", defaultValue = "error",
            description = "exit 1 when a finding reaches this severity: error, warning, info, hint or none (default: ${DEFAULT-VALUE})")
    String failOn;

    @Mixin
    AnalysisOptions analysis;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (!new Formats().contains(format)) {
            System.err.println("routerls: --format must be one of " + String.join(", ", new Formats()) + ", not '" + format + "'");
            return 2;
        }
        Severity threshold;
        if (failOn.equalsIgnoreCase("none")) {
            threshold = null;
        } else {
            try {
                threshold = Severity.parse(failOn);
            } catch (IllegalArgumentException e) {
                System.err.println("routerls: --fail-on must be error, warning, info, hint or none, not '" + failOn + "'");
                return 2;
            }
        }
        List<SourceFile> files;
        FileCollector collector = new FileCollector();
        try {
            files = collector.collect(analysis.paths);
        } catch (IOException e) {
            System.err.println("routerls: " + e.getMessage());
            return 2;
        }
        AnalysisSettings settings;
        try {
            settings = analysis.settings();
        } catch (IOException e) {
            System.err.println("routerls: cannot read settings: " + e.getMessage());
            return 2;
        }
        Map<String, List<Diagnostic>> results = new Analyzer().analyze(files, settings);
        List<LintReport.FileResult> report = files.stream()
                .filter(f -> collector.requested(f.uri()))
                .map(f -> new LintReport.FileResult(collector.displayPath(f.uri()), f.language(),
                        results.getOrDefault(f.uri(), List.of()).stream()
                                .sorted(Comparator.comparingInt((Diagnostic d) -> d.range().startLine())
                                        .thenComparingInt(d -> d.range().startColumn()))
                                .toList()))
                .toList();
        if (format.equals("json")) {
            out.println(LintReport.toJson(report));
        } else {
            LintReport.printText(report, out);
        }
        boolean failed = threshold != null && report.stream()
                .flatMap(f -> f.diagnostics().stream())
                .anyMatch(d -> d.severity().atLeast(threshold));
        return failed ? 1 : 0;
    }
}
