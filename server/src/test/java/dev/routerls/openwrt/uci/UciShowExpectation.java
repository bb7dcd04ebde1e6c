package dev.routerls.openwrt.uci;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * What `uci show PACKAGE` prints for a tree of the libuci data, written from uci's cli.c rules (not from
 * routerls' printer): `pkg.ref=type`, then `pkg.ref.opt=` and the value in single quotes with ' as '\'',
 * list items quoted and joined by one space; an anonymous section's ref is @type[i], i counting every
 * section of that type printed before it.
 */
final class UciShowExpectation {
    private UciShowExpectation() {
    }

    static byte[] of(String pkg, JsonArray tree) {
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
