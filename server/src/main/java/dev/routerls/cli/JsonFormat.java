package dev.routerls.cli;

import java.io.PrintStream;
import java.util.List;

/** {@code {"files":[{"path","language","diagnostics":[…]}]}} with 1-based positions (see README). */
final class JsonFormat implements OutputFormat {
    @Override
    public void write(LintResult result, PrintStream out, Terminal terminal) {
        out.println(LintReport.toJson(fileResults(result)));
    }

    static List<LintReport.FileResult> fileResults(LintResult result) {
        return result.files().stream().map(f -> new LintReport.FileResult(f.displayPath(), f.language(),
                f.findings().stream().map(LintResult.Finding::diagnostic).toList())).toList();
    }
}
