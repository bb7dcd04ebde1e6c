package dev.routerls.cli;

import java.io.PrintStream;

/** Checkstyle XML, which Jenkins (Warnings Next Generation) and most CI servers read. */
final class CheckstyleFormat implements OutputFormat {
    @Override
    public void write(LintResult result, PrintStream out, Terminal terminal) {
        try (Xml x = new Xml(out)) {
            x.start("checkstyle", "version", "4.3").text("\n");
            for (LintResult.FileReport f : result.files()) {
                x.start("file", "name", f.relativePath()).text("\n");
                for (LintResult.Finding d : f.findings()) {
                    String severity = switch (d.severity()) {
                        case ERROR -> "error";
                        case WARNING -> "warning";
                        case INFO, HINT -> "info";
                    };
                    x.start("error", "line", String.valueOf(d.line()), "column", String.valueOf(d.column()),
                            "severity", severity, "message", d.diagnostic().message(), "source", "routerls." + d.ruleId()).end();
                }
                x.end();
            }
            x.end();
        }
    }
}
