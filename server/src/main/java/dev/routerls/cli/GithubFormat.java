package dev.routerls.cli;

import java.io.PrintStream;

/**
 * GitHub Actions workflow commands, which the runner turns into annotations on the pull request:
 * {@code ::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message}. Values are escaped as the
 * Actions toolkit escapes them: '%', CR and LF in the message; also ':' and ',' in properties.
 */
final class GithubFormat implements OutputFormat {
    @Override
    public void write(LintResult result, PrintStream out, Terminal terminal) {
        for (LintResult.FileReport f : result.files()) {
            for (LintResult.Finding x : f.findings()) {
                String command = switch (x.severity()) {
                    case ERROR -> "error";
                    case WARNING -> "warning";
                    case INFO, HINT -> "notice";
                };
                out.println("::" + command + " file=" + property(f.relativePath()) + ",line=" + x.line() + ",col=" + x.column()
                        + ",endLine=" + x.endLine() + ",endColumn=" + x.endColumn() + ",title=" + property(x.ruleId())
                        + "::" + data(x.diagnostic().message()));
            }
        }
    }

    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
