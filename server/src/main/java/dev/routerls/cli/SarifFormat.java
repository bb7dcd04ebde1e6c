package dev.routerls.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.routerls.core.Severity;
import dev.routerls.rules.RuleInfo;

import java.io.PrintStream;
import java.util.Locale;

/**
 * SARIF 2.1.0 as GitHub code scanning ingests it: the tool with every rule's metadata and help page, one
 * result per finding (paths relative to SRCROOT, the working folder), stable partial fingerprints, and the
 * findings inline comments suppressed listed with their justification.
 */
final class SarifFormat implements OutputFormat {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String FINGERPRINT_KEY = "routerlsFindingHash/v1";

    @Override
    public boolean printsFingerprints() {
        return true;
    }

    @Override
    public void write(LintResult result, PrintStream out, Terminal terminal) {
        JsonObject root = new JsonObject();
        root.addProperty("$schema", SCHEMA);
        root.addProperty("version", "2.1.0");
        JsonObject run = new JsonObject();
        JsonObject driver = new JsonObject();
        driver.addProperty("name", "routerls");
        driver.addProperty("version", Version.VERSION);
        driver.addProperty("semanticVersion", Version.VERSION);
        driver.addProperty("informationUri", RuleDocs.HOME);
        JsonArray rules = new JsonArray();
        for (RuleInfo r : result.rules()) rules.add(rule(r));
        driver.add("rules", rules);
        JsonObject tool = new JsonObject();
        tool.add("driver", driver);
        run.add("tool", tool);
        JsonObject base = new JsonObject();
        JsonObject srcRoot = new JsonObject();
        srcRoot.addProperty("uri", result.srcRoot());
        base.add("SRCROOT", srcRoot);
        run.add("originalUriBaseIds", base);
        JsonArray results = new JsonArray();
        for (LintResult.FileReport f : result.files()) {
            for (LintResult.Finding x : f.findings()) results.add(result(result, f, x));
            for (LintResult.Finding x : f.suppressed()) results.add(result(result, f, x));
        }
        run.add("results", results);
        run.addProperty("columnKind", "utf16CodeUnits");
        JsonArray runs = new JsonArray();
        runs.add(run);
        root.add("runs", runs);
        out.println(new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create().toJson(root));
    }

    private static JsonObject rule(RuleInfo r) {
        JsonObject o = new JsonObject();
        o.addProperty("id", r.id());
        o.addProperty("name", pascal(r.shortName()));
        o.add("shortDescription", text(r.summary()));
        o.add("fullDescription", text(r.rationale().isEmpty() ? r.summary() : r.rationale()));
        JsonObject help = text(r.summary() + ". " + r.rationale() + " See " + RuleDocs.helpUri(r));
        help.addProperty("markdown", RuleDocs.page(r));
        o.add("help", help);
        o.addProperty("helpUri", RuleDocs.helpUri(r));
        JsonObject config = new JsonObject();
        config.addProperty("level", level(r.defaultSeverity()));
        o.add("defaultConfiguration", config);
        JsonObject props = new JsonObject();
        JsonArray tags = new JsonArray();
        tags.add(r.language());
        r.tags().stream().filter(t -> !t.equals(r.language())).forEach(tags::add);
        props.add("tags", tags);
        o.add("properties", props);
        return o;
    }

    private static JsonObject result(LintResult all, LintResult.FileReport f, LintResult.Finding x) {
        JsonObject o = new JsonObject();
        o.addProperty("ruleId", x.ruleId());
        int index = all.ruleIndex(x.ruleId());
        if (index >= 0) o.addProperty("ruleIndex", index);
        o.addProperty("level", level(x.severity()));
        o.add("message", text(x.diagnostic().message()));
        JsonObject artifact = new JsonObject();
        artifact.addProperty("uri", uriOf(f.relativePath()));
        if (!f.relativePath().startsWith("/")) artifact.addProperty("uriBaseId", "SRCROOT");
        JsonObject region = new JsonObject();
        region.addProperty("startLine", x.line());
        region.addProperty("startColumn", x.column());
        region.addProperty("endLine", x.endLine());
        region.addProperty("endColumn", Math.max(x.endColumn(), x.endLine() == x.line() ? x.column() : 1));
        JsonObject physical = new JsonObject();
        physical.add("artifactLocation", artifact);
        physical.add("region", region);
        JsonObject location = new JsonObject();
        location.add("physicalLocation", physical);
        JsonArray locations = new JsonArray();
        locations.add(location);
        o.add("locations", locations);
        JsonObject fp = new JsonObject();
        fp.addProperty(FINGERPRINT_KEY, x.fingerprint());
        o.add("partialFingerprints", fp);
        if (x.suppression() != null) {
            JsonObject s = new JsonObject();
            s.addProperty("kind", "inSource");
            if (!x.suppression().isEmpty()) s.addProperty("justification", x.suppression());
            JsonArray sups = new JsonArray();
            sups.add(s);
            o.add("suppressions", sups);
        }
        return o;
    }

    /** A relative path as a URI reference: each segment percent-encoded where URIs need it. */
    static String uriOf(String path) {
        StringBuilder b = new StringBuilder();
        for (byte c : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int u = c & 0xff;
            if (u >= 'a' && u <= 'z' || u >= 'A' && u <= 'Z' || u >= '0' && u <= '9' || "-._~/".indexOf(u) >= 0) {
                b.append((char) u);
            } else {
                b.append('%').append(String.format("%02X", u));
            }
        }
        return path.startsWith("/") ? "file://" + b : b.toString();
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO, HINT -> "note";
        };
    }

    private static JsonObject text(String s) {
        JsonObject o = new JsonObject();
        o.addProperty("text", s);
        return o;
    }

    private static String pascal(String kebab) {
        StringBuilder b = new StringBuilder();
        for (String part : kebab.split("-")) {
            if (!part.isEmpty()) b.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        return b.toString();
    }
}
