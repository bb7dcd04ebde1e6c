package dev.routerls.cli;

import dev.routerls.core.Diagnostic;
import dev.routerls.core.LanguageId;
import dev.routerls.core.Severity;
import dev.routerls.rules.RuleInfo;

import java.util.List;
import java.util.function.Predicate;

/**
 * What one {@code routerls lint} run found, ready for any output format: per file (in the order the files
 * were named and walked) its findings, each with a stable fingerprint and the source line it starts on
 * (secrets masked), and the findings inline comments suppressed. Formats only print this.
 *
 * @param srcRoot the folder relative paths are relative to (the working folder), as a file: URI ending in '/'
 */
record LintResult(List<FileReport> files, List<RuleInfo> rules, String srcRoot) {

    /**
     * One finding as printed. {@code excerpt} is the masked source line of the start (null when unknown);
     * {@code caret} says whether columns of {@code excerpt} still match the finding's range (masking may
     * shorten the line before it). {@code suppression} is the reason of the directive that silenced it, or null.
     * {@code fingerprint} is null when neither the format nor a baseline uses it ({@link OutputFormat#printsFingerprints}).
     */
    record Finding(Diagnostic diagnostic, String fingerprint, String excerpt, boolean caret, String suppression) {
        String ruleId() {
            return diagnostic.ruleId();
        }

        Severity severity() {
            return diagnostic.severity();
        }

        /** 1-based line and column (columns count UTF-16 code units), end exclusive as in the model. */
        int line() {
            return diagnostic.range().startLine() + 1;
        }

        int column() {
            return diagnostic.range().startColumn() + 1;
        }

        int endLine() {
            return diagnostic.range().endLine() + 1;
        }

        int endColumn() {
            return diagnostic.range().endColumn() + 1;
        }
    }

    /**
     * @param displayPath  the path as the user wrote it (or the walk produced it)
     * @param relativePath the path relative to {@link #srcRoot} with '/' separators (absolute when outside it)
     */
    record FileReport(String displayPath, String relativePath, LanguageId language, List<Finding> findings,
                      List<Finding> suppressed) {
        FileReport filter(Predicate<Finding> keep) {
            return new FileReport(displayPath, relativePath, language, findings.stream().filter(keep).toList(), suppressed);
        }
    }

    LintResult filter(Predicate<Finding> keep) {
        return new LintResult(files.stream().map(f -> f.filter(keep)).toList(), rules, srcRoot);
    }

    long count(Severity s) {
        return files.stream().flatMap(f -> f.findings().stream()).filter(f -> f.severity() == s).count();
    }

    int ruleIndex(String ruleId) {
        for (int i = 0; i < rules.size(); i++) if (rules.get(i).id().equals(ruleId)) return i;
        return -1;
    }
}
