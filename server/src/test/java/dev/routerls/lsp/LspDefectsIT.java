package dev.routerls.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.routerls.services.Uris;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The defects of issue 10, each reproduced over real JSON-RPC against the packaged jar on stdio, the way
 * Neovim, eglot and a hand-written client hit them.
 */
class LspDefectsIT {
    static final String HEADER = "# RTX830 Rev.15.02.30 (Mon Jan  1 00:00:00 2024)\n";

    /** A started, initialized server. */
    static JsonRpcClient started(String capabilities, String folders) throws Exception {
        JsonRpcClient c = new JsonRpcClient(JsonRpcClient.jar(), List.of());
        c.call("initialize", "{\"processId\":null,\"rootUri\":null,\"capabilities\":" + capabilities
                + (folders == null ? "" : ",\"workspaceFolders\":" + folders) + "}");
        c.notify("initialized", "{}");
        return c;
    }

    static JsonRpcClient started() throws Exception {
        return started("{}", null);
    }

    static String change(String uri, int version, int line, int col, int endLine, int endCol, String text) {
        JsonObject range = JsonParser.parseString("{\"start\":{\"line\":" + line + ",\"character\":" + col
                + "},\"end\":{\"line\":" + endLine + ",\"character\":" + endCol + "}}").getAsJsonObject();
        JsonObject ch = new JsonObject();
        ch.add("range", range);
        ch.addProperty("text", text);
        JsonArray changes = new JsonArray();
        changes.add(ch);
        JsonObject p = new JsonObject();
        p.add("textDocument", JsonParser.parseString("{\"uri\":" + new JsonPrimitive(uri) + ",\"version\":" + version + "}"));
        p.add("contentChanges", changes);
        return p.toString();
    }

    static String insert(String uri, int version, int line, int col, String text) {
        return change(uri, version, line, col, line, col, text);
    }

    static List<String> labels(JsonObject completion) {
        JsonElement r = completion.get("result");
        JsonArray items = r.isJsonArray() ? r.getAsJsonArray() : r.getAsJsonObject().getAsJsonArray("items");
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.getAsJsonObject().get("label").getAsString()));
        return out;
    }

    static String doc(String uri) {
        return "{\"textDocument\":{\"uri\":" + new JsonPrimitive(uri) + "}}";
    }

    static int errorCode(JsonObject response) {
        assertTrue(response.has("error"), () -> "an error response: " + response);
        return response.getAsJsonObject("error").get("code").getAsInt();
    }

    // ------------------------------------------------------------------------------------------ 1

    @Test
    void completionRightAfterAnEditAnswersFromTheNewText() throws Exception {
        String uri = "file:///tmp/routerls-defects/d1.conf";
        String text = HEADER + "ip lan1 address 192.168.100.1/24\nnat descriptor type 20 masquerade\n";
        try (JsonRpcClient c = started()) {
            c.notify("textDocument/didOpen", LspJarIT.didOpen(uri, "yamaha-rtx", text));
            assertNotNull(c.awaitDiagnostics(uri, 15000));
            // an editor sends the change and the completion the trigger space asks for together
            c.notify("textDocument/didChange", insert(uri, 2, 3, 0, "nat descriptor type 77 masquerade\nip lan1 nat descriptor "));
            List<String> ids = labels(c.call("textDocument/completion", LspJarIT.position(uri, 4, 23)));
            assertTrue(ids.containsAll(List.of("20", "77")), "the descriptor typed in the same change is offered: " + ids);

            c.notify("textDocument/didChange", change(uri, 3, 4, 0, 4, 23, "pp select 1\n "));
            List<String> inPp = labels(c.call("textDocument/completion", LspJarIT.position(uri, 5, 1)));
            assertTrue(inPp.indexOf("pp") >= 0 && inPp.indexOf("pp") < 2, "a fresh pp select block puts pp commands first: " + inPp);
        }
    }

    // ------------------------------------------------------------------------------------------ 2

    @Test
    void quickFixesAreForTheCurrentVersionAndCarryIt(@TempDir Path tmp) throws Exception {
        Path network = tmp.resolve("etc/config/network");
        Files.createDirectories(network.getParent());
        String text = "config interface 'lan'\n\toption proto 'static'\n\toption ipadr '192.168.1.1'\n";
        Files.writeString(network, text);
        String uri = Uris.fromPath(network);
        try (JsonRpcClient c = started()) {
            c.notify("textDocument/didOpen", LspJarIT.didOpen(uri, "openwrt-uci", text));
            assertEquals("openwrt/unknown-option@2", LspJarIT.codes(c.awaitDiagnostics(uri, 15000).getAsJsonArray("diagnostics")));
            c.notify("textDocument/didChange", insert(uri, 2, 0, 0, "# lan\n"));
            // the old finding's place now holds the option proto line: nothing to fix there
            JsonArray atOldPlace = c.call("textDocument/codeAction", codeAction(uri, 2, 9)).getAsJsonArray("result");
            assertEquals(0, atOldPlace.size(), "no fix computed for version 1 is offered on version 2: " + atOldPlace);
            JsonArray actions = c.call("textDocument/codeAction", codeAction(uri, 3, 9)).getAsJsonArray("result");
            assertEquals(1, actions.size(), actions.toString());
            JsonObject action = resolved(c, actions.get(0).getAsJsonObject());
            JsonArray changes = action.getAsJsonObject("edit").getAsJsonArray("documentChanges");
            assertNotNull(changes, "a versioned TextDocumentEdit: " + action);
            JsonObject edit = changes.get(0).getAsJsonObject();
            assertEquals(2, edit.getAsJsonObject("textDocument").get("version").getAsInt());
            JsonObject range = edit.getAsJsonArray("edits").get(0).getAsJsonObject().getAsJsonObject("range");
            assertEquals(3, range.getAsJsonObject("start").get("line").getAsInt());
            assertEquals("ipaddr", edit.getAsJsonArray("edits").get(0).getAsJsonObject().get("newText").getAsString());
        }
    }

    static String codeAction(String uri, int line, int col) {
        return "{\"textDocument\":{\"uri\":" + new JsonPrimitive(uri) + "},\"range\":{\"start\":{\"line\":" + line
                + ",\"character\":" + col + "},\"end\":{\"line\":" + line + ",\"character\":" + col
                + "}},\"context\":{\"diagnostics\":[]}}";
    }

    /** The action with its edit: resolved through codeAction/resolve when the list left it out. */
    static JsonObject resolved(JsonRpcClient c, JsonObject action) throws Exception {
        if (action.has("edit")) return action;
        JsonObject r = c.request("codeAction/resolve", action).get(30, TimeUnit.SECONDS);
        assertTrue(r.has("result"), r.toString());
        return r.getAsJsonObject("result");
    }

    // ------------------------------------------------------------------------------------------ 3

    @Test
    void brokenFramesAreSkippedAndTheServerHearsTheNextMessage() throws Exception {
        String uri = "file:///tmp/routerls-defects/d3.conf";
        try (JsonRpcClient c = started()) {
            c.notify("textDocument/didOpen", LspJarIT.didOpen(uri, "yamaha-rtx", HEADER + "ip lan1 address 192.168.100.1/24\n"));
            assertNotNull(c.awaitDiagnostics(uri, 15000));
            String hover = "{\"jsonrpc\":\"2.0\",\"id\":9001,\"method\":\"textDocument/hover\",\"params\":"
                    + LspJarIT.position(uri, 1, 1) + "}";
            byte[] body = hover.getBytes(StandardCharsets.UTF_8);
            List<byte[]> broken = List.of(
                    frame("Content-Length: " + (body.length - 5), body),     // 5 bytes short
                    frame("Content-Length: " + (body.length + 40), body),    // 40 bytes long: eats the next frame's start
                    body,                                                      // no header at all
                    frame("Content-Length: abc", body));                       // a header that is no number
            for (byte[] b : broken) {
                c.sendBytes(b);
                JsonObject r = c.call("textDocument/documentSymbol", doc(uri));
                assertTrue(r.has("result") && r.get("result").isJsonArray(), "the server answers after a broken frame: " + r);
            }
            assertTrue(c.stderr().contains("frame"), "the bad frames are logged on stderr: " + c.stderr());
            assertFalse(c.received("window/logMessage").isEmpty(), "and reported to the client's log");
        }
    }

    static byte[] frame(String header, byte[] body) {
        byte[] h = (header + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[h.length + body.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(body, 0, out, h.length, body.length);
        return out;
    }

    // -------------------------------------------------------------------------------------- 4, 5

    @Test
    void lifecycleAndUnknownMethodsGetTheProtocolsErrorCodesAndNoStackTrace() throws Exception {
        String uri = "file:///tmp/routerls-defects/d4.conf";
        try (JsonRpcClient c = new JsonRpcClient(JsonRpcClient.jar(), List.of())) {
            List<JsonObject> errors = new ArrayList<>();
            JsonObject early = c.call("textDocument/hover", LspJarIT.position(uri, 0, 0));
            errors.add(early);
            assertEquals(-32002, errorCode(early), "a request before initialize");
            c.notify("textDocument/didOpen", LspJarIT.didOpen(uri, "yamaha-rtx", HEADER + "pp bind tunnel9\n"));

            c.call("initialize", "{\"processId\":null,\"rootUri\":null,\"capabilities\":{}}");
            c.notify("initialized", "{}");
            JsonObject again = c.call("initialize", "{\"processId\":null,\"rootUri\":null,\"capabilities\":{}}");
            errors.add(again);
            assertEquals(-32600, errorCode(again), "a second initialize");
            JsonObject symbols = c.call("textDocument/documentSymbol", doc(uri));
            assertEquals(0, symbols.getAsJsonArray("result").size(), "the didOpen sent before initialize was dropped: " + symbols);

            JsonObject dollar = c.call("$/routerls.unknown", "{}");
            errors.add(dollar);
            assertEquals(-32601, errorCode(dollar));
            JsonObject wrongTypes = c.call("textDocument/completion", "{\"textDocument\":42,\"position\":\"x\"}");
            errors.add(wrongTypes);
            assertEquals(-32602, errorCode(wrongTypes));
            for (String unadvertised : List.of("textDocument/formatting", "textDocument/rangeFormatting",
                    "textDocument/onTypeFormatting", "textDocument/signatureHelp",
                    "textDocument/declaration", "textDocument/implementation", "textDocument/typeDefinition",
                    "completionItem/resolve", "textDocument/prepareCallHierarchy")) {
                JsonObject r = c.call(unadvertised, "{\"textDocument\":{\"uri\":\"" + uri + "\"},\"position\":{\"line\":0,\"character\":0},"
                        + "\"options\":{\"tabSize\":2,\"insertSpaces\":true},\"command\":\"x\",\"label\":\"x\"}");
                errors.add(r);
                assertEquals(-32601, errorCode(r), unadvertised + ": " + r);
            }

            // routerls.trace is the one command the server has: any other is invalid params, not a crash
            JsonObject command = c.call("workspace/executeCommand", "{\"command\":\"x\",\"arguments\":[]}");
            errors.add(command);
            assertEquals(-32602, errorCode(command), command.toString());

            assertTrue(c.call("shutdown", null).has("result"));
            JsonObject late = c.call("textDocument/hover", LspJarIT.position(uri, 0, 0));
            errors.add(late);
            assertEquals(-32600, errorCode(late), "a request after shutdown");
            for (JsonObject e : errors) {
                assertFalse(e.getAsJsonObject("error").has("data"), "nothing internal reaches the client: " + e);
                String msg = e.getAsJsonObject("error").get("message").getAsString();
                assertFalse(msg.contains("Exception") || msg.contains("\tat ") || msg.contains("dev.routerls"), msg);
            }
            c.notify("exit", (JsonElement) null);
            assertTrue(c.process().waitFor(10, TimeUnit.SECONDS));
            assertEquals(0, c.process().exitValue());
        }
    }

    // ------------------------------------------------------------------------------------------ 6

    static final String SECRET_CONFIG = HEADER + "pp select 1\n pp auth accept chap\n pp auth myname user0 secret123\n";

    @Test
    void settingsAreReadPerFolderAndTheirMistakesAreShown(@TempDir Path tmp) throws Exception {
        Path a = Files.createDirectories(tmp.resolve("a")), b = Files.createDirectories(tmp.resolve("b"));
        Files.writeString(a.resolve(".routerls.json"), "{\"rules\": {\"yamaha/plaintext-secret\": \"off\"}}\n");
        Files.writeString(b.resolve(".routerls.json"), "{\n  \"rules\": {\n    \"yamaha/no-such-rule\": \"warning\",\n"
                + "    \"yamaha/syntax\": \"loud\"\n  }\n}\n");
        Path c3 = Files.createDirectories(tmp.resolve("c"));
        Files.writeString(c3.resolve(".routerls.json"), "{\"rules\": {\"yamaha/syntax\" \"off\"}\n");
        String folders = "[" + folder(a) + "," + folder(b) + "," + folder(c3) + "]";
        try (JsonRpcClient c = started("{}", folders)) {
            String inA = Uris.fromPath(a.resolve("r.conf")), inB = Uris.fromPath(b.resolve("r.conf"));
            c.notify("textDocument/didOpen", LspJarIT.didOpen(inA, "yamaha-rtx", SECRET_CONFIG));
            c.notify("textDocument/didOpen", LspJarIT.didOpen(inB, "yamaha-rtx", SECRET_CONFIG));
            JsonObject da = diagnosticsOf(c, inA);
            JsonObject db = diagnosticsOf(c, inB);
            assertEquals("", LspJarIT.codes(da.getAsJsonArray("diagnostics")), "folder a turns the rule off");
            assertEquals("yamaha/plaintext-secret@3", LspJarIT.codes(db.getAsJsonArray("diagnostics")),
                    "folder b's files keep it: settings do not leak between folders");

            JsonObject settingsB = diagnosticsOf(c, Uris.fromPath(b.resolve(".routerls.json")));
            assertNotNull(settingsB, "the mistakes of b/.routerls.json are published on it");
            List<String> where = new ArrayList<>();
            settingsB.getAsJsonArray("diagnostics").forEach(d -> where.add(d.getAsJsonObject().getAsJsonObject("range")
                    .getAsJsonObject("start").get("line").getAsInt() + ":" + d.getAsJsonObject().get("message").getAsString()));
            assertEquals(2, where.size(), where.toString());
            assertTrue(where.get(0).startsWith("2:") && where.get(0).contains("yamaha/no-such-rule"), where.toString());
            assertTrue(where.get(1).startsWith("3:") && where.get(1).contains("loud"), where.toString());
            JsonObject settingsC = diagnosticsOf(c, Uris.fromPath(c3.resolve(".routerls.json")));
            assertNotNull(settingsC, "a settings file that is not JSON is reported on itself");
            assertEquals(1, settingsC.getAsJsonArray("diagnostics").size(), settingsC.toString());

            // the client re-sends its configuration: the user is not told again
            c.notify("workspace/didChangeConfiguration", "{\"settings\":{}}");
            c.awaitDiagnostics(inB, 15000);
            long shown = c.received("window/showMessage").size();
            assertEquals(2, shown, "one message per broken settings file, once: " + c.received("window/showMessage"));
        }
    }

    static String folder(Path p) {
        return "{\"uri\":" + new JsonPrimitive(Uris.fromPath(p)) + ",\"name\":" + new JsonPrimitive(p.getFileName().toString()) + "}";
    }

    /** The first diagnostics published for {@code uri} (waiting up to 15 s), whatever came in between. */
    static JsonObject diagnosticsOf(JsonRpcClient c, String uri) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < end) {
            for (JsonObject p : c.received("textDocument/publishDiagnostics")) {
                if (p.get("uri").getAsString().equals(uri)) return p;
            }
            Thread.sleep(20);
        }
        return null;
    }

    @Test
    void settingsArePulledWithWorkspaceConfigurationWhenTheClientCan(@TempDir Path tmp) throws Exception {
        Path a = Files.createDirectories(tmp.resolve("a"));
        try (JsonRpcClient c = new JsonRpcClient(JsonRpcClient.jar(), List.of())) {
            c.answer("workspace/configuration", params -> {
                JsonArray out = new JsonArray();
                for (JsonElement item : params.getAsJsonArray("items")) {
                    out.add(JsonParser.parseString(item.getAsJsonObject().has("scopeUri")
                            ? "{\"rules\":{\"yamaha/undefined-reference\":\"off\"}}" : "{}"));
                }
                return out;
            });
            c.call("initialize", "{\"processId\":null,\"rootUri\":null,\"capabilities\":{\"workspace\":{\"configuration\":true}},"
                    + "\"workspaceFolders\":[" + folder(a) + "]}");
            c.notify("initialized", "{}");
            assertNotNull(c.awaitServerRequest("workspace/configuration", 10000), "the server asks for its settings");
            String uri = Uris.fromPath(a.resolve("r.conf"));
            c.notify("textDocument/didOpen", LspJarIT.didOpen(uri, "yamaha-rtx", HEADER + "pp select 1\n pp bind tunnel9\n"));
            JsonObject d = c.awaitDiagnostics(uri, 15000);
            assertEquals("", LspJarIT.codes(d.getAsJsonArray("diagnostics")), "the folder's configuration turned the rule off");
        }
    }

    // ------------------------------------------------------------------------------------------ 7, 8

    /** A v6plus map interface and the delegated /56 (the domain notes' example: IPv4 106.72.165.205, PSID 104). */
    static final String NETWORK = """
            config interface 'wan_map'
            \toption proto 'map'
            \toption maptype 'map-e'
            \toption peeraddr '2404:9200:225:100::64'
            \toption ipaddr '106.72.0.0'
            \toption ip4prefixlen '15'
            \toption ip6prefix '240b:10::'
            \toption ip6prefixlen '31'
            \toption ealen '25'
            \toption psidlen '8'
            \toption offset '4'
            \toption legacymap '1'

            config interface 'wan6'
            \toption proto 'dhcpv6'
            \toption ip6prefix '240b:10:a5cd:6800::/56'
            """;
    static final String SCRIPT = """
            #!/bin/sh
            TUNDEV='map-wan_map'
            setup() {
              iptables -t nat -F POSTROUTING
            }
            if [ -n "$TUNDEV" ]; then
              setup
            fi
            cat <<EOF >/tmp/x
            one
            two
            EOF
            rule=1
            while [ $rule -le 15 ] ; do
              iptables -t nat -A POSTROUTING -p tcp -o $TUNDEV -j SNAT --to 106.72.165.205:1024-1039
              rule=`expr $rule + 1`
            done
            """;

    @Test
    void firewallUserHasAnOutlineFoldingCompletionAndTwoWayNavigation(@TempDir Path tmp) throws Exception {
        Path etc = tmp.resolve("etc");
        Files.createDirectories(etc.resolve("config"));
        Files.writeString(etc.resolve("config/network"), NETWORK);
        Files.writeString(etc.resolve("firewall.user"), SCRIPT);
        String fw = Uris.fromPath(etc.resolve("firewall.user")), net = Uris.fromPath(etc.resolve("config/network"));
        try (JsonRpcClient c = started()) {
            c.notify("textDocument/didOpen", LspJarIT.didOpen(fw, "openwrt-firewall-user", SCRIPT));
            assertNotNull(c.awaitDiagnostics(fw, 15000));
            List<String> outline = new ArrayList<>();
            c.call("textDocument/documentSymbol", doc(fw)).getAsJsonArray("result")
                    .forEach(s -> outline.add(s.getAsJsonObject().get("name").getAsString()));
            assertTrue(outline.containsAll(List.of("TUNDEV", "setup()", "while [ $rule -le 15 ]")), outline.toString());

            List<String> folds = new ArrayList<>();
            c.call("textDocument/foldingRange", doc(fw)).getAsJsonArray("result").forEach(f -> folds.add(
                    f.getAsJsonObject().get("startLine").getAsInt() + "-" + f.getAsJsonObject().get("endLine").getAsInt()));
            assertTrue(folds.containsAll(List.of("2-4", "5-7", "8-11", "13-16")), "function, if, heredoc, while: " + folds);

            // completion: -o devices of the router, chains, options and variable names
            c.notify("textDocument/didChange", insert(fw, 2, 17, 0, "iptables -t nat -I POSTROUTING -o "));
            assertTrue(labels(c.call("textDocument/completion", LspJarIT.position(fw, 17, 34))).contains("map-wan_map"));
            c.notify("textDocument/didChange", change(fw, 3, 17, 0, 17, 34, "iptables -t nat -I "));
            assertTrue(labels(c.call("textDocument/completion", LspJarIT.position(fw, 17, 19))).contains("POSTROUTING"));
            c.notify("textDocument/didChange", change(fw, 4, 17, 0, 17, 19, "echo $"));
            assertTrue(labels(c.call("textDocument/completion", LspJarIT.position(fw, 17, 6))).containsAll(List.of("TUNDEV", "rule")));
            c.notify("textDocument/didChange", change(fw, 5, 17, 0, 17, 6, "iptables -t nat -A POSTROUTING -j SNAT --"));
            assertTrue(labels(c.call("textDocument/completion", LspJarIT.position(fw, 17, 41))).contains("--to-source"));

            // $TUNDEV: references reach the interface; the literal 'map-wan_map': definition reaches it too
            JsonArray refs = c.call("textDocument/references", "{\"textDocument\":{\"uri\":" + new JsonPrimitive(fw)
                    + "},\"position\":{\"line\":14,\"character\":45},\"context\":{\"includeDeclaration\":true}}").getAsJsonArray("result");
            assertTrue(uris(refs).contains(net), "references from $TUNDEV include the interface: " + refs);
            JsonArray def = c.call("textDocument/definition", LspJarIT.position(fw, 1, 10)).getAsJsonArray("result");
            assertEquals(List.of(net), uris(def), "definition of the literal device name: " + def);
        }
    }

    static List<String> uris(JsonArray locations) {
        List<String> out = new ArrayList<>();
        locations.forEach(l -> out.add(l.getAsJsonObject().get("uri").getAsString()));
        return out;
    }

    // --------------------------------------------------------------------------------------- 9-11

    @Test
    void hoverOutlineAndCompletionOrderFollowTheConfig() throws Exception {
        String uri = "file:///tmp/routerls-defects/d9.conf";
        String text = HEADER + "ip lan1 address 192.168.100.1/24\npp select 1\n pp bind tunnel1\n ip pp nat descriptor 1000\n"
                + "pp enable 1\ntunnel select 1\n ip tunnel tcp mss limit auto\ntunnel select none\n"
                + "nat descriptor type 1000 masquerade\nnat descriptor masquerade port range 1000 5856-5871 9952-9967\n";
        try (JsonRpcClient c = started()) {
            c.notify("textDocument/didOpen", LspJarIT.didOpen(uri, "yamaha-rtx", text));
            assertNotNull(c.awaitDiagnostics(uri, 15000));
            String hover = c.call("textDocument/hover", LspJarIT.position(uri, 3, 2)).getAsJsonObject("result")
                    .getAsJsonObject("contents").get("value").getAsString();
            assertTrue(hover.contains("RTX830"), "the hover describes the entry for the config's model: " + hover);

            List<String> names = new ArrayList<>();
            collectNames(c.call("textDocument/documentSymbol", doc(uri)).getAsJsonArray("result"), names);
            assertTrue(names.containsAll(List.of("ip pp nat descriptor 1000", "ip tunnel tcp mss limit",
                    "nat descriptor masquerade port range 1000")), names.toString());

            c.notify("textDocument/didChange", insert(uri, 2, 5, 0, " ip pp nat descriptor \n"));
            JsonObject completion = c.call("textDocument/completion", LspJarIT.position(uri, 5, 22));
            JsonArray items = completion.getAsJsonObject("result").getAsJsonArray("items");
            List<String> sortTexts = new ArrayList<>();
            items.forEach(i -> sortTexts.add(i.getAsJsonObject().has("sortText") ? i.getAsJsonObject().get("sortText").getAsString() : null));
            assertFalse(sortTexts.contains(null), "every item has a sortText: " + completion);
            List<String> sorted = new ArrayList<>(sortTexts);
            sorted.sort(null);
            assertEquals(sorted, sortTexts, "sorting by sortText keeps the server's order");
        }
    }

    static void collectNames(JsonArray symbols, List<String> out) {
        for (JsonElement s : symbols) {
            out.add(s.getAsJsonObject().get("name").getAsString());
            if (s.getAsJsonObject().has("children")) collectNames(s.getAsJsonObject().getAsJsonArray("children"), out);
        }
    }

    // ----------------------------------------------------------------------------------------- 12

    @Test
    void aCancelledRequestStopsAndTheServerLogsToTheClient() throws Exception {
        String big = "file:///tmp/routerls-defects/big.conf";
        String small = "file:///tmp/routerls-defects/small.conf";
        try (JsonRpcClient c = started()) {
            c.notify("textDocument/didOpen", LspJarIT.didOpen(big, "yamaha-rtx", dev.routerls.bench.RtxConfigGenerator.text(60_000)));
            var slow = c.request("textDocument/semanticTokens/full", JsonParser.parseString(doc(big)));
            c.notify("$/cancelRequest", "{\"id\":" + idOf(c) + "}");
            JsonObject cancelled = slow.get(30, TimeUnit.SECONDS);
            assertEquals(-32800, errorCode(cancelled), "a cancelled request answers RequestCancelled: " + cancelled);
            // another document is not held up behind the big one's analysis
            c.notify("textDocument/didOpen", LspJarIT.didOpen(small, "yamaha-rtx", HEADER + "pp bind tunnel9\n"));
            long t0 = System.nanoTime();
            JsonObject symbols = c.call("textDocument/documentSymbol", doc(small));
            assertTrue(symbols.has("result"), symbols.toString());
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(20));
        }
    }

    /** The id of the request just sent (the client numbers them from 1). */
    private static int idOf(JsonRpcClient c) {
        return c.lastId();
    }
}
