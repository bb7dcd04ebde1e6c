package dev.routerls.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.LanguageId;
import dev.routerls.core.Severity;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The two output formats of {@code routerls lint}. Lines and columns are 1-based here. */
final class LintReport {
    record FileResult(String path, LanguageId language, List<Diagnostic> diagnostics) {
    }

    private LintReport() {
    }

    static String toJson(List<FileResult> files) {
        JsonArray arr = new JsonArray();
        for (FileResult f : files) {
            JsonObject o = new JsonObject();
            o.addProperty("path", f.path());
            o.addProperty("language", f.language().id());
            JsonArray ds = new JsonArray();
            for (Diagnostic d : f.diagnostics()) {
                JsonObject j = new JsonObject();
                j.addProperty("rule", d.ruleId());
                j.addProperty("severity", d.severity().label());
                j.addProperty("message", d.message());
                j.addProperty("line", d.range().startLine() + 1);
                j.addProperty("column", d.range().startColumn() + 1);
                j.addProperty("endLine", d.range().endLine() + 1);
                j.addProperty("endColumn", d.range().endColumn() + 1);
                ds.add(j);
            }
            o.add("diagnostics", ds);
            arr.add(o);
        }
        JsonObject root = new JsonObject();
        root.add("files", arr);
        return new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create().toJson(root);
    }

    static void printText(List<FileResult> files, PrintStream out) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        // appended, not printf'd: a batch prints tens of thousands of these and Formatter parses its pattern each time
        StringBuilder line = new StringBuilder(160);
        String nl = System.lineSeparator();
        for (FileResult f : files) {
            for (Diagnostic d : f.diagnostics()) {
                line.setLength(0);
                line.append(f.path()).append(':').append(d.range().startLine() + 1).append(':')
                        .append(d.range().startColumn() + 1).append(": ").append(d.severity().label()).append(' ')
                        .append(d.ruleId()).append(": ").append(d.message()).append(nl);
                out.append(line);
                counts.merge(d.severity(), 1, Integer::sum);
            }
        }
        out.printf("%d file(s) checked: %d error(s), %d warning(s), %d info, %d hint(s)%n", files.size(),
                counts.getOrDefault(Severity.ERROR, 0), counts.getOrDefault(Severity.WARNING, 0),
                counts.getOrDefault(Severity.INFO, 0), counts.getOrDefault(Severity.HINT, 0));
    }
}
