package dev.routerls.cli;

import dev.routerls.analysis.Analyzer;
import dev.routerls.analysis.RouterLocator;
import dev.routerls.analysis.RuleRegistry;
import dev.routerls.analysis.SecretMask;
import dev.routerls.analysis.Suppressions;
import dev.routerls.analysis.YamahaAnalyzer;
import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.LanguageId;
import dev.routerls.core.LineIndex;
import dev.routerls.core.SourceFile;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lints many files on all cores: each unit (a file, or an OpenWrt router's files) is read, analysed with
 * the settings that govern it, and turned into report entries by one worker, which then drops the texts,
 * so memory stays bounded by the units in flight. The report lists files in the order they were named
 * and walked, whatever order the workers finish in.
 */
final class BatchLinter {
    /** By start line, start column, rule id; a plain method, not a chain of comparator lambdas to link at start-up. */
    private static final Comparator<Diagnostic> BY_POSITION = BatchLinter::byPosition;

    private static int byPosition(Diagnostic a, Diagnostic b) {
        int c = Integer.compare(a.range().startLine(), b.range().startLine());
        if (c == 0) c = Integer.compare(a.range().startColumn(), b.range().startColumn());
        return c != 0 ? c : a.ruleId().compareTo(b.ruleId());
    }

    private final FileCollector collector;
    private final ConfigResolver configs;
    private final Map<Path, String> stdin;
    private final int threads;
    private final PrintStream progress;
    private final boolean fingerprints;
    private final Path workDir = Path.of("").toAbsolutePath().normalize();
    private final ThreadLocal<Analyzer> analyzers = ThreadLocal.withInitial(Analyzer::readingEachOnce);

    /**
     * @param stdin    texts to lint instead of the file at that path (--stdin)
     * @param progress     where to keep a progress line, or null for none
     * @param fingerprints whether findings get their fingerprints (for a baseline or a format that prints
     *                     them); without, {@link LintResult.Finding#fingerprint} is null
     */
    BatchLinter(FileCollector collector, ConfigResolver configs, Map<Path, String> stdin, int threads, PrintStream progress,
                boolean fingerprints) {
        this.collector = collector;
        this.configs = configs;
        this.stdin = stdin;
        this.threads = Math.max(1, threads);
        this.progress = progress;
        this.fingerprints = fingerprints;
    }

    LintResult run(List<FileCollector.Unit> units) throws IOException, ConfigFile.Invalid {
        List<List<LintResult.FileReport>> perUnit = new ArrayList<>();
        if (units.size() <= 1 || threads == 1) {
            for (FileCollector.Unit u : units) perUnit.add(lint(u));
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, units.size()), r -> {
                Thread t = new Thread(r, "routerls-lint");
                t.setDaemon(true);
                return t;
            });
            AtomicInteger done = new AtomicInteger();
            try {
                List<Future<List<LintResult.FileReport>>> futures = new ArrayList<>();
                for (FileCollector.Unit u : units) {
                    futures.add(pool.submit(() -> {
                        List<LintResult.FileReport> r = lint(u);
                        showProgress(done.incrementAndGet(), units.size());
                        return r;
                    }));
                }
                for (Future<List<LintResult.FileReport>> f : futures) perUnit.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) throw io;
                if (e.getCause() instanceof ConfigFile.Invalid inv) throw inv;
                if (e.getCause() instanceof UncheckedIOException u) throw u.getCause();
                if (e.getCause() instanceof RuntimeException r) throw r;
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
                if (progress != null) progress.print("\r\u001b[K");
            }
        }
        List<LintResult.FileReport> files = new ArrayList<>();
        perUnit.forEach(files::addAll);
        return new LintResult(files, RuleRegistry.all(), workDir.toUri().toString());
    }

    private void showProgress(int done, int total) {
        if (progress == null) return;
        synchronized (progress) {
            progress.print("\rrouterls: " + done + "/" + total + " checked");
            progress.flush();
        }
    }

    private List<LintResult.FileReport> lint(FileCollector.Unit unit) throws IOException, ConfigFile.Invalid {
        List<SourceFile> files = new ArrayList<>();
        List<SourceFile> asked = new ArrayList<>();
        for (Path p : unit.named()) {
            SourceFile f = collector.read(p, true, stdin.get(p));
            if (f == null) continue;
            files.add(f);
            asked.add(f);
        }
        if (asked.isEmpty()) return List.of();
        if (unit.routerRoot() != null) {
            List<String> named = files.stream().map(SourceFile::uri).toList();
            for (Path sibling : RouterLocator.routerFiles(unit.routerRoot())) {
                if (named.contains(FileCollector.uriOf(sibling))) continue;
                SourceFile f = collector.read(sibling, false, null);
                if (f != null) files.add(f);
            }
        }
        Optional<ConfigFile> config = configs.configOf(unit.routerRoot() != null ? unit.routerRoot() : unit.named().get(0));
        AnalysisSettings settings = configs.settings(config);
        Analyzer analyzer = analyzers.get();
        Map<String, YamahaAnalyzer.Result> yamaha = new HashMap<>();
        Map<String, Suppressions.Result> results = analyzer.analyzeDetailed(files, settings, f -> {
            YamahaAnalyzer.Result r = analyzer.yamaha().analyze(f.uri(), f.text(), settings);
            yamaha.put(f.uri(), r);
            return r;
        });
        List<LintResult.FileReport> out = new ArrayList<>();
        for (SourceFile f : asked) {
            Suppressions.Result r = results.getOrDefault(f.uri(), Suppressions.Result.EMPTY);
            out.add(report(f, r, yamaha.get(f.uri())));
        }
        return out;
    }

    private LintResult.FileReport report(SourceFile f, Suppressions.Result r, YamahaAnalyzer.Result yamaha) {
        Path path = collector.path(f.uri());
        String relative = relative(path);
        List<LintResult.Finding> findings = new ArrayList<>();
        List<LintResult.Finding> suppressed = new ArrayList<>();
        if (!r.kept().isEmpty() || !r.suppressed().isEmpty()) {
            SecretMask mask = f.language() == LanguageId.YAMAHA_RTX && yamaha != null
                    ? SecretMask.of(yamaha, f.text()) : SecretMask.of(f);
            LineIndex original = yamaha != null && yamaha.document().index().text().equals(f.text())
                    ? yamaha.document().index() : new LineIndex(f.text());
            Fingerprints fingerprints = this.fingerprints ? new Fingerprints(relative) : null;
            for (Diagnostic d : r.kept().stream().sorted(BY_POSITION).toList()) {
                findings.add(finding(d, null, mask, original, fingerprints));
            }
            for (Suppressions.Suppressed s : r.suppressed()) {
                suppressed.add(finding(s.finding(), s.reason(), mask, original, fingerprints));
            }
        }
        return new LintResult.FileReport(collector.displayPath(f.uri()), relative, f.language(), findings, suppressed);
    }

    private static LintResult.Finding finding(Diagnostic d, String suppression, SecretMask mask, LineIndex original,
                                              Fingerprints fingerprints) {
        int line = d.range().startLine();
        // a line no parser could read may start with a secret: neither quoted nor fingerprinted
        String masked = line >= 0 && line < mask.lineCount() && !mask.unreadable(line) ? mask.line(line) : null;
        boolean caret = false;
        if (masked != null) {
            String plain = original.line(line);
            int to = d.range().endLine() == line ? d.range().endColumn() : plain.length();
            caret = to <= plain.length() && to <= masked.length() && masked.regionMatches(0, plain, 0, to);
        }
        return new LintResult.Finding(d, fingerprints == null ? null : fingerprints.of(d, masked), masked, caret, suppression);
    }

    private String relative(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        Path rel = abs.startsWith(workDir) ? workDir.relativize(abs) : abs;
        return rel.toString().replace('\\', '/');
    }
}
