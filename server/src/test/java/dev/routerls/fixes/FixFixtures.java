package dev.routerls.fixes;

import dev.routerls.core.edit.DocumentEdits;
import dev.routerls.core.AnalysisSettings;
import dev.routerls.analysis.Analyzer;
import dev.routerls.core.SourceFile;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.Fix;
import dev.routerls.core.Severity;
import dev.routerls.core.TextEdit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Before/after checks of one rule's fix: analyse the documents, take the first finding of the rule,
 * apply its first fix, compare the texts with the expected ones, then analyse again: that rule's findings
 * are gone and no finding of warning or error level appeared that was not there before.
 */
final class FixFixtures {
    private FixFixtures() {
    }

    static Map<String, List<Diagnostic>> analyze(List<SourceFile> files, AnalysisSettings settings) {
        return new Analyzer().analyze(files, settings);
    }

    static Diagnostic firstFinding(Map<String, List<Diagnostic>> found, String ruleId) {
        return found.values().stream().flatMap(List::stream).filter(d -> d.ruleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + ruleId + " finding in " + found));
    }

    /** Applies {@code fix} to {@code files} and returns the new documents. */
    static List<SourceFile> apply(List<SourceFile> files, Fix fix) {
        Map<String, List<TextEdit>> byUri = new LinkedHashMap<>();
        for (TextEdit e : fix.edits()) byUri.computeIfAbsent(e.uri(), k -> new ArrayList<>()).add(e);
        List<SourceFile> out = new ArrayList<>();
        for (SourceFile f : files) {
            List<TextEdit> edits = byUri.remove(f.uri());
            out.add(edits == null ? f : new SourceFile(f.uri(), DocumentEdits.apply(f.text(), edits), f.language(), f.routerRoot()));
        }
        assertTrue(byUri.isEmpty(), "the fix edits documents that do not exist: " + byUri.keySet());
        return out;
    }

    /**
     * Runs the check and returns the fixed documents. {@code expected} maps URIs to their text after the
     * fix (documents not listed must stay unchanged).
     */
    static List<SourceFile> check(List<SourceFile> files, AnalysisSettings settings, String ruleId, String title,
                                  Map<String, String> expected) {
        Map<String, List<Diagnostic>> before = analyze(files, settings);
        Diagnostic d = firstFinding(before, ruleId);
        assertFalse(d.fixes().isEmpty(), "the finding offers no fix: " + d);
        Fix fix = d.fixes().get(0);
        if (title != null) assertTrue(fix.title().contains(title), fix.title());
        List<SourceFile> after = apply(files, fix);
        for (SourceFile f : after) {
            String want = expected.get(f.uri());
            String original = files.stream().filter(o -> o.uri().equals(f.uri())).findFirst().orElseThrow().text();
            assertEquals(want == null ? original : want, f.text(), "text of " + f.uri());
        }
        Map<String, List<Diagnostic>> again = analyze(after, settings);
        List<Diagnostic> left = again.values().stream().flatMap(List::stream)
                .filter(x -> x.ruleId().equals(ruleId) && x.message().equals(d.message())).toList();
        assertEquals(List.of(), left, "the finding is still there after its fix");
        Map<String, Long> old = serious(before);
        List<String> added = serious(again).entrySet().stream()
                .filter(e -> e.getValue() > old.getOrDefault(e.getKey(), 0L)).map(Map.Entry::getKey).toList();
        assertEquals(List.of(), added, "the fix introduced new warnings or errors: " + again);
        return after;
    }

    /** Findings of warning level and above, counted per rule (messages may mention the changed text). */
    private static Map<String, Long> serious(Map<String, List<Diagnostic>> found) {
        return found.values().stream().flatMap(List::stream).filter(d -> d.severity().atLeast(Severity.WARNING))
                .collect(Collectors.groupingBy(Diagnostic::ruleId, Collectors.counting()));
    }
}
