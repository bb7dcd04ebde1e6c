package dev.routerls.lsp;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.routerls.services.Uris;
import dev.routerls.testing.SampleRouters;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The trace in the editor over JSON-RPC: lenses on filter/NAT lines and SNAT rules, and the routerls.trace command. */
class LspTraceTest {
    static final String RTX = """
            # RTX830 Rev.15.02.30 (Mon Jan  1 00:00:00 2024)
            ip lan1 address 192.168.100.1/24
            ip route default gateway pp 1
            pp select 1
             ip pp secure filter out 200099
             ip pp nat descriptor 1000
             pp enable 1
            ip filter 200099 pass * * * * *
            nat descriptor type 1000 masquerade
            """;
    static final String URI = "file:///tmp/routerls-lsp/trace.rtx";

    private static List<? extends CodeLens> lenses(LspHarness h, String uri) throws Exception {
        return h.server.getTextDocumentService().codeLens(new CodeLensParams(new TextDocumentIdentifier(uri))).get(10, TimeUnit.SECONDS);
    }

    private static JsonObject execute(LspHarness h, CodeLens lens) throws Exception {
        Object result = h.server.getWorkspaceService().executeCommand(new ExecuteCommandParams(lens.getCommand().getCommand(),
                lens.getCommand().getArguments())).get(10, TimeUnit.SECONDS);
        return JsonParser.parseString(new com.google.gson.Gson().toJson(result)).getAsJsonObject();
    }

    @Test
    void yamahaLensTracesFromTheInterfaceAndShowsTheSteps() throws Exception {
        try (LspHarness h = new LspHarness().initialize(null)) {
            assertEquals(List.of("routerls.trace"), h.initializeResult.getCapabilities().getExecuteCommandProvider().getCommands());
            h.open(URI, "yamaha-rtx", RTX);
            h.diagnosticsFor(URI);
            List<? extends CodeLens> ls = lenses(h, URI);
            assertEquals(List.of(4, 5), ls.stream().map(l -> l.getRange().getStart().getLine()).toList());
            CodeLens nat = ls.get(1);
            assertEquals("Trace a packet from here… (tcp 203.0.113.10:50000 → 198.51.100.1:80 from pp1)", nat.getCommand().getTitle());
            JsonObject r = execute(h, nat);
            // from outside with no port forward: the masquerade descriptor has no entry for a new connection
            assertEquals("delivered", r.get("disposition").getAsString(), r.toString());
            MessageParams shown = h.messages.poll(10, TimeUnit.SECONDS);
            assertTrue(shown != null && shown.getMessage().startsWith("delivered: tcp 203.0.113.10:50000 -> 198.51.100.1:80 from pp1")
                    && shown.getMessage().contains("nat-in"), String.valueOf(shown));

            // a client may run the command with its own packet
            JsonObject own = new JsonObject();
            own.addProperty("uri", URI);
            own.addProperty("from", "lan1");
            own.addProperty("src", "192.168.100.20:40000");
            own.addProperty("dst", "198.51.100.9:443");
            Object out = h.server.getWorkspaceService().executeCommand(new ExecuteCommandParams("routerls.trace", List.of(own)))
                    .get(10, TimeUnit.SECONDS);
            JsonObject o = JsonParser.parseString(new com.google.gson.Gson().toJson(out)).getAsJsonObject();
            assertEquals("forwarded", o.get("disposition").getAsString());
            assertEquals("ipcp(pp1)", o.get("src").getAsString());
            assertEquals("60000-64095,49152-59999,44096-49151", o.get("srcPorts").getAsString());

            JsonObject bad = own.deepCopy();
            bad.addProperty("from", "lan9");
            ExecutionException e = assertThrows(ExecutionException.class, () -> h.server.getWorkspaceService()
                    .executeCommand(new ExecuteCommandParams("routerls.trace", List.of(bad))).get(10, TimeUnit.SECONDS));
            assertTrue(e.getCause().getMessage().contains("unknown interface 'lan9'"), e.getCause().getMessage());
        }
    }

    @Test
    void snatLoopLensShowsTheBlocksOfTheNextConnections(@TempDir Path tmp) throws Exception {
        Path etc = SampleRouters.copy("good", tmp.resolve("r")).resolve("etc");
        String fwUri = Uris.fromPath(etc.resolve("firewall.user"));
        try (LspHarness h = new LspHarness().initialize(null)) {
            h.open(fwUri, "openwrt-firewall-user", Files.readString(etc.resolve("firewall.user")));
            h.diagnosticsFor(fwUri);
            List<? extends CodeLens> ls = lenses(h, fwUri);
            assertEquals(1, ls.size());
            assertEquals(36, ls.get(0).getRange().getStart().getLine());
            assertEquals("Next connections from lan: connection 1 → 133.200.18.52:5472-5487 · connection 2 → 133.200.18.52:9568-9583"
                    + " · connection 3 → 133.200.18.52:13664-13679", ls.get(0).getCommand().getTitle());
            JsonObject r = execute(h, ls.get(0));
            assertEquals("5472-5487", r.get("srcPorts").getAsString());
            assertTrue(r.getAsJsonArray("steps").get(1).getAsJsonObject().get("detail").getAsString().startsWith("firewall.user: "),
                    r.toString());
        }
    }
}
