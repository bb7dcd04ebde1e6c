package dev.routerls.cli;

import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.SourceFile;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.Severity;
import dev.routerls.core.edit.EncodedText;
import dev.routerls.analysis.FixEngine;
import dev.routerls.core.edit.LineDiff;
import dev.routerls.core.edit.OffsetEdit;
import dev.routerls.analysis.SecretMask;
import dev.routerls.rules.RuleInfo;
import dev.routerls.analysis.RuleRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code routerls fix}: apply the fixes rules offer (all, or those of the rules named with --rule), in up
 * to three passes with a re-analysis after each, write the changed files (or list the changes with
 * --dry-run), then report what was fixed and what is left. Files keep their charset and line endings:
 * the edits are spliced into the original bytes, and {@link FileUpdates} writes them atomically. Exit 0 when
 * no error-level finding is left, 1 when one is, 2 on a usage or I/O error (then no file is written).
 */
@Command(name = "fix", mixinStandardHelpOptions = true, description = "Apply the automatic fixes of the rules to YAMAHA and OpenWrt files (folders are walked).")
final class FixCommand implements Callable<Integer> {

    @Option(names = "--dry-run", description = "print the changes as a diff and change no file")
    boolean dryRun;

    @Option(names = "--rule", paramLabel = "ID", description = "apply only this rule's fixes (repeatable; default: every rule that has fixes)")
    List<String> rules;

    @Mixin
    AnalysisOptions analysis;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        if (analysis.paths == null || analysis.paths.isEmpty()) {
            err.println("routerls fix: name the files or folders to fix (routerls fix --help)");
            return 2;
        }
        Set<String> known = RuleRegistry.all().stream().map(RuleInfo::id).collect(Collectors.toSet());
        if (rules != null) {
            for (String r : rules) {
                if (!known.contains(r)) {
                    err.println("routerls fix: unknown rule '" + r + "' (routerls rules lists them)");
                    return 2;
                }
            }
        }
        FileCollector collector = new FileCollector();
        List<SourceFile> files;
        Map<String, EncodedText> originals = new LinkedHashMap<>();
        try {
            files = collector.collect(analysis.paths);
            for (SourceFile f : files) {
                if (!collector.requested(f.uri())) continue;
                EncodedText t = EncodedText.of(Files.readAllBytes(collector.path(f.uri())));
                // a file that changed since it was read, or that no charset reads exactly, is not edited
                if (t.writable() && t.text().equals(f.text())) originals.put(f.uri(), t);
            }
        } catch (IOException e) {
            err.println("routerls: " + e.getMessage());
            return 2;
        }
        AnalysisSettings settings;
        try {
            settings = analysis.settings();
        } catch (IOException e) {
            err.println("routerls: cannot read settings: " + e.getMessage());
            return 2;
        }
        FixEngine.Options options = new FixEngine.Options(
                rules == null ? r -> true : rules::contains, originals::containsKey, FixEngine.DEFAULT_PASSES);
        FixEngine.Outcome outcome = new FixEngine().run(files, settings, options);

        // replay every pass onto the original bytes before writing anything
        Map<String, EncodedText> fixed = new LinkedHashMap<>();
        for (Map.Entry<String, EncodedText> e : originals.entrySet()) {
            if (!outcome.changed(e.getKey())) continue;
            EncodedText t = e.getValue();
            try {
                for (Map<String, List<OffsetEdit>> pass : outcome.passes()) {
                    List<OffsetEdit> edits = pass.get(e.getKey());
                    if (edits != null) t = t.apply(edits);
                }
            } catch (CharacterCodingException ex) {
                err.println("routerls fix: " + collector.displayPath(e.getKey()) + ": the fixed text cannot be written in the file's "
                        + "charset (" + t.charset().name() + "); no file was changed");
                return 2;
            }
            fixed.put(e.getKey(), t);
        }
        Map<String, SourceFile> byUri = new LinkedHashMap<>();
        for (SourceFile f : files) byUri.put(f.uri(), f);
        if (dryRun) {
            for (Map.Entry<String, EncodedText> e : fixed.entrySet()) {
                SourceFile f = byUri.get(e.getKey());
                SecretMask before = SecretMask.of(f);
                SecretMask after = SecretMask.of(f.withText(e.getValue().text()));
                LineDiff.listing(collector.displayPath(f.uri()), before.lines(), after.lines()).forEach(out::println);
            }
        } else {
            List<FileUpdates.Change> changes = new ArrayList<>();
            for (Map.Entry<String, EncodedText> e : fixed.entrySet()) {
                changes.add(new FileUpdates.Change(collector.path(e.getKey()), collector.displayPath(e.getKey()),
                        originals.get(e.getKey()).bytes(), e.getValue().bytes()));
            }
            try {
                FileUpdates.apply(changes);
            } catch (FileUpdates.Refused ex) {
                err.println("routerls fix: " + ex.getMessage());
                return 2;
            } catch (IOException ex) {
                err.println("routerls fix: cannot write the fixed files (" + ex.getMessage() + "); no file was changed");
                return 2;
            }
        }
        report(outcome, collector, out);
        boolean errorsLeft = outcome.remaining().entrySet().stream()
                .filter(e -> collector.requested(e.getKey()))
                .flatMap(e -> e.getValue().stream())
                .anyMatch(d -> d.severity() == Severity.ERROR);
        return errorsLeft ? 1 : 0;
    }

    private void report(FixEngine.Outcome outcome, FileCollector collector, PrintStream out) {
        String verb = dryRun ? "would fix" : "fixed";
        // one line per fix: findings that shared one fix (a loop line, several uses of one setting) are counted
        Map<String, List<FixEngine.Applied>> byFix = new LinkedHashMap<>();
        for (FixEngine.Applied a : outcome.applied()) {
            byFix.computeIfAbsent(a.finding().uri() + "\u0000" + a.finding().ruleId() + "\u0000" + a.title(),
                    k -> new ArrayList<>()).add(a);
        }
        for (List<FixEngine.Applied> group : byFix.values()) {
            Diagnostic d = group.get(0).finding();
            out.printf("%s:%d:%d: %s %s: %s%s%n", collector.displayPath(d.uri()), d.range().startLine() + 1,
                    d.range().startColumn() + 1, verb, d.ruleId(), group.get(0).title(),
                    group.size() > 1 ? " (" + group.size() + " findings)" : "");
        }
        List<LintReport.FileResult> remaining = new ArrayList<>();
        for (Map.Entry<String, List<Diagnostic>> e : outcome.remaining().entrySet()) {
            if (!collector.requested(e.getKey()) || e.getValue().isEmpty()) continue;
            remaining.add(new LintReport.FileResult(collector.displayPath(e.getKey()), null, e.getValue().stream()
                    .sorted(Comparator.comparingInt((Diagnostic d) -> d.range().startLine())
                            .thenComparingInt(d -> d.range().startColumn()))
                    .toList()));
        }
        long files = outcome.passes().stream().flatMap(p -> p.keySet().stream()).distinct()
                .filter(collector::requested).count();
        out.printf("%d fix(es) %s in %d file(s)%s%n", byFix.size(), dryRun ? "to apply" : "applied", files,
                dryRun ? " (dry run: no file was changed)" : "");
        if (!remaining.isEmpty()) {
            out.println("remaining findings:");
            LintReport.printText(remaining, out);
        }
    }
}
