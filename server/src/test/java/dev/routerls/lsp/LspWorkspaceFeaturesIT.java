package dev.routerls.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.routerls.services.Uris;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
 * The features of a mature server over the jar's stdio, on a workspace of two routers: workspace symbols,
 * highlights, links, selection ranges, pull diagnostics (for open and unopened files), work-done progress
 * of the first workspace analysis, and code actions whose big edit is computed only on codeAction/resolve.
 */
class LspWorkspaceFeaturesIT {
    static final String CAPS = "{\"window\":{\"workDoneProgress\":true},\"textDocument\":{\"codeAction\":{\"dataSupport\":true,"
            + "\"resolveSupport\":{\"properties\":[\"edit\"]}}}}";

    @Test
    void aWorkspaceOfTwoRouters(@TempDir Path tmp) throws Exception {
        Path etc = tmp.resolve("owrt/etc");
        Files.createDirectories(etc.resolve("config"));
        Files.writeString(etc.resolve("config/network"), LspDefectsIT.NETWORK);
        Files.writeString(etc.resolve("config/firewall"), "config include\n\toption path '/etc/firewall.user'\n\nconfig zone\n"
                + "\toption name 'wan'\n\tlist network 'wan6'\n\tlist network 'wan_map'\n\tlist network 'nowhere'\n");
        Files.writeString(etc.resolve("firewall.user"), LspDefectsIT.SCRIPT);
        Path rtx = tmp.resolve("office.conf");
        Files.writeString(rtx, LspJarIT.RTX);
        String fw = Uris.fromPath(etc.resolve("firewall.user")), firewall = Uris.fromPath(etc.resolve("config/firewall"));
        try (JsonRpcClient c = LspDefectsIT.started(CAPS, "[" + LspDefectsIT.folder(tmp) + "]")) {
            JsonObject create = c.awaitServerRequest("window/workDoneProgress/create", 10000);
            assertNotNull(create, "the first workspace analysis shows progress");
            List<String> kinds = new ArrayList<>();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!kinds.contains("end") && System.nanoTime() < end) {
                kinds.clear();
                c.received("$/progress").forEach(p -> kinds.add(p.getAsJsonObject("value").get("kind").getAsString()));
                Thread.sleep(50);
            }
            assertEquals("begin", kinds.get(0));
            assertEquals("end", kinds.get(kinds.size() - 1));

            // workspace symbols: a YAMAHA descriptor and a UCI interface, neither file open
            List<String> found = new ArrayList<>();
            JsonArray symbols = c.call("workspace/symbol", "{\"query\":\"\"}").getAsJsonArray("result");
            symbols.forEach(s -> found.add(s.getAsJsonObject().get("name").getAsString()));
            assertTrue(found.containsAll(List.of("nat descriptor 1000", "pp 1", "wan_map", "wan6")), found.toString());

            // workspace diagnostics report the unopened files
            JsonArray items = c.call("workspace/diagnostic", "{\"previousResultIds\":[]}").getAsJsonObject("result").getAsJsonArray("items");
            List<String> reported = new ArrayList<>();
            for (JsonElement i : items) {
                for (JsonElement d : i.getAsJsonObject().getAsJsonArray("items")) {
                    reported.add(i.getAsJsonObject().get("uri").getAsString().replaceAll(".*/", "") + ":"
                            + d.getAsJsonObject().get("code").getAsString());
                }
            }
            assertTrue(reported.contains("office.conf:yamaha/undefined-reference"), reported.toString());
            assertTrue(reported.contains("firewall:openwrt/undefined-reference"), reported.toString());

            c.notify("textDocument/didOpen", LspJarIT.didOpen(fw, "openwrt-firewall-user", LspDefectsIT.SCRIPT));
            JsonObject pulled = c.call("textDocument/diagnostic", "{\"textDocument\":{\"uri\":" + new JsonPrimitive(fw) + "}}");
            assertEquals("full", pulled.getAsJsonObject("result").get("kind").getAsString(), pulled.toString());
            String resultId = pulled.getAsJsonObject("result").get("resultId").getAsString();
            JsonObject again = c.call("textDocument/diagnostic", "{\"textDocument\":{\"uri\":" + new JsonPrimitive(fw)
                    + "},\"previousResultId\":" + new JsonPrimitive(resultId) + "}");
            assertEquals("unchanged", again.getAsJsonObject("result").get("kind").getAsString(), again.toString());

            // highlights of $rule: its assignments (write) and reads
            JsonArray hl = c.call("textDocument/documentHighlight", LspJarIT.position(fw, 13, 10)).getAsJsonArray("result");
            List<String> marks = new ArrayList<>();
            hl.forEach(h -> marks.add((h.getAsJsonObject().getAsJsonObject("range").getAsJsonObject("start").get("line").getAsInt() + 1)
                    + (h.getAsJsonObject().get("kind").getAsInt() == 3 ? "w" : "r")));
            assertEquals(List.of("13w", "14r", "16w", "16r"), marks);

            // selection ranges grow from the word to the whole file
            JsonArray sel = c.call("textDocument/selectionRange", "{\"textDocument\":{\"uri\":" + new JsonPrimitive(fw)
                    + "},\"positions\":[{\"line\":14,\"character\":5}]}").getAsJsonArray("result");
            int depth = 0;
            for (JsonObject r = sel.get(0).getAsJsonObject(); r != null; r = r.has("parent") ? r.getAsJsonObject("parent") : null) depth++;
            assertTrue(depth >= 2, sel.toString());

            // the include's path is a link to the router's firewall.user
            c.notify("textDocument/didOpen", LspJarIT.didOpen(firewall, "openwrt-uci", Files.readString(etc.resolve("config/firewall"))));
            JsonArray links = c.call("textDocument/documentLink", "{\"textDocument\":{\"uri\":" + new JsonPrimitive(firewall) + "}}")
                    .getAsJsonArray("result");
            assertEquals(fw, links.get(0).getAsJsonObject().get("target").getAsString(), links.toString());

            // the SNAT action is listed without its edit, and computed when resolved (the script's loop SNATs to
            // the wrong blocks, so the action replaces it rather than inserting a second rule set)
            JsonArray actions = c.call("textDocument/codeAction", LspDefectsIT.codeAction(fw, 14, 2)).getAsJsonArray("result");
            JsonObject insert = null;
            for (JsonElement a : actions) {
                if (a.getAsJsonObject().get("title").getAsString().startsWith("Replace with correct MAP-E SNAT rules")) insert = a.getAsJsonObject();
            }
            assertNotNull(insert, actions.toString());
            assertFalse(insert.has("edit"), "listed without computing the block");
            JsonObject resolved = c.request("codeAction/resolve", insert).get(30, TimeUnit.SECONDS).getAsJsonObject("result");
            String text = resolved.getAsJsonObject("edit").getAsJsonArray("documentChanges").get(0).getAsJsonObject()
                    .getAsJsonArray("edits").get(0).getAsJsonObject().get("newText").getAsString();
            assertTrue(text.contains("-j SNAT --to 106.72.165.205:5760-5775"), text);

            // once the document changes, resolving the old listing is refused
            c.notify("textDocument/didChange", LspDefectsIT.insert(fw, 2, 0, 0, "# edited\n"));
            JsonObject stale = c.request("codeAction/resolve", insert).get(30, TimeUnit.SECONDS);
            assertEquals(-32801, LspDefectsIT.errorCode(stale), stale.toString());
        }
    }
}
