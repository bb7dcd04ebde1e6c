package dev.routerls.cli;

import java.io.PrintStream;
import java.util.List;

/** One line per finding, {@code path:line:col: severity rule: message}, then a summary: for editors' error formats. */
final class CompactFormat implements OutputFormat {
    @Override
    public void write(LintResult result, PrintStream out, Terminal terminal) {
        LintReport.printText(JsonFormat.fileResults(result), out);
    }
}
