package dev.routerls.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Starts the packaged jar and talks JSON-RPC over its stdio, as an editor would. */
class LspJarIT {
    static final String RTX_URI = "file:///tmp/routerls-it/office.conf";
    static final String RTX = """
            # RTX830 Rev.15.02.30 (Mon Jan  1 00:00:00 2024)
            ip lan1 address 192.168.100.1/24
            pp select 1
             pp bind tunnel1
             ip pp nat descriptor 1000
            pp enable 1
            nat descriptor type 1000 masquerade
            """;
    static final String UCI_URI = "file:///tmp/routerls-it/etc/config/network";
    static final String UCI = """
            config interface 'lan'
            \toption proto 'static'
            \toption ipaddr '192.168.1.300'
            """;

    static String didOpen(String uri, String languageId, String text) {
        JsonObject td = new JsonObject();
        td.addProperty("uri", uri);
        td.addProperty("languageId", languageId);
        td.addProperty("version", 1);
        td.addProperty("text", text);
        JsonObject p = new JsonObject();
        p.add("textDocument", td);
        return p.toString();
    }

    static String position(String uri, int line, int character) {
        return "{\"textDocument\":{\"uri\":" + new JsonPrimitive(uri) + "},\"position\":{\"line\":" + line
                + ",\"character\":" + character + "}}";
    }

    @Test
    void aFullSessionOverStdioEndsWithStatusZero() throws Exception {
        try (JsonRpcClient c = new JsonRpcClient(JsonRpcClient.jar(), List.of())) {
            JsonObject init = c.call("initialize", "{\"processId\":null,\"rootUri\":null,\"capabilities\":{}}");
            JsonObject caps = init.getAsJsonObject("result").getAsJsonObject("capabilities");
            assertEquals(2, caps.getAsJsonObject("textDocumentSync").get("change").getAsInt(), "incremental sync");
            c.notify("initialized", "{}");

            c.notify("textDocument/didOpen", didOpen(RTX_URI, "plaintext", RTX));
            JsonObject rtx = c.awaitDiagnostics(RTX_URI, 15000);
            assertNotNull(rtx, "diagnostics for the YAMAHA config");
            assertEquals(1, rtx.get("version").getAsInt());
            assertSourceAndCode(rtx.getAsJsonArray("diagnostics"));
            assertEquals("yamaha/undefined-reference@3", codes(rtx.getAsJsonArray("diagnostics")), "pp bind names tunnel 1, never defined");

            c.notify("textDocument/didOpen", didOpen(UCI_URI, "openwrt-uci", UCI));
            JsonObject uci = c.awaitDiagnostics(UCI_URI, 15000);
            assertNotNull(uci, "diagnostics for the UCI file");
            assertSourceAndCode(uci.getAsJsonArray("diagnostics"));
            assertEquals("openwrt/invalid-value@2", codes(uci.getAsJsonArray("diagnostics")));

            JsonObject completion = c.call("textDocument/completion", position(RTX_URI, 4, 23));
            List<String> labels = new java.util.ArrayList<>();
            completion.getAsJsonObject("result").getAsJsonArray("items").forEach(i -> labels.add(i.getAsJsonObject().get("label").getAsString()));
            assertTrue(labels.contains("1000"), "existing NAT descriptor offered after 'ip pp nat descriptor': " + labels);

            JsonObject shutdown = c.call("shutdown", null);
            assertTrue(shutdown.has("result") && !shutdown.has("error"), shutdown.toString());
            c.notify("exit", (com.google.gson.JsonElement) null);
            assertTrue(c.process().waitFor(10, TimeUnit.SECONDS), "the server ends after exit");
            assertEquals(0, c.process().exitValue());
        }
    }

    @Test
    void badRequestsGetErrorsAndTheServerKeepsServing() throws Exception {
        try (JsonRpcClient c = new JsonRpcClient(JsonRpcClient.jar(), List.of())) {
            c.call("initialize", "{\"processId\":null,\"rootUri\":null,\"capabilities\":{}}");
            c.notify("initialized", "{}");
            c.sendRaw("{this is not json");
            JsonObject unknown = c.call("routerls/noSuchMethod", "{}");
            assertEquals(-32601, unknown.getAsJsonObject("error").get("code").getAsInt(), unknown.toString());
            JsonObject noParams = c.call("textDocument/hover", "{}");
            assertTrue(noParams.has("error"), "hover without a document is an error: " + noParams);
            JsonObject wrongTypes = c.call("textDocument/completion", "{\"textDocument\":42,\"position\":\"x\"}");
            assertTrue(wrongTypes.has("error"), wrongTypes.toString());

            JsonObject past = c.call("textDocument/hover", position("file:///never/opened.rtx", 10_000, 10_000));
            assertTrue(past.get("result").isJsonNull(), past.toString());
            String huge = "ip lan1 description " + "x".repeat(5000) + "\n";
            c.notify("textDocument/didOpen", didOpen(RTX_URI, "yamaha-rtx", RTX + huge));
            assertNotNull(c.awaitDiagnostics(RTX_URI, 15000));
            for (int col : new int[]{0, 2500, 5020, 99_999}) {
                JsonObject r = c.call("textDocument/completion", position(RTX_URI, 7, col));
                assertTrue(r.has("result"), r.toString());
                r = c.call("textDocument/hover", position(RTX_URI, 7, col));
                assertTrue(r.has("result"), r.toString());
            }
            // still alive and correct after all that
            JsonObject symbols = c.call("textDocument/documentSymbol", "{\"textDocument\":{\"uri\":\"" + RTX_URI + "\"}}");
            assertTrue(symbols.get("result").isJsonArray(), symbols.toString());
            c.call("shutdown", null);
            c.notify("exit", (com.google.gson.JsonElement) null);
            assertTrue(c.process().waitFor(10, TimeUnit.SECONDS));
            assertEquals(0, c.process().exitValue());
        }
    }

    @Test
    void traceLensAndCommandOverStdio() throws Exception {
        try (JsonRpcClient c = new JsonRpcClient(JsonRpcClient.jar(), List.of())) {
            JsonObject init = c.call("initialize", "{\"processId\":null,\"rootUri\":null,\"capabilities\":{}}");
            JsonObject caps = init.getAsJsonObject("result").getAsJsonObject("capabilities");
            assertEquals("routerls.trace", caps.getAsJsonObject("executeCommandProvider").getAsJsonArray("commands").get(0).getAsString());
            c.notify("initialized", "{}");
            c.notify("textDocument/didOpen", didOpen(RTX_URI, "yamaha-rtx", RTX));
            assertNotNull(c.awaitDiagnostics(RTX_URI, 15000));
            JsonObject lenses = c.call("textDocument/codeLens", "{\"textDocument\":{\"uri\":\"" + RTX_URI + "\"}}");
            JsonObject command = lenses.getAsJsonArray("result").get(0).getAsJsonObject().getAsJsonObject("command");
            assertTrue(command.get("title").getAsString().startsWith("Trace a packet from here"), command.toString());
            JsonObject params = new JsonObject();
            params.add("command", command.get("command"));
            params.add("arguments", command.get("arguments"));
            JsonObject r = c.call("workspace/executeCommand", params.toString());
            JsonObject result = r.getAsJsonObject("result");
            assertEquals("delivered", result.get("disposition").getAsString(), r.toString());
            // LSP4J leaves null members out of a result: the editor gets the contract without its null fields
            assertTrue(!result.has("filter") || result.get("filter").isJsonNull(), r.toString());
            assertEquals(List.of("nat-in", "filter-in", "local"), result.getAsJsonArray("steps").asList().stream()
                    .map(e -> e.getAsJsonObject().get("step").getAsString()).toList());
            JsonObject shown = c.awaitNotification("window/showMessage", 10000);
            assertNotNull(shown, "the steps are shown");
            assertTrue(shown.getAsJsonObject("params").get("message").getAsString().contains("nat-in"), shown.toString());
            c.call("shutdown", null);
            c.notify("exit", (com.google.gson.JsonElement) null);
            assertTrue(c.process().waitFor(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void exitWithoutShutdownEndsWithStatusOne() throws Exception {
        try (JsonRpcClient c = new JsonRpcClient(JsonRpcClient.jar(), List.of())) {
            c.call("initialize", "{\"processId\":null,\"rootUri\":null,\"capabilities\":{}}");
            c.notify("exit", (com.google.gson.JsonElement) null);
            assertTrue(c.process().waitFor(10, TimeUnit.SECONDS));
            assertEquals(1, c.process().exitValue());
        }
    }

    /** "rule@line" of each diagnostic, comma-separated, sorted. */
    static String codes(JsonArray diagnostics) {
        List<String> out = new java.util.ArrayList<>();
        for (var d : diagnostics) {
            JsonObject o = d.getAsJsonObject();
            out.add(o.get("code").getAsString() + "@" + o.getAsJsonObject("range").getAsJsonObject("start").get("line").getAsInt());
        }
        out.sort(null);
        return String.join(",", out);
    }

    static void assertSourceAndCode(JsonArray diagnostics) {
        for (var d : diagnostics) {
            assertEquals("routerls", d.getAsJsonObject().get("source").getAsString());
            assertTrue(d.getAsJsonObject().get("code").getAsString().contains("/"), d.toString());
        }
    }
}
