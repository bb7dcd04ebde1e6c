package dev.routerls.openwrt.uci;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import com.google.gson.JsonParser;
import dev.routerls.testing.Shared;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The cases of {@code reference/libuci-cases.jsonl.gz} (see its README), and what {@code uci show} prints
 * for the tree of an accepted one.
 */
public final class LibuciCaseData {
    private LibuciCaseData() {
    }

    public record Case(String id, byte[] file, String pkg, boolean accepted, String error, Integer line, JsonElement tree) {
    }

    public static List<Case> cases() throws IOException {
        Path data = Shared.require(Shared.root().resolve("reference/libuci-cases.jsonl.gz"));
        List<Case> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(data)), StandardCharsets.US_ASCII))) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                JsonObject o = JsonParser.parseString(l).getAsJsonObject();
                JsonObject v = o.getAsJsonObject("libuci");
                out.add(new Case(o.get("id").getAsString(), Base64.getDecoder().decode(o.get("file_b64").getAsString()),
                        o.get("package").getAsString(), v.get("accepted").getAsBoolean(),
                        v.get("error").isJsonNull() ? null : v.get("error").getAsString(),
                        v.get("line").isJsonNull() ? null : v.get("line").getAsInt(), o.get("tree")));
            }
        }
        return out;
    }

    /**
     * What `uci show PACKAGE` prints for a tree of the data, written from uci's cli.c rules (not from
     * routerls' printer): `pkg.ref=type`, then `pkg.ref.opt=` and the value in single quotes with ' as
     * '\'', list items quoted and joined by one space; an anonymous section's ref is @type[i], i counting
     * every section of that type printed before it.
     */
    public static byte[] uciShow(String pkg, JsonArray tree) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, Integer> perType = new HashMap<>();
        for (JsonElement e : tree) {
            JsonObject s = e.getAsJsonObject();
            String type = s.get("type").getAsString();
            int i = perType.merge(type, 1, Integer::sum) - 1;
            String ref = s.get("anonymous").getAsBoolean() ? "@" + type + "[" + i + "]" : s.get("name").getAsString();
            ascii(out, pkg + "." + ref + "=" + type + "\n");
            for (Map.Entry<String, JsonElement> o : s.getAsJsonObject("options").entrySet()) {
                ascii(out, pkg + "." + ref + "." + o.getKey() + "=");
                if (o.getValue().isJsonArray()) {
                    String sep = "";
                    for (JsonElement item : o.getValue().getAsJsonArray()) {
                        ascii(out, sep);
                        quote(out, bytes(item));
                        sep = " ";
                    }
                } else {
                    quote(out, bytes(o.getValue()));
                }
                ascii(out, "\n");
            }
        }
        return out.toByteArray();
    }

    private static byte[] bytes(JsonElement v) {
        if (v.isJsonObject()) return Base64.getDecoder().decode(v.getAsJsonObject().get("b64").getAsString());
        return v.getAsString().getBytes(StandardCharsets.UTF_8);
    }

    private static void quote(ByteArrayOutputStream out, byte[] v) {
        out.write('\'');
        for (byte b : v) {
            if (b == '\'') ascii(out, "'\\''");
            else out.write(b);
        }
        out.write('\'');
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
