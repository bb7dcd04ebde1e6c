package dev.routerls.yamaha.catalog;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the catalog resource written by {@link CatalogCompiler}. */
final class CatalogLoader {
    static final String RESOURCE = "/dev/routerls/yamaha/command-catalog.json";

    record Loaded(List<String> models, List<ModelProfile> profiles, List<CommandEntry> commands) {
    }

    private CatalogLoader() {
    }

    /**
     * What the bundled catalog is built from: the packed resource the build makes ({@link CatalogPack}), or
     * the JSON where no build step ran (an IDE).
     */
    static CommandCatalog.Source standardSource() {
        try (InputStream packed = CatalogLoader.class.getResourceAsStream(CatalogPack.RESOURCE)) {
            if (packed != null) return CatalogPack.unpack(packed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return CommandCatalog.source(fromJsonResource());
    }

    static Loaded fromJsonResource() {
        try (InputStream in = CatalogLoader.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("command catalog resource missing: " + RESOURCE);
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Loaded read(Reader reader) {
        Gson gson = new Gson(); // here, not in a static field: the packed catalog never needs one
        JsonObject root = JsonParser.parseReader(reader).getAsJsonObject();
        List<String> models = strings(root, "models");
        List<ModelProfile> profiles = new ArrayList<>();
        for (JsonElement e : root.getAsJsonArray("modelProfiles")) profiles.add(gson.fromJson(e, ModelProfile.class));
        List<CommandEntry> commands = new ArrayList<>();
        for (JsonElement e : root.getAsJsonArray("commands")) {
            JsonObject c = e.getAsJsonObject();
            Map<String, ParamSpec> params = new LinkedHashMap<>();
            if (c.has("params")) {
                for (Map.Entry<String, JsonElement> p : c.getAsJsonObject("params").entrySet()) {
                    params.put(p.getKey(), gson.fromJson(p.getValue(), ParamSpec.class));
                }
            }
            List<RevisionLimit> limits = new ArrayList<>();
            if (c.has("limits")) for (JsonElement l : c.getAsJsonArray("limits")) limits.add(gson.fromJson(l, RevisionLimit.class));
            commands.add(new CommandEntry(c.get("id").getAsString(), patterns(c, "forms"), patterns(c, "noForms"),
                    java.util.Collections.unmodifiableMap(params), strings(c, "models"), List.copyOf(limits)));
        }
        return new Loaded(models, List.copyOf(profiles), List.copyOf(commands));
    }

    private static List<SyntaxPattern> patterns(JsonObject o, String key) {
        List<SyntaxPattern> out = new ArrayList<>();
        for (String s : strings(o, key)) out.add(SyntaxPattern.parse(s));
        return List.copyOf(out);
    }

    private static List<String> strings(JsonObject o, String key) {
        List<String> out = new ArrayList<>();
        if (o.has(key)) for (JsonElement e : o.getAsJsonArray(key)) out.add(e.getAsString());
        return List.copyOf(out);
    }
}
