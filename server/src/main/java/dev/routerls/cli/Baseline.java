package dev.routerls.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The findings a team accepted when it adopted routerls ({@code lint --write-baseline FILE}); with
 * {@code --baseline FILE} only findings not in it are reported. Findings are kept by fingerprint
 * ({@link Fingerprints}), with rule and path beside it for people reading the file.
 */
final class Baseline {
    private final Set<String> fingerprints;

    private Baseline(Set<String> fingerprints) {
        this.fingerprints = fingerprints;
    }

    static Baseline read(Path file) throws IOException {
        JsonElement json;
        try {
            json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonParseException e) {
            throw new IOException(file + ": not a routerls baseline (" + e.getMessage() + ")");
        }
        if (!json.isJsonObject() || !json.getAsJsonObject().has("findings")
                || !json.getAsJsonObject().get("findings").isJsonArray()) {
            throw new IOException(file + ": not a routerls baseline (no \"findings\" list; write one with --write-baseline)");
        }
        Set<String> out = new HashSet<>();
        for (JsonElement e : json.getAsJsonObject().getAsJsonArray("findings")) {
            if (e.isJsonObject() && e.getAsJsonObject().has("fingerprint")) {
                out.add(e.getAsJsonObject().get("fingerprint").getAsString());
            }
        }
        return new Baseline(out);
    }

    boolean contains(LintResult.Finding f) {
        return fingerprints.contains(f.fingerprint());
    }

    static void write(LintResult result, Path file) throws IOException {
        JsonArray findings = new JsonArray();
        for (LintResult.FileReport f : result.files()) {
            for (LintResult.Finding x : f.findings()) {
                JsonObject o = new JsonObject();
                o.addProperty("rule", x.ruleId());
                o.addProperty("path", f.relativePath());
                o.addProperty("fingerprint", x.fingerprint());
                findings.add(o);
            }
        }
        JsonObject root = new JsonObject();
        root.addProperty("tool", "routerls");
        root.addProperty("version", 1);
        root.add("findings", findings);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.writeString(file, new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create().toJson(root) + "\n",
                StandardCharsets.UTF_8);
    }
}
