package dev.routerls.analysis;

import dev.routerls.core.edit.DocumentEdits;
import dev.routerls.core.edit.OffsetEdit;
import dev.routerls.core.AnalysisSettings;
import dev.routerls.analysis.Analyzer;
import dev.routerls.core.SourceFile;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.Fix;
import dev.routerls.core.TextEdit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Applies the fixes rules attach to their findings, pass by pass: analyse, take each finding's first fix
 * unless its edits conflict with a fix already taken in this pass (it then waits for the next pass, after
 * re-analysis, when it is recomputed against the new text), apply, analyse again. Stops when a pass
 * applies nothing or after {@code maxPasses}. A fix that was applied once and is offered again (its
 * finding did not go away) is not applied twice. The same engine serves {@code routerls fix} and tests;
 * it never reads or writes files.
 */
public final class FixEngine {
    public static final int DEFAULT_PASSES = 3;

    /** What a run may touch: the rules whose fixes to apply, the documents it may edit, how many passes. */
    public record Options(Predicate<String> ruleSelected, Predicate<String> editable, int maxPasses) {
        public static Options all() {
            return new Options(r -> true, u -> true, DEFAULT_PASSES);
        }
    }

    /** One fix that was applied: the finding it fixed, its title, the pass (1-based) and its edits. */
    public record Applied(Diagnostic finding, String title, int pass, List<TextEdit> edits) {
    }

    /**
     * The result: the final text of every document, the edits of each pass per document (resolved against
     * that pass's text, in order, so they can be replayed onto the file bytes), the fixes applied, the
     * findings left after the last analysis, and fixes that could not be applied (conflicts with edits
     * taken before in the last pass, edits of documents outside the run, or a fix that did not remove
     * its finding).
     */
    public record Outcome(Map<String, String> texts, List<Map<String, List<OffsetEdit>>> passes, List<Applied> applied,
                          Map<String, List<Diagnostic>> remaining, List<Diagnostic> notApplied) {
        public boolean changed(String uri) {
            return passes.stream().anyMatch(p -> p.containsKey(uri));
        }
    }

    private final Analyzer analyzer;

    public FixEngine(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    public FixEngine() {
        this(new Analyzer());
    }

    public Outcome run(List<SourceFile> files, AnalysisSettings settings, Options options) {
        Map<String, SourceFile> current = new LinkedHashMap<>();
        for (SourceFile f : files) current.put(f.uri(), f);
        List<Map<String, List<OffsetEdit>>> passes = new ArrayList<>();
        List<Applied> applied = new ArrayList<>();
        Set<String> done = new HashSet<>();
        List<Diagnostic> notApplied = new ArrayList<>();
        Map<String, List<Diagnostic>> findings = analyzer.analyze(List.copyOf(current.values()), settings);
        for (int pass = 1; pass <= options.maxPasses(); pass++) {
            notApplied.clear();
            Map<String, List<TextEdit>> taken = new LinkedHashMap<>();
            Map<List<TextEdit>, Boolean> decided = new java.util.HashMap<>();
            List<Applied> thisPass = new ArrayList<>();
            for (Diagnostic d : candidates(findings, options)) {
                Fix fix = d.fixes().get(0);
                Boolean before = decided.get(fix.edits());
                if (before != null) {
                    // the same edits offered by another finding (one insertion fixing several uses)
                    if (before) thisPass.add(new Applied(d, fix.title(), pass, fix.edits()));
                    else notApplied.add(d);
                    continue;
                }
                decided.put(fix.edits(), false);
                String key = d.ruleId() + "\u0000" + d.uri() + "\u0000" + fix.title();
                if (done.contains(key) || !fix.edits().stream().allMatch(e -> current.containsKey(e.uri())
                        && options.editable().test(e.uri()))) {
                    notApplied.add(d);
                    continue;
                }
                if (!fitsWith(current, taken, fix.edits())) {
                    notApplied.add(d);
                    continue;
                }
                for (TextEdit e : fix.edits()) taken.computeIfAbsent(e.uri(), k -> new ArrayList<>()).add(e);
                decided.put(fix.edits(), true);
                thisPass.add(new Applied(d, fix.title(), pass, fix.edits()));
            }
            if (taken.isEmpty()) break;
            Map<String, List<OffsetEdit>> resolved = new LinkedHashMap<>();
            for (Map.Entry<String, List<TextEdit>> e : taken.entrySet()) {
                SourceFile f = current.get(e.getKey());
                List<OffsetEdit> r = DocumentEdits.resolve(f.text(), e.getValue());
                resolved.put(e.getKey(), r);
                current.put(f.uri(), f.withText(DocumentEdits.applyResolved(f.text(), r)));
            }
            for (Applied a : thisPass) {
                done.add(a.finding().ruleId() + "\u0000" + a.finding().uri() + "\u0000" + a.title());
            }
            passes.add(resolved);
            applied.addAll(thisPass);
            findings = analyzer.analyze(List.copyOf(current.values()), settings);
        }
        if (passes.size() == options.maxPasses()) {
            // fixes still offered after the last pass were not applied
            notApplied.clear();
            notApplied.addAll(candidates(findings, options));
        }
        Map<String, String> texts = new LinkedHashMap<>();
        current.forEach((uri, f) -> texts.put(uri, f.text()));
        return new Outcome(texts, passes, applied, findings, List.copyOf(notApplied));
    }

    /** Findings with a fix, of selected rules, in editable documents, in document order. */
    private static List<Diagnostic> candidates(Map<String, List<Diagnostic>> findings, Options options) {
        List<Diagnostic> out = new ArrayList<>();
        for (Map.Entry<String, List<Diagnostic>> e : findings.entrySet()) {
            if (!options.editable().test(e.getKey())) continue;
            e.getValue().stream()
                    .filter(d -> !d.fixes().isEmpty() && options.ruleSelected().test(d.ruleId()))
                    .sorted(Comparator.comparingInt((Diagnostic d) -> d.range().startLine())
                            .thenComparingInt(d -> d.range().startColumn()))
                    .forEach(out::add);
        }
        return out;
    }

    private static boolean fitsWith(Map<String, SourceFile> current, Map<String, List<TextEdit>> taken, List<TextEdit> edits) {
        Map<String, List<TextEdit>> byUri = new LinkedHashMap<>();
        for (TextEdit e : edits) byUri.computeIfAbsent(e.uri(), k -> new ArrayList<>()).add(e);
        for (Map.Entry<String, List<TextEdit>> e : byUri.entrySet()) {
            String text = current.get(e.getKey()).text();
            if (!DocumentEdits.compatible(text, taken.getOrDefault(e.getKey(), List.of()), e.getValue())) return false;
        }
        return true;
    }
}
