package dev.routerls.openwrt.schema;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which section types OpenWrt's own packages (network, firewall, dhcp) have and which options they
 * take, read from the {@code uci-schema.json} resource. Packages it does not list (third-party
 * configs) are unknown: rules then check nothing but syntax.
 */
public final class UciSchema {
    private static final String RESOURCE = "/dev/routerls/openwrt/schema/uci-schema.json";
    private static volatile UciSchema standard;

    private final Map<String, Map<String, SectionSchema>> packages;

    UciSchema(Map<String, Map<String, SectionSchema>> packages) {
        this.packages = packages;
    }

    /** The schema shipped with routerls (loaded once). */
    public static UciSchema standard() {
        UciSchema s = standard;
        if (s == null) {
            synchronized (UciSchema.class) {
                if (standard == null) standard = load();
                s = standard;
            }
        }
        return s;
    }

    /**
     * {@code schema}, or the standard one when null: rules hold null until their first UCI file, so that a
     * run that only lists them (a YAMAHA lint builds every rule for its report) never reads the resource.
     */
    public static UciSchema orStandard(UciSchema schema) {
        return schema != null ? schema : standard();
    }

    public boolean knowsPackage(String pkg) {
        return packages.containsKey(pkg);
    }

    /** The schema of section type {@code type} in package {@code pkg}, if both are known. */
    public Optional<SectionSchema> section(String pkg, String type) {
        Map<String, SectionSchema> types = packages.get(pkg);
        return types == null ? Optional.empty() : Optional.ofNullable(types.get(type));
    }

    public Set<String> sectionTypes(String pkg) {
        return packages.getOrDefault(pkg, Map.of()).keySet();
    }

    /** The packed resource the build makes ({@link UciSchemaPack}), or the JSON where no build step ran (an IDE). */
    private static UciSchema load() {
        try (InputStream packed = UciSchema.class.getResourceAsStream(UciSchemaPack.RESOURCE)) {
            if (packed != null) return UciSchemaPack.unpack(packed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fromJsonResource();
    }

    /** The schema read from the JSON resource itself (what the packed form is made from). */
    static UciSchema fromJsonResource() {
        try (InputStream in = UciSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            JsonObject root = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
            return parse(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static UciSchema parse(JsonObject root) {
        Map<String, Map<String, SectionSchema>> packages = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> pkg : root.getAsJsonObject("packages").entrySet()) {
            Map<String, SectionSchema> types = new LinkedHashMap<>();
            JsonObject sections = pkg.getValue().getAsJsonObject().getAsJsonObject("sections");
            for (Map.Entry<String, JsonElement> t : sections.entrySet()) {
                JsonObject o = t.getValue().getAsJsonObject();
                boolean closed = o.has("closed") && o.get("closed").getAsBoolean();
                String by = o.has("by") ? o.get("by").getAsString() : null;
                Map<String, OptionSpec> common = options(o.getAsJsonObject("options"));
                Map<String, SectionSchema.Variant> variants = new LinkedHashMap<>();
                if (o.has("variants")) {
                    for (Map.Entry<String, JsonElement> v : o.getAsJsonObject("variants").entrySet()) {
                        JsonObject vo = v.getValue().getAsJsonObject();
                        boolean open = vo.has("@open") && vo.get("@open").getAsBoolean();
                        variants.put(v.getKey(), new SectionSchema.Variant(options(vo), open));
                    }
                }
                types.put(t.getKey(), new SectionSchema(t.getKey(), closed, by, common, variants));
            }
            packages.put(pkg.getKey(), Collections.unmodifiableMap(types));
        }
        return new UciSchema(Collections.unmodifiableMap(packages));
    }

    private static Map<String, OptionSpec> options(JsonObject o) {
        Map<String, OptionSpec> out = new LinkedHashMap<>();
        if (o == null) return out;
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            if (e.getKey().startsWith("@")) continue;
            out.put(e.getKey(), option(e.getKey(), e.getValue().getAsString()));
        }
        return out;
    }

    /** An option from its spec string: {@code TYPE} or {@code list:TYPE}. */
    static OptionSpec option(String name, String spec) {
        boolean multi = spec.startsWith("list:");
        return new OptionSpec(name, Datatypes.deferred(multi ? spec.substring(5) : spec), multi);
    }
}
