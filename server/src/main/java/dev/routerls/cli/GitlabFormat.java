package dev.routerls.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.io.PrintStream;

/** GitLab Code Quality report: a JSON array of issues with a unique fingerprint each. */
final class GitlabFormat implements OutputFormat {
    @Override
    public boolean printsFingerprints() {
        return true;
    }

    @Override
    public void write(LintResult result, PrintStream out, Terminal terminal) {
        JsonArray issues = new JsonArray();
        for (LintResult.FileReport f : result.files()) {
            for (LintResult.Finding x : f.findings()) {
                JsonObject o = new JsonObject();
                o.addProperty("description", x.diagnostic().message());
                o.addProperty("check_name", x.ruleId());
                o.addProperty("fingerprint", x.fingerprint());
                o.addProperty("severity", switch (x.severity()) {
                    case ERROR -> "major";
                    case WARNING -> "minor";
                    case INFO, HINT -> "info";
                });
                JsonObject lines = new JsonObject();
                lines.addProperty("begin", x.line());
                lines.addProperty("end", x.endLine());
                JsonObject location = new JsonObject();
                location.addProperty("path", f.relativePath());
                location.add("lines", lines);
                o.add("location", location);
                issues.add(o);
            }
        }
        out.println(new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create().toJson(issues));
    }
}
