package dev.routerls.lsp;

import com.google.gson.JsonParser;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.Severity;
import dev.routerls.core.SourceRange;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LspServerTest {
    private static final String RTX = "# RTX830 Rev.15.02.30 (Mon Jan  1 00:00:00 2024)\nip lan1 address 192.168.100.1/24\n";

    @Test
    void advertisesIncrementalSyncAndEveryFeature() throws Exception {
        try (LspHarness h = new LspHarness().initialize(null)) {
            var caps = h.initializeResult.getCapabilities();
            assertEquals(TextDocumentSyncKind.Incremental, caps.getTextDocumentSync().getRight().getChange());
            assertTrue(caps.getTextDocumentSync().getRight().getOpenClose());
            assertTrue(caps.getHoverProvider().getLeft());
            assertTrue(caps.getDefinitionProvider().getLeft());
            assertTrue(caps.getReferencesProvider().getLeft());
            assertTrue(caps.getDocumentSymbolProvider().getLeft());
            assertTrue(caps.getFoldingRangeProvider().getLeft());
            assertTrue(caps.getCompletionProvider().getTriggerCharacters().contains(" "));
            assertEquals("routerls", h.initializeResult.getServerInfo().getName());
        }
    }

    @Test
    void registersAFileWatcherWhenTheClientCanTakeOne() throws Exception {
        try (LspHarness h = new LspHarness()) {
            InitializeParams p = new InitializeParams();
            ClientCapabilities caps = new ClientCapabilities();
            WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
            ws.setDidChangeWatchedFiles(new DidChangeWatchedFilesCapabilities(true));
            caps.setWorkspace(ws);
            p.setCapabilities(caps);
            h.server.initialize(p).get(10, TimeUnit.SECONDS);
            h.server.initialized(new InitializedParams());
            long end = System.currentTimeMillis() + 5000;
            while (h.registrations.isEmpty() && System.currentTimeMillis() < end) Thread.sleep(20);
            assertEquals("workspace/didChangeWatchedFiles", h.registrations.get(0).getRegistrations().get(0).getMethod());
        }
    }

    @Test
    void publishesOnOpenForTheOpenedVersionAndClearsOnClose() throws Exception {
        try (LspHarness h = new LspHarness().initialize(null)) {
            String uri = "file:///tmp/routerls-test/office.conf";
            h.open(uri, "plaintext", RTX);
            PublishDiagnosticsParams p = h.diagnosticsFor(uri);
            assertEquals(1, p.getVersion());
            var change = new TextDocumentContentChangeEvent(new org.eclipse.lsp4j.Range(new Position(1, 28), new Position(1, 29)), "2");
            h.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier(uri, 7), List.of(change)));
            assertEquals(7, h.diagnosticsFor(uri).getVersion());
            assertEquals(RTX.replace("192.168.100.1", "192.168.100.2"),
                    h.impl.workspace().documents().get(uri).orElseThrow().text());
            h.server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
            PublishDiagnosticsParams cleared = h.diagnosticsFor(uri);
            assertTrue(cleared.getDiagnostics().isEmpty());
            assertTrue(h.impl.workspace().documents().get(uri).isEmpty());
        }
    }

    @Test
    void diagnosticsCarryTheRuleIdAsCodeAndRouterlsAsSource() {
        var d = Convert.diagnostic(new Diagnostic("yamaha/syntax", Severity.WARNING, "u", new SourceRange(2, 1, 2, 5), "unknown command"));
        assertEquals("yamaha/syntax", d.getCode().getLeft());
        assertEquals("routerls", d.getSource());
        assertEquals(DiagnosticSeverity.Warning, d.getSeverity());
        assertEquals(new Position(2, 1), d.getRange().getStart());
        assertEquals(new Position(2, 5), d.getRange().getEnd());
    }

    @Test
    void unknownDocumentsAndPositionsPastTheEndGiveEmptyResults() throws Exception {
        try (LspHarness h = new LspHarness().initialize(null)) {
            var td = h.server.getTextDocumentService();
            String known = "file:///tmp/routerls-test/a.rtx";
            h.open(known, "yamaha-rtx", RTX + "x".repeat(5000) + "\n");
            h.diagnosticsFor(known);
            for (String uri : List.of("file:///nowhere/x.rtx", known)) {
                TextDocumentIdentifier id = new TextDocumentIdentifier(uri);
                for (Position pos : List.of(new Position(0, 0), new Position(999, 999), new Position(2, 4999), new Position(-1, -5))) {
                    assertTrue(td.completion(new CompletionParams(id, pos)).get(10, TimeUnit.SECONDS).getRight().getItems().isEmpty()
                            || uri.equals(known));
                    if (!uri.equals(known)) {
                        assertNull(td.hover(new HoverParams(id, pos)).get(10, TimeUnit.SECONDS));
                        assertTrue(td.definition(new DefinitionParams(id, pos)).get(10, TimeUnit.SECONDS).getLeft().isEmpty());
                        assertTrue(td.references(new ReferenceParams(id, pos, new ReferenceContext(true))).get(10, TimeUnit.SECONDS).isEmpty());
                    }
                }
                if (!uri.equals(known)) {
                    assertTrue(td.documentSymbol(new DocumentSymbolParams(id)).get(10, TimeUnit.SECONDS).isEmpty());
                    assertTrue(td.foldingRange(new FoldingRangeRequestParams(id)).get(10, TimeUnit.SECONDS).isEmpty());
                }
            }
            // an edit to a document that is not open is ignored, not an error
            td.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier("file:///nowhere/y", 2),
                    List.of(new TextDocumentContentChangeEvent("x"))));
            // rename where there is nothing to rename is an LSP error, and the server keeps serving
            ExecutionException e = assertThrows(ExecutionException.class, () -> td.rename(new RenameParams(
                    new TextDocumentIdentifier("file:///nowhere/x.rtx"), new Position(0, 0), "9")).get(10, TimeUnit.SECONDS));
            assertTrue(e.getCause().getMessage().contains("nothing to rename"), e.getCause().getMessage());
            assertTrue(td.completion(new CompletionParams(new TextDocumentIdentifier(known), new Position(1, 0))).get(10, TimeUnit.SECONDS).isRight());
        }
    }

    @Test
    void settingsFromInitializationOptionsReachTheAnalysis() throws Exception {
        try (LspHarness h = new LspHarness().initialize(JsonParser.parseString(
                "{\"model\":\"RTX1210\",\"openwrtRelease\":\"21.02\",\"rules\":{\"yamaha/syntax\":\"off\"}}"))) {
            var s = h.impl.workspace().settings();
            assertEquals("RTX1210", s.yamahaModel());
            assertEquals("21.02", s.openwrtRelease());
            assertTrue(!s.enabled("yamaha/syntax"));
            h.server.getWorkspaceService().didChangeConfiguration(new org.eclipse.lsp4j.DidChangeConfigurationParams(
                    JsonParser.parseString("{\"routerls\":{\"model\":\"NVR510\"}}")));
            long end = System.currentTimeMillis() + 5000;
            while (!"NVR510".equals(h.impl.workspace().settings().yamahaModel()) && System.currentTimeMillis() < end) Thread.sleep(10);
            assertEquals("NVR510", h.impl.workspace().settings().yamahaModel());
            assertTrue(h.impl.workspace().settings().enabled("yamaha/syntax"), "a new client configuration replaces the old one");
        }
    }
}
