package dev.routerls.lsp;

import dev.routerls.services.Uris;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DiagnosticCapabilities;
import org.eclipse.lsp4j.DiagnosticWorkspaceCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Push or pull: a client that pulls diagnostics gets them only by pulling (a push as well would show every
 * finding twice), and is asked to pull again when an edit of one file changes another file's findings; a
 * client that does not pull gets them pushed.
 */
class LspDiagnosticsDeliveryTest {
    /** A NAT descriptor no interface applies: one finding (yamaha/nat-settings-unused or unused-definition). */
    private static final String YAMAHA = "ip lan1 address 192.168.100.1/24\nnat descriptor type 1000 masquerade\n";
    private static final String FIREWALL = LspWorkspaceTest.FIREWALL;

    private static final String NETWORK = "config interface 'wan'\n\toption proto 'dhcp'\n";

    /** A router on disk whose firewall names a network (wan6) that its network file does not define. */
    private record Router(String firewall, String network) {
        static Router on(Path tmp) throws java.io.IOException {
            Path etc = tmp.resolve("etc");
            Files.createDirectories(etc.resolve("config"));
            Files.writeString(etc.resolve("config/network"), NETWORK);
            Files.writeString(etc.resolve("config/firewall"), FIREWALL);
            return new Router(Uris.fromPath(etc.resolve("config/firewall")), Uris.fromPath(etc.resolve("config/network")));
        }
    }

    private static ClientCapabilities pulling(boolean refreshSupport) {
        ClientCapabilities caps = new ClientCapabilities();
        TextDocumentClientCapabilities td = new TextDocumentClientCapabilities();
        td.setDiagnostic(new DiagnosticCapabilities());
        caps.setTextDocument(td);
        WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
        ws.setDiagnostics(new DiagnosticWorkspaceCapabilities(refreshSupport));
        caps.setWorkspace(ws);
        return caps;
    }

    private static DocumentDiagnosticReport pull(LspHarness h, String uri, String previousResultId) throws Exception {
        DocumentDiagnosticParams p = new DocumentDiagnosticParams(new TextDocumentIdentifier(uri));
        p.setPreviousResultId(previousResultId);
        return h.server.getTextDocumentService().diagnostic(p).get(20, TimeUnit.SECONDS);
    }

    private static List<String> rules(DocumentDiagnosticReport r) {
        return r.getLeft().getItems().stream().map(d -> d.getCode().getLeft() + "@" + (d.getRange().getStart().getLine() + 1)).sorted().toList();
    }

    /** Waits until the server's own analysis of {@code uri} at {@code version} has been delivered. */
    private static void analysed(LspHarness h, String uri, int version) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (h.impl.scheduler().latest(uri, version).isEmpty()) {
            assertTrue(System.nanoTime() < end, "no analysis of " + uri + " version " + version);
            Thread.sleep(20);
        }
        Thread.sleep(300); // delivery follows the bookkeeping; give a push time to arrive if one were sent
    }

    private static void change(LspHarness h, String uri, int version, int line, String text) {
        h.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version),
                List.of(new TextDocumentContentChangeEvent(new Range(new Position(line, 0), new Position(line, 0)), text))));
    }

    @Test
    void aClientThatPullsIsNotAlsoPushedTo() throws Exception {
        String uri = "file:///tmp/routerls-delivery/pull.conf";
        try (LspHarness h = new LspHarness().initialize(null, pulling(true))) {
            h.open(uri, "yamaha-rtx", YAMAHA);
            DocumentDiagnosticReport r = pull(h, uri, null);
            assertEquals(1, r.getLeft().getItems().size(), "the pull answers the finding: " + rules(r));
            analysed(h, uri, 1);
            change(h, uri, 2, 2, "ip lan1 nat descriptor 1000\n");
            analysed(h, uri, 2);
            assertEquals(List.of(), rules(pull(h, uri, r.getLeft().getResultId())), "the edit applies the descriptor");
            assertNull(h.diagnostics.poll(), "nothing is pushed to a client that pulls");
            assertNull(h.refreshes.poll(), "the edited document itself is pulled by the client; no refresh for it alone");
        }
    }

    @Test
    void aClientThatDoesNotPullIsPushedTo() throws Exception {
        String uri = "file:///tmp/routerls-delivery/push.conf";
        try (LspHarness h = new LspHarness().initialize(null)) {
            h.open(uri, "yamaha-rtx", YAMAHA);
            PublishDiagnosticsParams p = h.diagnosticsFor(uri);
            assertEquals(1, p.getDiagnostics().size(), "pushed: " + p.getDiagnostics());
            assertEquals(1, p.getVersion());
            change(h, uri, 2, 2, "ip lan1 nat descriptor 1000\n");
            PublishDiagnosticsParams after = h.diagnosticsFor(uri);
            while (after.getVersion() != 2) after = h.diagnosticsFor(uri);
            assertEquals(List.of(), after.getDiagnostics());
            assertNull(h.refreshes.poll(), "a client that does not pull is never asked to");
        }
    }

    @Test
    void anEditThatChangesAnotherFilesFindingsAsksThePullingClientToPullAgain(@TempDir Path tmp) throws Exception {
        Router r = Router.on(tmp);
        String fw = r.firewall(), net = r.network();
        try (LspHarness h = new LspHarness().initialize(null, pulling(true))) {
            h.open(fw, "openwrt-uci", FIREWALL);
            h.open(net, "openwrt-uci", NETWORK);
            DocumentDiagnosticReport before = pull(h, fw, null);
            assertEquals(List.of("openwrt/undefined-reference@4"), rules(before), "network has no wan6");
            analysed(h, net, 1);
            assertNull(h.refreshes.poll(), "nothing changed since the pull");

            change(h, net, 2, 2, "config interface 'wan6'\n\toption proto 'dhcpv6'\n");
            assertNotNull(h.refreshes.poll(20, TimeUnit.SECONDS), "firewall's findings changed without an edit of firewall");
            DocumentDiagnosticReport after = pull(h, fw, before.getLeft().getResultId());
            assertTrue(after.isLeft(), "the same version of firewall with other findings is a new report");
            assertEquals(List.of(), rules(after));
            assertNull(h.diagnostics.poll(), "nothing is pushed to a client that pulls");
        }
    }

    @Test
    void aPullingClientWithoutRefreshSupportIsNotSentRefreshes(@TempDir Path tmp) throws Exception {
        Router r = Router.on(tmp);
        String fw = r.firewall(), net = r.network();
        try (LspHarness h = new LspHarness().initialize(null, pulling(false))) {
            h.open(fw, "openwrt-uci", FIREWALL);
            h.open(net, "openwrt-uci", NETWORK);
            assertEquals(List.of("openwrt/undefined-reference@4"), rules(pull(h, fw, null)));
            change(h, net, 2, 2, "config interface 'wan6'\n\toption proto 'dhcpv6'\n");
            analysed(h, net, 2);
            assertNull(h.refreshes.poll(), "the client did not declare refreshSupport");
            assertEquals(List.of(), rules(pull(h, fw, null)), "its next pull has the new findings");
            assertNull(h.diagnostics.poll());
        }
    }

    @Test
    void aSettingsChangeAsksThePullingClientToPullAgainUnderTheNewSettings() throws Exception {
        String uri = "file:///tmp/routerls-delivery/settings.conf";
        try (LspHarness h = new LspHarness().initialize(null, pulling(true))) {
            h.open(uri, "yamaha-rtx", YAMAHA);
            DocumentDiagnosticReport before = pull(h, uri, null);
            analysed(h, uri, 1);
            assertNull(h.refreshes.poll(), "nothing changed since the pull");
            h.server.getWorkspaceService().didChangeConfiguration(new org.eclipse.lsp4j.DidChangeConfigurationParams(
                    com.google.gson.JsonParser.parseString("{\"routerls\":{\"model\":\"NVR510\"}}")));
            assertNotNull(h.refreshes.poll(20, TimeUnit.SECONDS), "the pulled report was computed under the old settings");
            DocumentDiagnosticReport after = pull(h, uri, before.getLeft().getResultId());
            assertTrue(after.isLeft(), "a report under other settings is a new one, even with the same findings");
            assertNull(h.diagnostics.poll(), "nothing is pushed to a client that pulls");
        }
    }
}
