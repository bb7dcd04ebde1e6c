package dev.routerls.cli;

import java.io.PrintStream;
import java.util.List;

/** One line per finding, {@code path:line:col: severity rule: message}, then a summary: for editors' error formats. */
final class CompactFormat extends OutputFormat {
    CompactFormat() {
        super("compact", "path:line:col: severity rule: message, one line per finding (for editors and grep)");
    }

    @Override
    public void write(LintResult result, PrintStream out, Terminal terminal) {
        LintReport.printText(JsonFormat.fileResults(result), out);
    }
}
