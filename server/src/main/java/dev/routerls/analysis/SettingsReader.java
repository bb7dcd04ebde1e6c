package dev.routerls.analysis;

import dev.routerls.core.AnalysisSettings;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonParseException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads settings from the JSON a client or a {@code .routerls.json} file gives:
 * <pre>{ "model": "RTX830", "openwrtRelease": "23.05", "rules": { "yamaha/syntax": "warning", "openwrt/x": "off" } }</pre>
 * The object may also be wrapped as {@code { "routerls": { … } }} (VS Code style sections), and the
 * field names of {@link AnalysisSettings} ({@code yamahaModel}, {@code ruleSeverity}) are read as well,
 * which is what the routerls VS Code extension sends.
 * Unknown keys and wrong types are ignored so one typo does not lose the other settings.
 */
public final class SettingsReader {
    public static final String FILE_NAME = dev.routerls.rules.Example.SETTINGS_FILE;

    private SettingsReader() {
    }

    /** Partial settings: every field may be null meaning "not said here". */
    public record Layer(String model, String openwrtRelease, Map<String, String> rules) {
        public static final Layer EMPTY = new Layer(null, null, Map.of());

        public Layer {
            rules = rules == null ? Map.of() : Map.copyOf(rules);
        }
    }

    public static Layer read(JsonElement json) {
        if (json == null || !json.isJsonObject()) return Layer.EMPTY;
        JsonObject o = json.getAsJsonObject();
        if (o.has("routerls") && o.get("routerls").isJsonObject()) o = o.getAsJsonObject("routerls");
        String model = string(o, "model");
        if (model == null) model = string(o, "yamahaModel");
        String release = string(o, "openwrtRelease");
        Map<String, String> rules = new LinkedHashMap<>();
        for (String key : new String[]{"ruleSeverity", "rules"}) {
            if (!o.has(key) || !o.get(key).isJsonObject()) continue;
            for (Map.Entry<String, JsonElement> e : o.getAsJsonObject(key).entrySet()) {
                JsonElement v = e.getValue();
                if (v.isJsonPrimitive()) {
                    rules.put(e.getKey(), v.getAsJsonPrimitive().isBoolean() && !v.getAsBoolean() ? "off" : v.getAsString());
                }
            }
        }
        return new Layer(model, release, rules);
    }

    /**
     * The {@code .routerls.json} that governs {@code path}: the nearest one in its folder or above,
     * so the CLI reads the same workspace settings the language server does.
     */
    public static java.util.Optional<java.nio.file.Path> nearestFile(java.nio.file.Path path) {
        java.nio.file.Path dir = path.toAbsolutePath().normalize();
        if (!java.nio.file.Files.isDirectory(dir)) dir = dir.getParent();
        for (; dir != null; dir = dir.getParent()) {
            java.nio.file.Path f = dir.resolve(FILE_NAME);
            if (java.nio.file.Files.isRegularFile(f)) return java.util.Optional.of(f);
        }
        return java.util.Optional.empty();
    }

    /** Parses a settings file's text; malformed JSON reads as no settings. */
    public static Layer readText(String text) {
        try {
            return read(JsonParser.parseString(text));
        } catch (JsonParseException | IllegalStateException e) {
            return Layer.EMPTY;
        }
    }

    private static final java.util.Set<String> KEYS = java.util.Set.of("$schema", "model", "yamahaModel",
            "openwrtRelease", "rules", "ruleSeverity", "ignore");
    private static final java.util.regex.Pattern RELEASE = java.util.regex.Pattern.compile(
            "\\d{2}\\.\\d{2}(\\.\\d+)?(-rc\\d+)?|SNAPSHOT");

    /**
     * What is wrong with a settings file, one sentence per problem (empty when it is valid). The reader
     * above skips what it cannot use so one typo does not lose an editor's other settings; the command
     * line reports these instead, since a CI run must not silently lint with settings other than written.
     */
    public static java.util.List<String> problems(JsonElement json) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (json == null || !json.isJsonObject()) {
            out.add("the file must hold one JSON object, e.g. { \"rules\": { \"yamaha/unused-definition\": \"off\" } }");
            return out;
        }
        JsonObject o = json.getAsJsonObject();
        if (o.size() == 1 && o.has("routerls") && o.get("routerls").isJsonObject()) o = o.getAsJsonObject("routerls");
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            String key = e.getKey();
            JsonElement v = e.getValue();
            if (!KEYS.contains(key)) {
                out.add("unknown setting '" + key + "'" + dev.routerls.core.Spelling.closest(key, KEYS, 4)
                        .map(k -> " (did you mean '" + k + "'?)").orElse("") + "; settings are " + String.join(", ",
                        new java.util.TreeSet<>(KEYS)));
            } else if (key.equals("model") || key.equals("yamahaModel")) {
                if (!isString(v)) out.add("'" + key + "' must be a model name such as \"RTX830\"");
            } else if (key.equals("openwrtRelease")) {
                if (!isString(v) || !RELEASE.matcher(v.getAsString().strip()).matches()) {
                    out.add("'openwrtRelease' must be a release such as \"23.05\" or \"21.02.3\", not " + v);
                }
            } else if (key.equals("rules") || key.equals("ruleSeverity")) {
                if (!v.isJsonObject()) {
                    out.add("'" + key + "' must be an object of rule id to severity, e.g. { \"yamaha/syntax\": \"warning\" }");
                    continue;
                }
                for (Map.Entry<String, JsonElement> r : v.getAsJsonObject().entrySet()) {
                    if (RuleRegistry.find(r.getKey()).isEmpty()) {
                        out.add(key + ": unknown rule '" + r.getKey() + "'" + dev.routerls.core.Spelling.closest(r.getKey(),
                                RuleRegistry.all().stream().map(dev.routerls.rules.RuleInfo::id).toList(), 6)
                                .map(k -> " (did you mean '" + k + "'?)").orElse(" (routerls rules lists them)"));
                    }
                    JsonElement sv = r.getValue();
                    boolean ok = sv.isJsonPrimitive() && (sv.getAsJsonPrimitive().isBoolean() && !sv.getAsBoolean()
                            || sv.getAsJsonPrimitive().isString() && SEVERITY_WORDS.contains(sv.getAsString().strip()
                            .toLowerCase(java.util.Locale.ROOT)));
                    if (!ok) out.add(key + "." + r.getKey() + ": " + sv + " is not one of off, error, warning, info, hint");
                }
            } else if (key.equals("ignore")) {
                if (!v.isJsonArray() || !v.getAsJsonArray().asList().stream().allMatch(SettingsReader::isString)) {
                    out.add("'ignore' must be a list of glob patterns, e.g. [\"backup/**\", \"**/*.orig\"]");
                }
            }
        }
        return out;
    }

    private static final java.util.Set<String> SEVERITY_WORDS = java.util.Set.of("off", "error", "warning", "info", "hint");

    private static boolean isString(JsonElement e) {
        return e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() && !e.getAsString().isBlank();
    }

    /** The {@code ignore} globs of a settings file (valid per {@link #problems}). */
    public static java.util.List<String> ignoreGlobs(JsonElement json) {
        if (json == null || !json.isJsonObject()) return java.util.List.of();
        JsonObject o = json.getAsJsonObject();
        if (o.has("routerls") && o.get("routerls").isJsonObject()) o = o.getAsJsonObject("routerls");
        if (!o.has("ignore") || !o.get("ignore").isJsonArray()) return java.util.List.of();
        return o.getAsJsonArray("ignore").asList().stream().filter(SettingsReader::isString)
                .map(JsonElement::getAsString).toList();
    }

    /** Combines layers; later layers win field by field, rule entries merge. */
    public static AnalysisSettings combine(Layer... layers) {
        String model = null, release = null;
        Map<String, String> rules = new LinkedHashMap<>();
        for (Layer l : layers) {
            if (l == null) continue;
            if (l.model() != null) model = l.model();
            if (l.openwrtRelease() != null) release = l.openwrtRelease();
            rules.putAll(l.rules());
        }
        return new AnalysisSettings(model, release, rules);
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive()) return null;
        String s = e.getAsString().strip();
        return s.isEmpty() ? null : s;
    }
}
