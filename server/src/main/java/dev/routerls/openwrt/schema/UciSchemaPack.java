package dev.routerls.openwrt.schema;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.routerls.core.pack.PackedReader;
import dev.routerls.core.pack.PackedWriter;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The UCI schema resource in packed form ({@link PackedWriter}), made from {@code uci-schema.json} at build
 * time (Maven's process-classes phase runs {@link #main}), so the first UCI file of a cold lint reads it
 * without a JSON tree. It holds what the JSON says (packages, section types, options and their spec
 * strings); the specs are parsed as from the JSON ({@link UciSchema#option}).
 */
public final class UciSchemaPack {
    static final String RESOURCE = "/dev/routerls/openwrt/schema/uci-schema.bin";
    private static final String FORMAT = "routerls UCI schema 1";

    private UciSchemaPack() {
    }

    /** Build step: {@code UciSchemaPack <uci-schema.json> <uci-schema.bin>}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: UciSchemaPack <uci-schema.json> <uci-schema.bin>");
            System.exit(2);
        }
        JsonObject root;
        try (Reader r = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(r).getAsJsonObject();
        }
        Files.write(Path.of(args[1]), pack(root));
    }

    static byte[] pack(JsonObject root) {
        PackedWriter w = new PackedWriter(FORMAT);
        JsonObject packages = root.getAsJsonObject("packages");
        w.count(packages.size());
        for (Map.Entry<String, JsonElement> pkg : packages.entrySet()) {
            JsonObject sections = pkg.getValue().getAsJsonObject().getAsJsonObject("sections");
            w.string(pkg.getKey()).count(sections.size());
            for (Map.Entry<String, JsonElement> t : sections.entrySet()) {
                JsonObject o = t.getValue().getAsJsonObject();
                w.string(t.getKey()).bool(o.has("closed") && o.get("closed").getAsBoolean())
                        .string(o.has("by") ? o.get("by").getAsString() : null);
                options(w, o.getAsJsonObject("options"));
                JsonObject variants = o.has("variants") ? o.getAsJsonObject("variants") : new JsonObject();
                w.count(variants.size());
                for (Map.Entry<String, JsonElement> v : variants.entrySet()) {
                    JsonObject vo = v.getValue().getAsJsonObject();
                    w.string(v.getKey()).bool(vo.has("@open") && vo.get("@open").getAsBoolean());
                    options(w, vo);
                }
            }
        }
        return w.toByteArray();
    }

    /** The options of a JSON object (keys starting with '@' are flags, not options), as name and spec. */
    private static void options(PackedWriter w, JsonObject o) {
        List<Map.Entry<String, JsonElement>> options = new ArrayList<>();
        if (o != null) for (Map.Entry<String, JsonElement> e : o.entrySet()) if (!e.getKey().startsWith("@")) options.add(e);
        w.count(options.size());
        for (Map.Entry<String, JsonElement> e : options) w.string(e.getKey()).string(e.getValue().getAsString());
    }

    static UciSchema unpack(InputStream in) throws IOException {
        PackedReader r = PackedReader.of(in, FORMAT);
        Map<String, Map<String, SectionSchema>> packages = new LinkedHashMap<>();
        for (int p = r.count(); p > 0; p--) {
            String pkg = r.string();
            Map<String, SectionSchema> types = new LinkedHashMap<>();
            for (int t = r.count(); t > 0; t--) {
                String type = r.string();
                boolean closed = r.bool();
                String by = r.string();
                Map<String, OptionSpec> common = options(r);
                Map<String, SectionSchema.Variant> variants = new LinkedHashMap<>();
                for (int v = r.count(); v > 0; v--) {
                    String key = r.string();
                    boolean open = r.bool();
                    variants.put(key, new SectionSchema.Variant(options(r), open));
                }
                types.put(type, new SectionSchema(type, closed, by, common, variants));
            }
            packages.put(pkg, Collections.unmodifiableMap(types));
        }
        if (!r.atEnd()) throw new IOException("packed UCI schema has data past its last package");
        return new UciSchema(Collections.unmodifiableMap(packages));
    }

    private static Map<String, OptionSpec> options(PackedReader r) {
        Map<String, OptionSpec> out = new LinkedHashMap<>();
        for (int n = r.count(); n > 0; n--) {
            String name = r.string();
            out.put(name, UciSchema.option(name, r.string()));
        }
        return out;
    }
}
