package dev.routerls.services;

import dev.routerls.services.types.EditorAction;
import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.SourceRange;
import dev.routerls.core.edit.DocumentEdits;
import dev.routerls.openwrt.mape.SnatBlockGenerator;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.router.RouterReader;
import dev.routerls.services.mape.SnatActions;
import dev.routerls.testing.SampleRouters;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SNAT action replaces a block it generated before instead of adding a second one, and keeps CRLF. */
class SnatActionsTest {
    private static final String URI = SampleRouters.uri("firewall.user");

    private static String apply(String text, EditorAction a) {
        return DocumentEdits.apply(text, a.edits());
    }

    @Test
    void anEarlierGeneratedBlockIsReplaced() {
        // first run: append to a script without a block
        Router r1 = RouterReader.read(SampleRouters.edited("good", "firewall.user", t -> "#!/bin/sh\r\necho start\r\n"),
                AnalysisSettings.DEFAULT);
        EditorAction first = new SnatActions().at(r1, URI, SourceRange.of(0, 0, 0), List.of()).get(0);
        String once = apply("#!/bin/sh\r\necho start\r\n", first);
        assertTrue(once.startsWith("#!/bin/sh\r\necho start\r\n\r\n" + SnatBlockGenerator.beginLine("map-wan_map") + "\r\n"), once);
        assertTrue(!once.replace("\r\n", "").contains("\n"), "every inserted line ends in CRLF, as the file's do");
        // second run on the result, with the block tampered with: the block is replaced, not added again
        String tampered = once.replace("--packet 3 ", "--packet 33 ") + "echo end\r\n";
        Router r2 = RouterReader.read(SampleRouters.edited("good", "firewall.user", t -> tampered), AnalysisSettings.DEFAULT);
        EditorAction second = new SnatActions().at(r2, URI, SourceRange.of(0, 0, 0), List.of()).get(0);
        assertEquals(once + "echo end\r\n", apply(tampered, second));
    }

    @Test
    void aRightLoopWithoutTheRulesForUnmarkedConnectionsGetsNoSecondRuleSet() {
        // the loop SNATs to exactly the port set but lacks the rules for connections without a mark; inside a function
        // no fix can append them with certainty. A second rule set and "remove this loop" would be wrong advice.
        String script = SampleRouters.texts("good").get("firewall.user");
        String loop = script.substring(0, script.indexOf("\n# A connection that got no mark"));
        String wrapped = loop.replace("rule=1\nwhile", "spread() {\nrule=1\nwhile").replace("\ndone\n", "\ndone\n}\nspread\n");
        List<dev.routerls.core.SourceFile> files = SampleRouters.edited("good", "firewall.user", t -> wrapped);
        var found = new dev.routerls.analysis.Analyzer().analyze(files, AnalysisSettings.DEFAULT).get(URI).stream()
                .filter(d -> d.ruleId().equals("openwrt/mape-nth-spread")).toList();
        assertEquals(1, found.size(), found.toString());
        assertEquals(List.of(), found.get(0).fixes());
        Router r = RouterReader.read(files, AnalysisSettings.DEFAULT);
        assertEquals(List.of(), new SnatActions().at(r, URI, found.get(0).range(), found).stream().map(EditorAction::title).toList());
    }
}
