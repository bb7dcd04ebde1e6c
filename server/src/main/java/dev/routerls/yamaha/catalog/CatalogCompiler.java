package dev.routerls.yamaha.catalog;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the command catalog resource ({@code command-catalog.json}) from the extracted vendor reference
 * ({@code yamaha-rtx-command-catalog.json}). The resource keeps facts only — syntax forms, parameter
 * kinds, keyword sets, ranges, defaults, models, revision limits — and no vendor prose.
 * <p>The reference misses a few commands and keywords that real configs use; those come from a small
 * supplement ({@code server/src/catalog/yamaha-command-supplement.json}, facts with where each is seen),
 * merged here so the resource stays a pure function of its two inputs.
 * <p>Run: {@code java … dev.routerls.yamaha.catalog.CatalogCompiler <reference.json> <supplement.json> <out.json>}.
 * A test regenerates the resource and compares it with the committed one so the two cannot drift.
 */
public final class CatalogCompiler {
    public static final String RESOURCE_PATH = "server/src/main/resources/dev/routerls/yamaha/command-catalog.json";
    public static final String REFERENCE_PATH = "reference/yamaha-rtx-command-catalog.json";
    /** Project-relative path of the supplement (commands and keywords known from real configs). */
    public static final String SUPPLEMENT_PATH = "server/src/catalog/yamaha-command-supplement.json";

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    private static final Pattern MODEL_REV = Pattern.compile("(RTX\\d{3,4})\\s*(?:は、?\\s*|の\\s*)?Rev\\.\\s*(\\d+\\.\\d+)");

    private CatalogCompiler() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: CatalogCompiler <yamaha-rtx-command-catalog.json> <yamaha-command-supplement.json> <command-catalog.json>");
            System.exit(2);
        }
        String out = compile(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8),
                Files.readString(Path.of(args[1]), StandardCharsets.UTF_8));
        Files.writeString(Path.of(args[2]), out, StandardCharsets.UTF_8);
        System.out.println("wrote " + args[2] + " (" + out.length() + " characters)");
    }

    /** The resource text for the given reference and supplement JSON (deterministic: same input, same output). */
    public static String compile(String referenceJson, String supplementJson) {
        JsonObject ref = JsonParser.parseString(referenceJson).getAsJsonObject();
        JsonObject supplement = JsonParser.parseString(supplementJson).getAsJsonObject();
        List<JsonObject> commands = new ArrayList<>();
        Set<String> allModels = new LinkedHashSet<>();
        Map<String, Map<String, Integer>> lineVotes = new TreeMap<>();
        List<List<String>> parameterTexts = new ArrayList<>();
        for (JsonElement e : ref.getAsJsonArray("sections")) parameterTexts.add(strings(e.getAsJsonObject(), "parameters"));
        List<String> portNames = new ArrayList<>(ParameterTextReader.portNames(parameterTexts));
        for (String n : strings(supplement, "portNames")) if (!portNames.contains(n)) portNames.add(n);
        for (JsonElement e : ref.getAsJsonArray("sections")) {
            JsonObject section = e.getAsJsonObject();
            JsonObject cmd = compileSection(section, portNames);
            if (cmd != null) {
                commands.add(cmd);
                cmd.getAsJsonArray("models").forEach(m -> allModels.add(m.getAsString()));
            }
            countRevisionLines(strings(section, "notes"), lineVotes);
        }
        mergeSupplement(supplement, commands);
        StringBuilder sb = new StringBuilder();
        sb.append("{\n\"source\": ").append(GSON.toJson(ref.get("source").getAsString().replaceAll("\\s*\\(.*", "")))
                .append(",\n\"generatedBy\": \"dev.routerls.yamaha.catalog.CatalogCompiler\"")
                .append(",\n\"models\": ").append(GSON.toJson(orderModels(allModels)))
                .append(",\n\"modelProfiles\": [\n");
        List<ModelProfile> profiles = profiles(commands, lineVotes);
        for (int i = 0; i < profiles.size(); i++) {
            sb.append(GSON.toJson(profiles.get(i))).append(i + 1 < profiles.size() ? ",\n" : "\n");
        }
        sb.append("],\n\"commands\": [\n");
        for (int i = 0; i < commands.size(); i++) {
            sb.append(GSON.toJson(commands.get(i))).append(i + 1 < commands.size() ? ",\n" : "\n");
        }
        sb.append("]\n}\n");
        return sb.toString();
    }

    private static JsonObject compileSection(JsonObject section, List<String> portNames) {
        List<String> placeholders = strings(section, "placeholders");
        List<SyntaxLineConverter.Converted> forms = new SyntaxLineConverter(placeholders).convert(strings(section, "syntax"));
        if (forms.isEmpty()) return null;
        Map<String, ParamSpec> specs = new ParameterTextReader(placeholders, portNames).read(strings(section, "parameters"));

        JsonArray positive = new JsonArray();
        JsonArray negative = new JsonArray();
        Set<String> used = new LinkedHashSet<>();
        Set<String> vocabulary = new LinkedHashSet<>();
        for (SyntaxLineConverter.Converted c : forms) {
            String text = c.pattern().render();
            JsonArray target = c.negated() ? negative : positive;
            if (!target.contains(new com.google.gson.JsonPrimitive(text))) target.add(text);
            collect(c.pattern().nodes(), used, vocabulary, true);
        }
        JsonObject params = new JsonObject();
        for (String name : used) {
            ParamSpec spec = specs.get(name);
            if (spec == null) continue; // undocumented slot: free text at run time
            params.add(name, GSON.toJsonTree(spec));
            if (spec.values() != null) vocabulary.addAll(spec.values());
        }
        List<String> models = new ArrayList<>();
        for (String m : strings(section, "models")) {
            String canonical = ModelNames.fromReference(m);
            if (canonical != null && !models.contains(canonical)) models.add(canonical);
        }
        List<RevisionLimit> limits = new AvailabilityNoteReader(vocabulary).read(strings(section, "notes"));

        JsonObject cmd = new JsonObject();
        cmd.addProperty("id", section.get("id").getAsString());
        if (!positive.isEmpty()) cmd.add("forms", positive);
        if (!negative.isEmpty()) cmd.add("noForms", negative);
        if (params.size() > 0) cmd.add("params", params);
        cmd.add("models", GSON.toJsonTree(orderModels(models)));
        if (!limits.isEmpty()) cmd.add("limits", GSON.toJsonTree(limits));
        return cmd;
    }

    /**
     * Adds the supplement: extra keywords for reference sections (e.g. names older firmware used), models
     * a section's model line omits although genuine dumps of them use the command, and commands the
     * reference lacks. Each compiled entry keeps its {@code seenIn} note.
     */
    private static void mergeSupplement(JsonObject supplement, List<JsonObject> commands) {
        if (supplement.has("keywords")) {
            for (JsonElement e : supplement.getAsJsonArray("keywords")) {
                JsonObject k = e.getAsJsonObject();
                JsonObject cmd = commands.stream().filter(c -> c.get("id").getAsString().equals(k.get("section").getAsString()))
                        .findFirst().orElseThrow(() -> new IllegalArgumentException("supplement: no section " + k.get("section")));
                JsonObject param = cmd.has("params") ? cmd.getAsJsonObject("params").getAsJsonObject(k.get("param").getAsString()) : null;
                if (param == null || !ParamSpec.KEYWORD.equals(param.get("kind").getAsString())) {
                    throw new IllegalArgumentException("supplement: " + k.get("section") + " has no keyword slot " + k.get("param"));
                }
                JsonArray values = param.getAsJsonArray("values");
                for (JsonElement v : k.getAsJsonArray("values")) if (!values.contains(v)) values.add(v);
                JsonArray notes = cmd.has("seenIn") ? cmd.getAsJsonArray("seenIn") : new JsonArray();
                notes.add(k.get("param").getAsString() + " " + String.join("/", strings(k, "values")) + ": " + k.get("seenIn").getAsString());
                cmd.add("seenIn", notes);
            }
        }
        if (supplement.has("models")) {
            for (JsonElement e : supplement.getAsJsonArray("models")) {
                JsonObject m = e.getAsJsonObject();
                JsonObject cmd = commands.stream().filter(c -> c.get("id").getAsString().equals(m.get("section").getAsString()))
                        .findFirst().orElseThrow(() -> new IllegalArgumentException("supplement: no section " + m.get("section")));
                List<String> models = new ArrayList<>(strings(cmd, "models"));
                models.addAll(strings(m, "models"));
                cmd.add("models", GSON.toJsonTree(orderModels(models)));
                JsonArray notes = cmd.has("seenIn") ? cmd.getAsJsonArray("seenIn") : new JsonArray();
                notes.add("models " + String.join("/", strings(m, "models")) + ": " + m.get("seenIn").getAsString());
                cmd.add("seenIn", notes);
            }
        }
        if (supplement.has("commands")) {
            for (JsonElement e : supplement.getAsJsonArray("commands")) {
                JsonObject s = e.getAsJsonObject();
                List<SyntaxLineConverter.Converted> forms = new SyntaxLineConverter(strings(s, "placeholders")).convert(strings(s, "syntax"));
                if (forms.isEmpty()) throw new IllegalArgumentException("supplement: no syntax in " + s.get("id"));
                JsonArray positive = new JsonArray();
                JsonArray negative = new JsonArray();
                for (SyntaxLineConverter.Converted c : forms) (c.negated() ? negative : positive).add(c.pattern().render());
                List<String> models = s.get("models").isJsonPrimitive() && s.get("models").getAsString().equals("*")
                        ? ModelNames.CATALOG_MODELS : strings(s, "models");
                JsonObject cmd = new JsonObject();
                cmd.addProperty("id", s.get("id").getAsString());
                if (!positive.isEmpty()) cmd.add("forms", positive);
                if (!negative.isEmpty()) cmd.add("noForms", negative);
                if (s.has("params")) cmd.add("params", s.getAsJsonObject("params"));
                cmd.add("models", GSON.toJsonTree(orderModels(models)));
                JsonArray notes = new JsonArray();
                notes.add(s.get("seenIn").getAsString());
                cmd.add("seenIn", notes);
                commands.add(cmd);
            }
        }
    }

    private static void collect(List<SyntaxPattern.Node> nodes, Set<String> params, Set<String> vocabulary, boolean first) {
        for (SyntaxPattern.Node n : nodes) {
            if (n instanceof SyntaxPattern.Word w) {
                for (SyntaxPattern.Part p : w.parts()) {
                    if (p instanceof SyntaxPattern.Param param) {
                        if (!w.loose()) params.add(param.name());
                    } else if (!first) {
                        for (String t : ((SyntaxPattern.Literal) p).text().split("[=:/,@%]")) {
                            if (!t.isEmpty()) vocabulary.add(t);
                        }
                    }
                }
                first = false;
            } else if (n instanceof SyntaxPattern.Optional o) {
                collect(o.nodes(), params, vocabulary, false);
            } else if (n instanceof SyntaxPattern.Repeat r) {
                collect(List.of(r.node()), params, vocabulary, false);
            }
        }
    }

    /** Votes for each model's firmware line from "RTX1210 Rev.14.01.34"-style mentions in the notes. */
    private static void countRevisionLines(List<String> notes, Map<String, Map<String, Integer>> votes) {
        Matcher m = MODEL_REV.matcher(String.join("", notes));
        while (m.find()) {
            votes.computeIfAbsent(m.group(1), k -> new TreeMap<>()).merge(m.group(2), 1, Integer::sum);
        }
    }

    /**
     * Model profiles: catalog models from the reference itself (firmware line by vote, port-saving
     * default from {@code nat descriptor backward-compatibility}, native MAP-E from
     * {@code tunnel encapsulation map-e}); NVR500/NVR510 from the field report (seed 002) and the issue.
     */
    private static List<ModelProfile> profiles(List<JsonObject> commands, Map<String, Map<String, Integer>> votes) {
        JsonObject compat = findCommand(commands, "nat descriptor backward-compatibility <type>");
        JsonObject mapE = findCommand(commands, "tunnel map-e type <type>");
        Map<String, String> compatDefault = new HashMap<>();
        if (compat != null && compat.getAsJsonObject("params").getAsJsonObject("type").has("defaults")) {
            for (JsonElement d : compat.getAsJsonObject("params").getAsJsonObject("type").getAsJsonArray("defaults")) {
                for (JsonElement m : d.getAsJsonObject().getAsJsonArray("models")) {
                    compatDefault.put(m.getAsString(), d.getAsJsonObject().get("value").getAsString());
                }
            }
        }
        List<ModelProfile> out = new ArrayList<>();
        for (String model : ModelNames.CATALOG_MODELS) {
            String line = null;
            Map<String, Integer> v = votes.get(model);
            if (v != null) line = v.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
            String def = compatDefault.getOrDefault(model, compatDefault.get("*"));
            Boolean portSaving = def == null ? null : !def.equals("1");
            Boolean nativeMapE = null;
            String since = null;
            if (mapE != null) {
                nativeMapE = false;
                for (JsonElement m : mapE.getAsJsonArray("models")) if (m.getAsString().equals(model)) nativeMapE = true;
                if (mapE.has("limits")) {
                    for (JsonElement l : mapE.getAsJsonArray("limits")) {
                        JsonObject o = l.getAsJsonObject();
                        if (!o.has("keyword") && o.get("model").getAsString().equals(model) && o.has("since")) {
                            since = o.get("since").getAsString();
                        }
                    }
                }
            }
            out.add(new ModelProfile(model, line, portSaving, nativeMapE, since, true, "command reference"));
        }
        out.add(new ModelProfile("NVR510", "15.01", Boolean.TRUE, null, null, false,
                "field report (seed 002): port-saving masquerade on by default; NAT on pp anonymous needs backward-compatibility 1"));
        out.add(new ModelProfile("NVR500", "11.00", Boolean.FALSE, Boolean.FALSE, null, false,
                "field report (seed 002) and issue: Rev.11 firmware, no port-saving masquerade, no native MAP-E"));
        return out;
    }

    private static JsonObject findCommand(List<JsonObject> commands, String form) {
        for (JsonObject c : commands) {
            if (c.has("forms") && c.getAsJsonArray("forms").contains(new com.google.gson.JsonPrimitive(form))) return c;
        }
        return null;
    }

    private static List<String> orderModels(Iterable<String> models) {
        List<String> out = new ArrayList<>();
        for (String m : ModelNames.CATALOG_MODELS) {
            for (String x : models) if (x.equals(m) && !out.contains(m)) out.add(m);
        }
        return out;
    }

    private static List<String> strings(JsonObject o, String key) {
        List<String> out = new ArrayList<>();
        if (o.has(key)) for (JsonElement e : o.getAsJsonArray(key)) out.add(e.getAsString());
        return out;
    }

}
