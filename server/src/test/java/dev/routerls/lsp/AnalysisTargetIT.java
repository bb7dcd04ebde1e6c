package dev.routerls.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code routerls/analysisTarget} over the packaged jar's stdio, as the VS Code extension's status bar
 * asks it: the model and firmware a YAMAHA config is checked against, the release of an OpenWrt router,
 * and where each came from.
 */
class AnalysisTargetIT {

    private static String target(String uri) {
        return "{\"textDocument\":{\"uri\":" + new JsonPrimitive(uri) + "}}";
    }

    private static List<String> strings(JsonObject o, String key) {
        List<String> out = new ArrayList<>();
        o.getAsJsonArray(key).forEach(e -> out.add(e.getAsString()));
        return out;
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    @Test
    void yamahaModelFromTheHeaderThenFromTheSetting() throws Exception {
        try (JsonRpcClient c = new JsonRpcClient(JsonRpcClient.jar(), List.of())) {
            c.call("initialize", "{\"processId\":null,\"rootUri\":null,\"capabilities\":{}}");
            c.notify("initialized", "{}");
            c.notify("textDocument/didOpen", LspJarIT.didOpen(LspJarIT.RTX_URI, "yamaha-rtx", LspJarIT.RTX));
            assertNotNull(c.awaitDiagnostics(LspJarIT.RTX_URI, 15000));

            JsonObject r = c.call("routerls/analysisTarget", target(LspJarIT.RTX_URI)).getAsJsonObject("result");
            assertEquals("yamaha-rtx", text(r, "language"));
            assertEquals("yamaha", text(r, "platform"));
            assertEquals("RTX830", text(r, "model"));
            assertEquals("15.02.30", text(r, "revision"));
            assertEquals("file", text(r, "origin"));
            List<String> models = strings(r, "choices");
            assertTrue(models.containsAll(List.of("RTX830", "RTX1210", "RTX1300", "NVR510")), models.toString());

            c.notify("workspace/didChangeConfiguration", "{\"settings\":{\"yamahaModel\":\"RTX1210\"}}");
            r = c.call("routerls/analysisTarget", target(LspJarIT.RTX_URI)).getAsJsonObject("result");
            assertEquals("RTX1210", text(r, "model"));
            assertEquals(null, text(r, "revision"), "the header's revision belongs to another model");
            assertEquals("setting", text(r, "origin"));

            JsonObject none = c.call("routerls/analysisTarget", target("file:///never/opened.conf"));
            assertTrue(none.get("result").isJsonNull(), none.toString());
            JsonObject bad = c.call("routerls/analysisTarget", "{}");
            assertEquals(-32602, bad.getAsJsonObject("error").get("code").getAsInt(), bad.toString());
        }
    }

    @Test
    void openWrtReleaseFromTheRoutersReleaseFile(@TempDir Path dir) throws Exception {
        Path etc = Files.createDirectories(dir.resolve("etc/config"));
        Files.writeString(dir.resolve("etc/openwrt_release"), "DISTRIB_ID='OpenWrt'\nDISTRIB_RELEASE='23.05.3'\n");
        Files.writeString(etc.resolve("network"), LspJarIT.UCI);
        String uri = etc.resolve("network").toUri().toString();
        try (JsonRpcClient c = new JsonRpcClient(JsonRpcClient.jar(), List.of())) {
            c.call("initialize", "{\"processId\":null,\"rootUri\":null,\"capabilities\":{}}");
            c.notify("initialized", "{}");
            c.notify("textDocument/didOpen", LspJarIT.didOpen(uri, "openwrt-uci", LspJarIT.UCI));
            assertNotNull(c.awaitDiagnostics(uri, 15000));

            JsonObject r = c.call("routerls/analysisTarget", target(uri)).getAsJsonObject("result");
            assertEquals("openwrt", text(r, "platform"));
            assertEquals("23.05.3", text(r, "release"));
            assertEquals("fw4", text(r, "firewall"));
            assertEquals("file", text(r, "origin"));
            assertFalse(strings(r, "choices").isEmpty());

            c.notify("workspace/didChangeConfiguration", "{\"settings\":{\"openwrtRelease\":\"21.02\"}}");
            r = c.call("routerls/analysisTarget", target(uri)).getAsJsonObject("result");
            assertEquals("21.02", text(r, "release"));
            assertEquals("fw3", text(r, "firewall"));
            assertEquals("setting", text(r, "origin"));
        }
    }
}
