package dev.routerls.robustness;

import dev.routerls.core.Diagnostic;
import dev.routerls.core.Fix;
import dev.routerls.core.LineIndex;
import dev.routerls.core.SourceRange;
import dev.routerls.core.TextEdit;
import dev.routerls.rules.RuleInfo;
import dev.routerls.analysis.RuleRegistry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The properties every fuzz target asserts about findings, beyond "nothing threw": each finding lies
 * inside its document, names a registered rule, is no internal failure, and quotes none of the secrets the
 * target planted; the same input gives the same findings. A violation fails with every problem listed.
 */
final class FuzzChecks {
    /** Every rule id a finding may carry. */
    static final Set<String> RULE_IDS = RuleRegistry.all().stream().map(RuleInfo::id).collect(Collectors.toUnmodifiableSet());

    private FuzzChecks() {
    }

    /** Findings per document URI over {@code documents} (URI to text); fails on the first broken property. */
    static void findings(Map<String, List<Diagnostic>> byUri, Map<String, String> documents, Collection<String> secrets) {
        List<String> problems = new ArrayList<>();
        byUri.forEach((uri, ds) -> {
            problems.addAll(DocumentChecks.problems(ds, documents, uri));
            for (Diagnostic d : ds) {
                if (!RULE_IDS.contains(d.ruleId())) problems.add("finding of an unregistered rule " + d.ruleId());
                for (Fix f : d.fixes()) {
                    for (TextEdit e : f.edits()) {
                        String text = documents.get(e.uri());
                        if (text == null) {
                            problems.add(d.ruleId() + " fix edits a document that was not analysed: " + e.uri());
                            continue;
                        }
                        LineIndex lines = new LineIndex(text);
                        // an insertion at the start of the line after the last one adds a last line (DocumentEdits)
                        boolean newLastLine = e.range().startLine() == lines.lineCount() && e.range().startColumn() == 0
                                && e.range().endLine() == e.range().startLine() && e.range().endColumn() == 0;
                        String why = newLastLine ? null : DocumentChecks.outside(e.range(), lines);
                        if (why != null) problems.add(d.ruleId() + " fix edit at " + e.range() + ": " + why);
                    }
                }
            }
            problems.addAll(leaks(ds, secrets));
        });
        if (!problems.isEmpty()) throw new AssertionError(String.join("\n", problems) + "\n" + shown(documents));
    }

    /** The documents of a failing input, escaped and cut short, so the failure can be read without a debugger. */
    static String shown(Map<String, String> documents) {
        StringBuilder sb = new StringBuilder();
        documents.forEach((uri, text) -> {
            String t = text.length() > 3000 ? text.substring(0, 3000) + "…" : text;
            sb.append("--- ").append(uri).append('\n').append(t.replace("\r", "\\r").replace("\t", "\\t")).append('\n');
        });
        return sb.toString();
    }

    static void findings(List<Diagnostic> ds, String uri, String text, Collection<String> secrets) {
        findings(Map.of(uri, ds), Map.of(uri, text), secrets);
    }

    /** Messages and fix titles (what any output prints) that contain one of {@code secrets}. */
    static List<String> leaks(Collection<Diagnostic> ds, Collection<String> secrets) {
        List<String> out = new ArrayList<>();
        for (Diagnostic d : ds) {
            for (String s : secrets) {
                if (d.message().contains(s)) out.add(d.ruleId() + " message quotes a secret: " + d.message());
                for (Fix f : d.fixes()) if (f.title().contains(s)) out.add(d.ruleId() + " fix title quotes a secret: " + f.title());
            }
        }
        return out;
    }

    /** Same input, same output: the two runs must agree (URIs compared after mapping the second run's onto the first's). */
    static void same(Object first, Object second, String what) {
        if (!first.equals(second)) throw new AssertionError(what + " differ between two runs on the same input:\n" + first + "\n" + second);
    }

    /** A range that lies inside {@code text}, or an error naming {@code what}. */
    static void inside(SourceRange r, String text, String what) {
        String why = DocumentChecks.outside(r, new LineIndex(text));
        if (why != null) throw new AssertionError(what + " at " + r + ": " + why);
    }
}
