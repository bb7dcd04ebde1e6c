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
    public static final String FILE_NAME = ".routerls.json";

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
