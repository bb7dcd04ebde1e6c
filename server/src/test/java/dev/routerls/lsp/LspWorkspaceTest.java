package dev.routerls.lsp;

import dev.routerls.services.Uris;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The server analyses an OpenWrt router as a whole: firewall findings that depend on network follow
 * network's edits in the editor and its changes on disk.
 */
class LspWorkspaceTest {
    static final String FIREWALL = "config zone\n\toption name 'wan'\n\tlist network 'wan'\n\tlist network 'wan6'\n";

    static List<String> found(PublishDiagnosticsParams p) {
        return p.getDiagnostics().stream()
                .map(d -> d.getCode().getLeft() + "@" + (d.getRange().getStart().getLine() + 1) + ":" + (d.getRange().getStart().getCharacter() + 1))
                .sorted().toList();
    }

    @Test
    void firewallFindingsFollowTheNetworkFile(@TempDir Path tmp) throws Exception {
        Path etc = tmp.resolve("etc");
        Files.createDirectories(etc.resolve("config"));
        Path network = etc.resolve("config/network");
        Files.writeString(network, "config interface 'wan'\n\toption proto 'dhcp'\n");
        Files.writeString(etc.resolve("config/firewall"), FIREWALL);
        String fw = Uris.fromPath(etc.resolve("config/firewall"));
        String net = Uris.fromPath(network);
        try (LspHarness h = new LspHarness().initialize(null)) {
            h.open(fw, "plaintext", FIREWALL);
            assertEquals(List.of("openwrt/undefined-reference@4:16"), found(h.diagnosticsFor(fw)),
                    "network on disk has no wan6");

            // the user adds wan6 to network in the editor: firewall is re-checked against the unsaved text
            h.open(net, "openwrt-uci", "config interface 'wan'\n\toption proto 'dhcp'\n");
            h.diagnosticsFor(net);
            h.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(net, 2),
                    List.of(new TextDocumentContentChangeEvent(new Range(new Position(2, 0), new Position(2, 0)),
                            "config interface 'wan6'\n\toption proto 'dhcpv6'\n"))));
            PublishDiagnosticsParams after = h.diagnosticsFor(fw);
            while (!found(after).isEmpty()) after = h.diagnosticsFor(fw); // an earlier run may still be in flight
            assertEquals(List.of(), found(after));

            // network closed without saving: the disk text counts again
            h.server.getTextDocumentService().didClose(new org.eclipse.lsp4j.DidCloseTextDocumentParams(
                    new org.eclipse.lsp4j.TextDocumentIdentifier(net)));
            assertEquals(List.of("openwrt/undefined-reference@4:16"), found(h.diagnosticsFor(fw)));

            // then saved on disk by another program: the watcher event re-publishes firewall
            Files.writeString(network, "config interface 'wan'\n\toption proto 'dhcp'\n\nconfig interface 'wan6'\n\toption proto 'dhcpv6'\n");
            h.server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                    List.of(new FileEvent(net, FileChangeType.Changed))));
            assertEquals(List.of(), found(h.diagnosticsFor(fw)));
        }
    }

    @Test
    void aRuleSetToOffInTheSettingsFileIsNotReported(@TempDir Path tmp) throws Exception {
        Path etc = tmp.resolve("etc");
        Files.createDirectories(etc.resolve("config"));
        Files.writeString(etc.resolve("config/network"), "config interface 'wan'\n\toption proto 'dhcp'\n");
        Files.writeString(tmp.resolve(".routerls.json"), "{\"rules\":{\"openwrt/undefined-reference\":\"off\",\"openwrt/unknown-option\":\"error\"}}");
        String fw = Uris.fromPath(etc.resolve("config/firewall"));
        try (LspHarness h = new LspHarness()) {
            var p = new org.eclipse.lsp4j.InitializeParams();
            p.setCapabilities(new org.eclipse.lsp4j.ClientCapabilities());
            p.setWorkspaceFolders(List.of(new org.eclipse.lsp4j.WorkspaceFolder(Uris.fromPath(tmp), "w")));
            h.server.initialize(p).get();
            h.open(fw, "openwrt-uci", FIREWALL + "\toption bogus '1'\n");
            PublishDiagnosticsParams d = h.diagnosticsFor(fw);
            assertEquals(List.of("openwrt/unknown-option@5:9"), found(d));
            assertEquals(org.eclipse.lsp4j.DiagnosticSeverity.Error, d.getDiagnostics().get(0).getSeverity());
        }
    }

    @Test
    void addingAWorkspaceFolderReadsItsSettingsFile(@TempDir Path tmp) throws Exception {
        Path etc = tmp.resolve("etc");
        Files.createDirectories(etc.resolve("config"));
        Files.writeString(tmp.resolve(".routerls.json"), "{\"rules\":{\"openwrt/unknown-option\":\"off\"}}");
        String net = Uris.fromPath(etc.resolve("config/network"));
        try (LspHarness h = new LspHarness().initialize(null)) {
            h.open(net, "openwrt-uci", "config interface 'lan'\n\toption proto 'static'\n\toption bogus '1'\n");
            assertEquals(List.of("openwrt/unknown-option@3:9"), found(h.diagnosticsFor(net)));
            var event = new org.eclipse.lsp4j.WorkspaceFoldersChangeEvent(
                    List.of(new org.eclipse.lsp4j.WorkspaceFolder(Uris.fromPath(tmp), "w")), List.of());
            h.server.getWorkspaceService().didChangeWorkspaceFolders(new org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams(event));
            assertEquals(List.of(), found(h.diagnosticsFor(net)));
        }
    }
}
