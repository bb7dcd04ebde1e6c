package dev.routerls.lsp;

import dev.routerls.mape.Ipv6Prefix;
import dev.routerls.mape.MapeCalculator;
import dev.routerls.mape.MapeResult;
import dev.routerls.mape.MapeRuleTable;
import dev.routerls.openwrt.mape.SnatBlockGenerator;
import dev.routerls.services.Uris;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CreateFile;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;
import dev.routerls.testing.SampleRouters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The MAP-E SNAT code actions over JSON-RPC: in firewall.user, on the map interface, as a quick fix, and on fw4. */
class LspMapeActionsTest {
    private static final String TITLE = "Insert MAP-E SNAT rules for wan_map (PSID 86)";


    private static String block() {
        Ipv6Prefix p = Ipv6Prefix.parse("2404:7a80:1234:5600::/56");
        MapeResult r = MapeCalculator.calculate(MapeRuleTable.bundled().lookup(p).orElseThrow(), p);
        return SnatBlockGenerator.iptables(r, "map-wan_map");
    }

    private static List<CodeAction> actions(LspHarness h, String uri, Range range) throws Exception {
        return h.server.getTextDocumentService().codeAction(new CodeActionParams(new TextDocumentIdentifier(uri), range,
                new CodeActionContext(List.of()))).get(10, TimeUnit.SECONDS).stream().map(e -> e.getRight()).toList();
    }

    private static CodeAction titled(List<CodeAction> actions, String start) {
        return actions.stream().filter(a -> a.getTitle().startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no action '" + start + "' in " + actions.stream().map(CodeAction::getTitle).toList()));
    }

    private static List<CodeAction> actions(LspHarness h, String uri, Range range, List<String> only) throws Exception {
        return h.server.getTextDocumentService().codeAction(new CodeActionParams(new TextDocumentIdentifier(uri), range,
                new CodeActionContext(List.of(), only))).get(10, TimeUnit.SECONDS).stream().map(e -> e.getRight()).toList();
    }

    @Test
    void insertIsOfferedOnlyWhereTheRouterHasNoSnat(@TempDir Path tmp) throws Exception {
        Path etc = SampleRouters.copy("good", tmp.resolve("r")).resolve("etc");
        String fwUri = Uris.fromPath(etc.resolve("firewall.user"));
        String netUri = Uris.fromPath(etc.resolve("config/network"));
        String good = Files.readString(etc.resolve("firewall.user"));
        String network = Files.readString(etc.resolve("config/network"));
        String script = "#!/bin/sh\necho start\n";
        Files.writeString(etc.resolve("firewall.user"), script);
        int lastLine = (int) script.chars().filter(c -> c == '\n').count();
        try (LspHarness h = new LspHarness().initialize(null)) {
            h.open(fwUri, "openwrt-firewall-user", script);
            h.open(netUri, "openwrt-uci", network);
            h.diagnosticsFor(fwUri);

            CodeAction insert = titled(actions(h, fwUri, new Range(new Position(0, 0), new Position(0, 0))), TITLE);
            assertEquals(CodeActionKind.Refactor, insert.getKind());
            List<TextEdit> edits = Edits.byUri(insert.getEdit()).get(fwUri);
            assertEquals(1, edits.size());
            assertEquals(new Range(new Position(lastLine, 0), new Position(lastLine, 0)), edits.get(0).getRange());
            assertEquals("\n" + block(), edits.get(0).getNewText());

            // on the map interface section of /etc/config/network: the same edit of firewall.user
            int mapLine = network.substring(0, network.indexOf("option ealen")).split("\n", -1).length - 1;
            CodeAction fromNetwork = titled(actions(h, netUri, new Range(new Position(mapLine, 3), new Position(mapLine, 3))), TITLE);
            assertEquals(edits, Edits.byUri(fromNetwork.getEdit()).get(fwUri));
            // not on another interface
            assertTrue(actions(h, netUri, new Range(new Position(0, 0), new Position(0, 0))).stream()
                    .noneMatch(a -> a.getTitle().startsWith(TITLE)));

        }
        // the good router's own loop is right: nothing to insert or replace
        Files.writeString(etc.resolve("firewall.user"), good);
        try (LspHarness h = new LspHarness().initialize(null)) {
            h.open(fwUri, "openwrt-firewall-user", good);
            h.diagnosticsFor(fwUri);
            assertEquals(List.of(), actions(h, fwUri, new Range(new Position(0, 0), new Position(0, 0))).stream()
                    .map(CodeAction::getTitle).filter(t -> t.contains("MAP-E SNAT")).toList());
        }
    }

    @Test
    void aWrongLoopIsReplacedNotJoinedByASecondRuleSet(@TempDir Path tmp) throws Exception {
        Path etc = SampleRouters.copy("good", tmp.resolve("r")).resolve("etc");
        String fwUri = Uris.fromPath(etc.resolve("firewall.user"));
        // blocks 32 ports wide: no single assignment says so
        String script = Files.readString(etc.resolve("firewall.user")).replace("portr=`expr $portl + 15`", "portr=`expr $portl + 31`");
        Files.writeString(etc.resolve("firewall.user"), script);
        try (LspHarness h = new LspHarness().initialize(null)) {
            h.open(fwUri, "openwrt-firewall-user", script);
            var published = h.diagnosticsFor(fwUri).getDiagnostics();
            List<CodeAction> anywhere = actions(h, fwUri, new Range(new Position(0, 0), new Position(0, 0)));
            assertTrue(anywhere.stream().noneMatch(a -> a.getTitle().startsWith(TITLE)), "no second rule set next to the loop");
            CodeAction replace = titled(anywhere, "Replace with correct MAP-E SNAT rules for wan_map (PSID 86");
            assertEquals(CodeActionKind.Refactor, replace.getKind());
            String after = dev.routerls.core.edit.DocumentEdits.apply(script, Edits.byUri(replace.getEdit()).get(fwUri).stream()
                    .map(e -> new dev.routerls.core.TextEdit(fwUri, Convert.range(e.getRange()), e.getNewText())).toList());
            assertTrue(after.contains("# while [ $rule -le $units1  ] ; do") && after.contains("# done\n")
                    && after.contains("-p udp -o $TUNDEV -j SNAT --to $IP4:$portl-$portr\n" + block()), after);
            // at a finding it is the quick fix, offered once
            var range = published.stream().filter(d -> d.getCode().getLeft().equals("openwrt/mape-port-range")).findFirst()
                    .orElseThrow().getRange();
            List<CodeAction> atFinding = actions(h, fwUri, range);
            assertEquals(1, atFinding.stream().filter(a -> a.getTitle().startsWith("Replace with correct")).count(),
                    atFinding.stream().map(CodeAction::getTitle).toList().toString());
            assertEquals(CodeActionKind.QuickFix, titled(atFinding, "Replace with correct").getKind());
            // a client asking for quick fixes only gets no refactorings, and the other way round
            assertTrue(actions(h, fwUri, range, List.of(CodeActionKind.QuickFix)).stream()
                    .allMatch(a -> a.getKind().equals(CodeActionKind.QuickFix)));
            assertTrue(actions(h, fwUri, new Range(new Position(0, 0), new Position(0, 0)), List.of(CodeActionKind.QuickFix)).isEmpty());
            assertEquals(List.of(CodeActionKind.Refactor), actions(h, fwUri, new Range(new Position(0, 0), new Position(0, 0)),
                    List.of("refactor")).stream().map(CodeAction::getKind).distinct().toList());
            assertTrue(actions(h, fwUri, range, List.of("refactor.rewrite")).stream().noneMatch(a -> a.getKind().equals("refactor")));
        }
    }

    @Test
    void aFindingWhoseLoopCannotBeReplacedGetsTheBlockAndACommentOnTheOldLoop(@TempDir Path tmp) throws Exception {
        Path etc = SampleRouters.copy("good", tmp.resolve("r")).resolve("etc");
        String fwUri = Uris.fromPath(etc.resolve("firewall.user"));
        // a literal --every that no assignment controls, and an echo in the loop: replacing the loop would lose it
        String script = Files.readString(etc.resolve("firewall.user"))
                .replace("fwuser_prerouting -m statistic --mode nth --every $units1", "fwuser_prerouting -m statistic --mode nth --every 16")
                .replace("  rule=`expr $rule + 1`\n", "  rule=`expr $rule + 1`\n  nft list ruleset\n");
        Files.writeString(etc.resolve("firewall.user"), script);
        try (LspHarness h = new LspHarness().initialize(null)) {
            h.open(fwUri, "openwrt-firewall-user", script);
            var published = h.diagnosticsFor(fwUri).getDiagnostics();
            var nth = published.stream()
                    .filter(d -> d.getCode().getLeft().equals("openwrt/mape-nth-spread")).findFirst().orElseThrow();
            CodeAction fix = titled(actions(h, fwUri, nth.getRange()), "Insert correct MAP-E SNAT rules for wan_map (PSID 86)");
            assertEquals(CodeActionKind.QuickFix, fix.getKind());
            assertTrue(fix.getTitle().endsWith("mark the old loop for removal"), fix.getTitle());
            List<TextEdit> edits = Edits.byUri(fix.getEdit()).get(fwUri);
            int whileLine = script.substring(0, script.indexOf("while [")).split("\n", -1).length - 1;
            TextEdit comment = edits.stream().filter(e -> e.getNewText().startsWith("# routerls:")).findFirst().orElseThrow();
            assertEquals(new Range(new Position(whileLine, 0), new Position(whileLine, 0)), comment.getRange());
            assertTrue(comment.getNewText().contains("Remove this loop"), comment.getNewText());
            assertTrue(edits.stream().anyMatch(e -> e.getNewText().equals("\n" + block())));
        }
    }

    @Test
    void aLoopWhoseNumbersArePlainAssignmentsGetsTheLiteralFixOnce(@TempDir Path tmp) throws Exception {
        Path etc = SampleRouters.copy("ocn-units-on-biglobe", tmp.resolve("r")).resolve("etc");
        String fwUri = Uris.fromPath(etc.resolve("firewall.user"));
        String script = Files.readString(etc.resolve("firewall.user"));
        try (LspHarness h = new LspHarness().initialize(null)) {
            h.open(fwUri, "openwrt-firewall-user", script);
            var published = h.diagnosticsFor(fwUri).getDiagnostics();
            for (String rule : List.of("openwrt/mape-port-range", "openwrt/mape-nth-spread")) {
                var d = published.stream().filter(x -> x.getCode().getLeft().equals(rule)).findFirst().orElseThrow();
                List<String> titles = actions(h, fwUri, d.getRange()).stream().map(CodeAction::getTitle).toList();
                assertEquals(1, titles.stream().filter(t -> t.startsWith("Set units1=15, units2=4096")).count(), titles.toString());
                assertTrue(titles.stream().noneMatch(t -> t.startsWith("Insert correct")), titles.toString());
            }
        }
    }

    @Test
    void onFw4TheActionCreatesAnNftablesFile(@TempDir Path tmp) throws Exception {
        Path etc = SampleRouters.copy("fw4-no-compat", tmp.resolve("r")).resolve("etc");
        String fwUri = Uris.fromPath(etc.resolve("firewall.user"));
        String script = Files.readString(etc.resolve("firewall.user"));
        ClientCapabilities caps = new ClientCapabilities();
        WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
        WorkspaceEditCapabilities edit = new WorkspaceEditCapabilities();
        edit.setDocumentChanges(true);
        edit.setResourceOperations(List.of("create"));
        ws.setWorkspaceEdit(edit);
        caps.setWorkspace(ws);
        try (LspHarness h = new LspHarness().initialize(null, caps)) {
            h.open(fwUri, "openwrt-firewall-user", script);
            h.diagnosticsFor(fwUri);
            CodeAction a = titled(actions(h, fwUri, new Range(new Position(0, 0), new Position(0, 0))), TITLE);
            assertTrue(a.getTitle().endsWith("in /etc/nftables.d/90-routerls-mape-map-wan_map.nft"), a.getTitle());
            var changes = a.getEdit().getDocumentChanges();
            CreateFile create = (CreateFile) changes.get(0).getRight();
            String nftUri = Uris.fromPath(etc.resolve("nftables.d/90-routerls-mape-map-wan_map.nft"));
            assertEquals(nftUri, create.getUri());
            TextDocumentEdit content = changes.get(1).getLeft();
            assertEquals(nftUri, content.getTextDocument().getUri());
            assertTrue(content.getEdits().get(0).getNewText().contains("snat ip to numgen inc mod 15 map { 0 : 133.200.18.52 . 5472-5487"));
        }
        // a client that cannot create files is not offered the action
        try (LspHarness h = new LspHarness().initialize(null)) {
            h.open(fwUri, "openwrt-firewall-user", script);
            h.diagnosticsFor(fwUri);
            assertTrue(actions(h, fwUri, new Range(new Position(0, 0), new Position(0, 0))).stream()
                    .noneMatch(x -> x.getTitle().startsWith(TITLE)));
        }
    }
}
