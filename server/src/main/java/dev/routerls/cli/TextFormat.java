package dev.routerls.cli;

import dev.routerls.core.Severity;

import java.io.PrintStream;

/**
 * For people: findings grouped by file, each with the source line and a caret under the range, then a
 * summary. Colour only on a terminal, and never when NO_COLOR is set.
 */
final class TextFormat implements OutputFormat {
    private static final int MAX_EXCERPT = 160;

    @Override
    public void write(LintResult result, PrintStream out, Terminal terminal) {
        Style s = new Style(terminal.colour());
        int withFindings = 0;
        for (LintResult.FileReport f : result.files()) {
            if (f.findings().isEmpty()) continue;
            withFindings++;
            out.println(s.bold(f.displayPath()));
            for (LintResult.Finding x : f.findings()) {
                out.println("  " + x.line() + ":" + x.column() + "  " + s.severity(x.severity()) + "  " + x.diagnostic().message()
                        + "  " + s.dim(x.ruleId()));
                if (x.excerpt() != null) excerpt(x, out, s);
            }
            out.println();
        }
        long errors = result.count(Severity.ERROR), warnings = result.count(Severity.WARNING);
        long infos = result.count(Severity.INFO), hints = result.count(Severity.HINT);
        long total = errors + warnings + infos + hints;
        String summary = total + " problem" + (total == 1 ? "" : "s") + " (" + errors + " error" + (errors == 1 ? "" : "s")
                + ", " + warnings + " warning" + (warnings == 1 ? "" : "s") + ", " + infos + " info, " + hints + " hint"
                + (hints == 1 ? "" : "s") + ") in " + withFindings + " of " + result.files().size() + " file"
                + (result.files().size() == 1 ? "" : "s") + " checked";
        out.println(total == 0 ? s.green(summary) : errors > 0 ? s.red(summary) : s.yellow(summary));
    }

    private static void excerpt(LintResult.Finding x, PrintStream out, Style s) {
        String line = x.excerpt();
        if (line.length() > MAX_EXCERPT) line = line.substring(0, MAX_EXCERPT) + "…";
        String number = String.valueOf(x.line());
        String gutter = " ".repeat(number.length());
        out.println("    " + s.dim(number + " | ") + line);
        if (!x.caret()) return;
        int from = Math.min(x.column() - 1, line.length());
        int to = x.endLine() == x.line() ? Math.min(x.endColumn() - 1, line.length()) : line.length();
        StringBuilder pad = new StringBuilder();
        for (int i = 0; i < from; i++) {
            char c = line.charAt(i);
            pad.append(c == '\t' ? "\t" : isWide(c) ? "  " : " ");
        }
        int width = 0;
        for (int i = from; i < to; i++) width += isWide(line.charAt(i)) ? 2 : 1;
        out.println("    " + s.dim(gutter + " | ") + pad + s.severityColour(x.severity(), "^".repeat(Math.max(1, width))));
    }

    /** Characters a terminal shows two cells wide (CJK, full-width forms): Japanese comments and descriptions. */
    private static boolean isWide(char c) {
        return c >= 0x1100 && (c <= 0x115f || c >= 0x2e80 && c <= 0xa4cf || c >= 0xac00 && c <= 0xd7a3
                || c >= 0xf900 && c <= 0xfaff || c >= 0xfe30 && c <= 0xfe4f || c >= 0xff00 && c <= 0xff60
                || c >= 0xffe0 && c <= 0xffe6);
    }

    /** ANSI styles, or plain text when colour is off. */
    private record Style(boolean on) {
        String wrap(String code, String s) {
            return on ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
        }

        String bold(String s) {
            return wrap("1", s);
        }

        String dim(String s) {
            return wrap("2", s);
        }

        String red(String s) {
            return wrap("31", s);
        }

        String yellow(String s) {
            return wrap("33", s);
        }

        String green(String s) {
            return wrap("32", s);
        }

        String severityColour(Severity sev, String s) {
            return switch (sev) {
                case ERROR -> red(s);
                case WARNING -> yellow(s);
                case INFO -> wrap("36", s);
                case HINT -> dim(s);
            };
        }

        String severity(Severity sev) {
            return severityColour(sev, String.format("%-7s", sev.label()));
        }
    }
}
