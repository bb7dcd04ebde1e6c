package dev.routerls.cli;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.routerls.openwrt.uci.LibuciCaseData;
import dev.routerls.robustness.LintRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UciShowCommandTest {
    private static final Pattern SECRET = Pattern.compile("password|key|secret|psk");

    @TempDir
    Path tmp;

    /**
     * Every file libuci accepts, placed as the data's README says and shown in one run: the output is
     * what `uci show` prints for the tree libuci built (secret values masked in both).
     */
    @Test
    void printsWhatUciShowPrintsForEveryAcceptedLibuciCase() throws IOException {
        List<String> args = new ArrayList<>(List.of("uci", "show"));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        JsonArray expectedJson = new JsonArray();
        for (LibuciCaseData.Case c : LibuciCaseData.cases()) {
            if (!c.accepted()) continue;
            Path f = tmp.resolve(c.id()).resolve("etc/config").resolve(c.pkg());
            Files.createDirectories(f.getParent());
            Files.write(f, c.file());
            args.add(f.toString());
            JsonArray tree = masked(c.tree().getAsJsonArray());
            expected.writeBytes(LibuciCaseData.uciShow(c.pkg(), tree));
            expectedJson.add(tree);
        }
        LintRun text = LintRun.of(args.toArray(String[]::new));
        assertEquals(0, text.exit(), text.err());
        assertEquals(expected.toString(StandardCharsets.UTF_8), text.out());
        List<String> jsonArgs = new ArrayList<>(args);
        jsonArgs.add(2, "--format");
        jsonArgs.add(3, "json");
        LintRun json = LintRun.of(jsonArgs.toArray(String[]::new));
        assertEquals(0, json.exit(), json.err());
        JsonArray packages = json.json().getAsJsonArray("packages");
        assertEquals(expectedJson.size(), packages.size());
        for (int i = 0; i < packages.size(); i++) {
            JsonObject p = packages.get(i).getAsJsonObject();
            assertEquals("fuzz", p.get("package").getAsString());
            assertTrue(p.get("accepted").getAsBoolean());
            assertEquals(new Gson().toJson(expectedJson.get(i)), new Gson().toJson(p.get("sections")), p.get("path").getAsString());
        }
    }

    @Test
    void anonymousSectionsListsAndQuotes() throws IOException {
        Path f = tmp.resolve("etc/config/network");
        Files.createDirectories(f.getParent());
        Files.writeString(f, """
                config interface 'lan'
                \toption proto 'static'
                \tlist dns '1.1.1.1'
                \tlist dns "8.8.8.8"
                config device
                \toption name br-lan
                config interface 'wan'
                \toption proto ''
                \toption hostname "it's"
                config device
                \toption name 'eth1'
                config wifi-iface 'w'
                \toption key 'hunter2'
                """);
        LintRun r = LintRun.of("uci", "show", f.getParent().toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("network.lan=interface", "network.lan.proto='static'", "network.lan.dns='1.1.1.1' '8.8.8.8'",
                "network.@device[0]=device", "network.@device[0].name='br-lan'", "network.wan=interface",
                "network.wan.hostname='it'\\''s'", "network.@device[1]=device", "network.@device[1].name='eth1'",
                "network.w=wifi-iface", "network.w.key='********'"), r.lines());
        assertTrue(!r.out().contains("hunter2"));
    }

    @Test
    void aFileLibuciRejectsIsNotShown() throws IOException {
        Path f = tmp.resolve("etc/config/network");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "config interface 'lan'\n\toption proto static extra\n");
        LintRun r = LintRun.of("uci", "show", f.toString());
        assertEquals(1, r.exit());
        assertEquals("", r.out());
        assertTrue(r.err().contains(":2:22: libuci would not load this file: too many arguments"), r.err());
    }

    private static JsonArray masked(JsonArray tree) {
        JsonArray out = tree.deepCopy();
        for (JsonElement s : out) {
            JsonObject options = s.getAsJsonObject().getAsJsonObject("options");
            for (Map.Entry<String, JsonElement> o : options.entrySet()) {
                if (!SECRET.matcher(o.getKey().toLowerCase()).find()) continue;
                if (o.getValue().isJsonArray()) {
                    JsonArray items = new JsonArray();
                    o.getValue().getAsJsonArray().forEach(x -> items.add("********"));
                    o.setValue(items);
                } else {
                    o.setValue(new JsonPrimitive("********"));
                }
            }
        }
        return out;
    }
}
