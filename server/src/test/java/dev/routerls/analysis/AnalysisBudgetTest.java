package dev.routerls.analysis;

import dev.routerls.testing.ScriptFindings;
import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.SourceFile;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.LanguageId;
import dev.routerls.analysis.OpenWrtAnalyzer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Past its time budget an analysis stops at its next checkpoint, reports the part it did not finish with one
 * {@code routerls/analysis-stopped} info finding over that part, and still reports everything before it.
 * (A zero budget is spent at once, so where the analysis stops is fixed: the first checkpoint.)
 */
class AnalysisBudgetTest {
    private final Analyzer spent = new Analyzer(new OpenWrtAnalyzer(), Duration.ZERO);

    private static List<Diagnostic> stops(List<Diagnostic> ds) {
        return ds.stream().filter(d -> d.ruleId().equals(AnalysisStopped.INFO.id())).toList();
    }

    @Test
    void aYamahaConfigPastTheBudgetIsReadUpToACheckpointAndTheRestIsOneFinding() {
        StringBuilder text = new StringBuilder("# RTX830 Rev.15.02.30\nip lan1 frobnicate 1\n");
        for (int i = 0; i < 3000; i++) text.append("ip route 10.").append(i / 250).append('.').append(i % 250).append(".0/24 gateway 192.0.2.1\n");
        String uri = "file:///big.conf";
        List<Diagnostic> ds = spent.analyze(List.of(new SourceFile(uri, text.toString(), LanguageId.YAMAHA_RTX, null)),
                AnalysisSettings.DEFAULT).get(uri);
        List<Diagnostic> stop = stops(ds);
        assertEquals(1, stop.size(), ds::toString);
        assertEquals(511, stop.get(0).range().startLine(), stop.get(0)::toString);
        assertEquals(3002, stop.get(0).range().endLine());
        assertTrue(stop.get(0).message().startsWith("Analysis of this part stopped after "), stop.get(0).message());
        // the line before the stop is still checked
        assertTrue(ds.stream().anyMatch(d -> d.ruleId().equals("yamaha/syntax") && d.range().startLine() == 1), ds::toString);
        // with the default budget the same file is analysed whole
        assertTrue(stops(new Analyzer().analyze(List.of(new SourceFile(uri, text.toString(), LanguageId.YAMAHA_RTX, null)),
                AnalysisSettings.DEFAULT).get(uri)).isEmpty());
    }

    @Test
    void anEndlessFirewallUserLoopStopsAtTheBudgetWithOneFinding() {
        String uri = "file:///r/etc/firewall.user";
        String script = "iptables -A INPUT -j ACCEPT\nwhile :; do iptables -t nat -A X -j SNAT --to 192.0.2.1:1-2; done\n";
        Map<String, List<Diagnostic>> found = spent.analyze(List.of(new SourceFile(uri, script, LanguageId.OPENWRT_FIREWALL_USER,
                "file:///r/etc/")), AnalysisSettings.DEFAULT);
        List<Diagnostic> stop = stops(found.get(uri));
        assertEquals(1, stop.size(), found::toString);
        assertEquals(1, stop.get(0).range().startLine());
        assertTrue(found.get(uri).stream().noneMatch(d -> d.ruleId().equals("openwrt/shell-loop-limit")), found::toString);
    }

    @Test
    void aLongScriptIsReadUpToACheckpoint() {
        String uri = "file:///r/etc/firewall.user";
        String script = "iptables -A INPUT -j ACCEPT\n".repeat(600) + "if then\n";
        List<Diagnostic> ds = spent.analyze(List.of(new SourceFile(uri, script, LanguageId.OPENWRT_FIREWALL_USER, "file:///r/etc/")),
                AnalysisSettings.DEFAULT).get(uri);
        List<Diagnostic> stop = stops(ds);
        assertEquals(1, stop.size(), ds::toString);
        assertEquals(255, stop.get(0).range().startLine());
        assertEquals(601, stop.get(0).range().endLine());   // to the end of the text, after its last newline
    }

    @Test
    void blocksNestedTooDeepInASnippetAreOneFindingAndTheRestIsRead() {
        String uri = "file:///r/etc/nftables.d/10-x.nft";
        String text = "chain a {\n" + "{ ".repeat(5000) + "\n" + "}".repeat(5000) + "\n}\nchain b {\n\tmeta l4proto tcp snat ip to 192.0.2.1\n}\n";
        dev.routerls.openwrt.nft.NftSnippet s = dev.routerls.openwrt.nft.NftSnippet.parse(uri, text);
        List<Diagnostic> found = ScriptFindings.of(s);
        assertEquals(1, stops(found).size(), found::toString);
        assertEquals(1, stops(found).get(0).range().startLine());
        assertTrue(s.rules().stream().anyMatch(r -> "b".equals(r.chain())), s.rules()::toString);
    }

    @Test
    void theFindingCanBeTurnedOffLikeAnyRule() {
        String uri = "file:///big.conf";
        String text = "ip lan1 address 192.0.2.1/24\n".repeat(1000);
        List<Diagnostic> ds = spent.analyze(List.of(new SourceFile(uri, text, LanguageId.YAMAHA_RTX, null)),
                new AnalysisSettings(null, null, Map.of(AnalysisStopped.INFO.id(), "off"))).get(uri);
        assertTrue(stops(ds).isEmpty(), ds::toString);
    }
}
