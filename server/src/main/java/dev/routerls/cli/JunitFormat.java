package dev.routerls.cli;

import java.io.PrintStream;

/** JUnit XML for CI servers that only show tests: one test case per file, one failure per finding. */
final class JunitFormat implements OutputFormat {
    @Override
    public void write(LintResult result, PrintStream out, Terminal terminal) {
        int files = result.files().size();
        long failures = result.files().stream().mapToLong(f -> f.findings().size()).sum();
        try (Xml x = new Xml(out)) {
            x.start("testsuites", "name", "routerls", "tests", String.valueOf(files), "failures", String.valueOf(failures),
                    "errors", "0").text("\n");
            x.start("testsuite", "name", "routerls lint", "tests", String.valueOf(files), "failures", String.valueOf(failures),
                    "errors", "0", "skipped", "0").text("\n");
            for (LintResult.FileReport f : result.files()) {
                x.start("testcase", "classname", "routerls." + f.language().id(), "name", f.relativePath()).text("\n");
                for (LintResult.Finding d : f.findings()) {
                    x.start("failure", "message", d.ruleId() + ": " + d.diagnostic().message(), "type", d.severity().label())
                            .text(f.relativePath() + ":" + d.line() + ":" + d.column() + ": " + d.severity().label() + " "
                                    + d.ruleId() + ": " + d.diagnostic().message()).end();
                }
                x.end();
            }
            x.end();
            x.end();
        }
    }
}
