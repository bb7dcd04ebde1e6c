package dev.routerls.lsp;

import dev.routerls.services.Uris;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each feature through JSON-RPC: what the services return arrives as the LSP shapes editors expect. */
class LspFeaturesTest {
    static final String RTX = """
            # RTX830 Rev.15.02.30 (Mon Jan  1 00:00:00 2024)
            ip lan1 address 192.168.100.1/24
            pp select 1
             ip pp nat descriptor 1000
             pp enable 1
            nat descriptor type 1000 masquerade
            """;
    static final String URI = "file:///tmp/routerls-lsp/office.rtx";

    @Test
    void yamahaFeaturesArriveAsLspShapes() throws Exception {
        try (LspHarness h = new LspHarness().initialize(null)) {
            var td = h.server.getTextDocumentService();
            TextDocumentIdentifier id = new TextDocumentIdentifier(URI);
            h.open(URI, "yamaha-rtx", RTX);
            h.diagnosticsFor(URI);

            List<CompletionItem> items = td.completion(new CompletionParams(id, new Position(3, 22))).get(10, TimeUnit.SECONDS).getRight().getItems();
            CompletionItem nat = items.stream().filter(i -> i.getLabel().equals("1000")).findFirst().orElseThrow();
            assertEquals(CompletionItemKind.Reference, nat.getKind());
            assertTrue(nat.getDetail().contains("masquerade"), nat.getDetail());

            var hover = td.hover(new HoverParams(id, new Position(5, 3))).get(10, TimeUnit.SECONDS);
            assertEquals(MarkupKind.MARKDOWN, hover.getContents().getRight().getKind());
            assertTrue(hover.getContents().getRight().getValue().contains("nat descriptor type"));

            var def = td.definition(new DefinitionParams(id, new Position(3, 23))).get(10, TimeUnit.SECONDS).getLeft();
            assertEquals(1, def.size());
            assertEquals(new Range(new Position(5, 20), new Position(5, 24)), def.get(0).getRange());

            var edit = td.rename(new RenameParams(id, new Position(5, 21), "2000")).get(10, TimeUnit.SECONDS);
            assertEquals(2, edit.getChanges().get(URI).size());

            var symbols = td.documentSymbol(new DocumentSymbolParams(id)).get(10, TimeUnit.SECONDS);
            var pp = symbols.get(0).getRight();
            assertEquals("pp 1", pp.getName());
            assertEquals(SymbolKind.Module, pp.getKind());
            assertEquals(2, pp.getChildren().size());

            var folds = td.foldingRange(new FoldingRangeRequestParams(id)).get(10, TimeUnit.SECONDS);
            assertEquals(2, folds.get(0).getStartLine());
            assertEquals(4, folds.get(0).getEndLine());
        }
    }

    @Test
    void aRuleFixBecomesAQuickFix(@TempDir Path tmp) throws Exception {
        Path network = tmp.resolve("etc/config/network");
        Files.createDirectories(network.getParent());
        String text = "config interface 'lan'\n\toption proto 'static'\n\toption ipadr '192.168.1.1'\n";
        Files.writeString(network, text);
        String uri = Uris.fromPath(network);
        try (LspHarness h = new LspHarness().initialize(null)) {
            h.open(uri, "openwrt-uci", text);
            var published = h.diagnosticsFor(uri).getDiagnostics();
            assertEquals(List.of("openwrt/unknown-option"), published.stream().map(d -> d.getCode().getLeft()).toList());
            var actions = h.server.getTextDocumentService().codeAction(new CodeActionParams(new TextDocumentIdentifier(uri),
                    new Range(new Position(2, 9), new Position(2, 9)), new CodeActionContext(published))).get(10, TimeUnit.SECONDS);
            assertEquals(1, actions.size());
            var action = actions.get(0).getRight();
            assertEquals(CodeActionKind.QuickFix, action.getKind());
            assertTrue(action.getTitle().contains("ipaddr"), action.getTitle());
            var change = Edits.byUri(action.getEdit()).get(uri).get(0);
            assertEquals("ipaddr", change.getNewText());
            assertEquals(new Range(new Position(2, 8), new Position(2, 13)), change.getRange());
            assertEquals("openwrt/unknown-option", action.getDiagnostics().get(0).getCode().getLeft());
            var none = h.server.getTextDocumentService().codeAction(new CodeActionParams(new TextDocumentIdentifier(uri),
                    new Range(new Position(0, 0), new Position(0, 1)), new CodeActionContext(List.of()))).get(10, TimeUnit.SECONDS);
            assertTrue(none.isEmpty(), "no fix away from the finding");
        }
    }
}
