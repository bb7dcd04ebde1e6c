package dev.routerls.yamaha;

import dev.routerls.analysis.YamahaAnalyzer;
import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.Severity;
import dev.routerls.core.SourceRange;
import dev.routerls.core.TextDecoder;
import dev.routerls.yamaha.catalog.CatalogFinding;
import dev.routerls.yamaha.catalog.CommandChecker;
import dev.routerls.yamaha.model.SelectContext;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class YamahaAnalyzerTest {
    private final YamahaAnalyzer analyzer = new YamahaAnalyzer();

    private YamahaAnalyzer.Result run(String text) {
        return analyzer.analyze("file:///t.conf", text, AnalysisSettings.DEFAULT);
    }

    private static List<Diagnostic> of(YamahaAnalyzer.Result r, String rule) {
        return r.diagnostics().stream().filter(d -> d.ruleId().equals(rule)).toList();
    }

    @Test
    void headerGivesModelAndRevisionAndSettingsOverride() {
        String text = "# NVR510 Rev.15.01.24 (Tue Jul  4 10:12:33 2023)\n# MAC Address : 00:a0:de:00:00:01\nip lan1 address 192.168.0.1/24\n";
        YamahaAnalyzer.Result r = run(text);
        assertEquals("NVR510", r.model().model().orElse(null));
        assertEquals("15.01.24", r.model().revision().orElse(null));
        YamahaAnalyzer.Result o = analyzer.analyze("file:///o.conf", text, AnalysisSettings.DEFAULT.withModel("RTX830"));
        assertEquals("RTX830", o.model().model().orElse(null));
        assertNull(o.model().revision().orElse(null), "the header's revision belongs to another model");
        assertEquals("RT57i", run("#\tRT57i Rev.8.00.95 (Thu Apr 21 12:07:46 2011)\n").model().model().orElse(null));
    }

    @Test
    void selectContextsFollowPpAndTunnelSelect() {
        YamahaAnalyzer.Result r = run("""
                pp select anonymous
                 pp bind tunnel2
                tunnel select 2
                 ipsec tunnel 2
                no tunnel select
                ip route default gateway pp 1
                """);
        assertEquals(new SelectContext("anonymous", null), r.lineAt(1).orElseThrow().context());
        assertEquals(new SelectContext(null, 2), r.lineAt(3).orElseThrow().context());
        assertTrue(r.lineAt(5).orElseThrow().context().isNone());
    }

    @Test
    void shiftJisCrlfConfigReadsClean() {
        String config = "# RTX1210 Rev.14.01.38 (Fri Mar 27 15:30:12 2020)\r\n# 拠点 LAN の設定\r\n"
                + "description lan1 \"本社 LAN\"\r\nip lan1 address 192.168.0.1/24\r\n"
                + "ip route 10.0.0.0/8 gateway 192.168.0.1\r\n";
        byte[] sjis = config.getBytes(Charset.forName("windows-31j"));
        YamahaAnalyzer.Result r = run(TextDecoder.decode(sjis));
        assertEquals("RTX1210", r.model().model().orElse(null));
        assertTrue(of(r, "yamaha/syntax").isEmpty(), r.diagnostics().toString());
        assertEquals("本社 LAN", r.lineAt(2).orElseThrow().parsed().word(2).text());
        Diagnostic self = of(r, "yamaha/route-gateway-self").get(0);
        assertEquals(SourceRange.of(4, 28, 39), self.range(), "CRLF must not shift columns");
    }

    @Test
    void terminalWrappedLineIsRejoinedEvenInsideAnAddress() {
        String head = "ip lan1 address 192.168.11.250/24\n";
        String pad = "description lan9 x\n";
        String full = "ip route 192.168.253.0/24 gateway 192.168.11.240 metric 2 hide gateway 192.168.11.250 metric 3";
        // wrap at 80 columns: the continuation starts inside the last address
        String wrapped = full.substring(0, 80) + "\n" + full.substring(80);
        assertEquals(80, full.substring(0, 80).length());
        YamahaAnalyzer.Result r = run(head + pad + wrapped + "\n");
        assertTrue(of(r, "yamaha/syntax").isEmpty(), r.diagnostics().toString());
        Diagnostic self = of(r, "yamaha/route-gateway-self").get(0);
        assertEquals(new SourceRange(2, 71, 3, 5), self.range());
        assertEquals(2, r.lineAt(3).orElseThrow().firstLine());
    }

    @Test
    void lineAtWrapWidthWhoseNextLineReadsIsNotJoined() {
        String first = "ip filter 1 pass * * * * * " + "x".repeat(80 - 27);
        assertEquals(80, first.length());
        YamahaAnalyzer.Result r = run(first + "\nip filter 2 pass * * * * *\n");
        assertEquals(1, r.lineAt(1).orElseThrow().firstLine(), "the next line reads on its own, so it stays separate");
        assertEquals(0, r.lineAt(0).orElseThrow().lastLine());
    }

    @Test
    void wrappedCommentContinuationStaysInTheComment() {
        String comment = "# " + "ｘ".repeat(39);
        assertEquals(80, WrapWidth.width(comment));
        YamahaAnalyzer.Result r = run(comment + "\n12 more words of the comment\nip lan1 address 192.168.0.1/24\n");
        assertTrue(of(r, "yamaha/syntax").isEmpty(), r.diagnostics().toString());
        assertEquals(0, r.lineAt(1).orElseThrow().firstLine(), "the continuation belongs to the comment line");
    }

    @Test
    void binaryJunkNeverStopsTheAnalysis() {
        byte[] junk = new byte[20000];
        new Random(2).nextBytes(junk);
        String text = "ip lan1 address 192.168.11.250/24\n" + TextDecoder.decode(junk)
                + "\nip route 10.0.0.0/8 gateway 192.168.11.250\n";
        YamahaAnalyzer.Result r = run(text);
        assertFalse(of(r, "yamaha/syntax").isEmpty());
        assertEquals(1, of(r, "yamaha/route-gateway-self").size(), "lines after the junk are still analysed");
        assertTrue(r.diagnostics().stream().noneMatch(d -> d.ruleId().equals("routerls/internal")));
    }

    @Test
    void overlongLineIsOneFindingAndTheRestIsAnalysed() {
        String longLine = "description lan1 " + "a".repeat(5000 - 17);
        YamahaAnalyzer.Result r = run("ip lan1 address 192.168.11.250/24\n" + longLine
                + "\nip route 10.0.0.0/8 gateway 192.168.11.250\n");
        List<Diagnostic> syntax = of(r, "yamaha/syntax");
        assertEquals(1, syntax.size());
        assertTrue(syntax.get(0).message().contains("4095"));
        assertEquals(SourceRange.of(1, 4095, 5000), syntax.get(0).range());
        assertEquals(1, of(r, "yamaha/route-gateway-self").size());
    }

    @Test
    void malformedLineIsOneDiagnosticAndTheRestGoesOn() {
        YamahaAnalyzer.Result r = run("ip lan1 address 192.168.11.250/24\n\"broken\nip route 10.0.0.0/8 gateway 192.168.11.250\n");
        assertEquals(1, of(r, "yamaha/syntax").size());
        assertEquals(1, of(r, "yamaha/route-gateway-self").size());
    }

    @Test
    void onlyChangedLinesAreParsedAgain() {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= 2000; i++) b.append("ip filter ").append(i).append(" pass * * * * *\n");
        String text = b.toString();
        YamahaAnalyzer a = new YamahaAnalyzer();
        assertEquals(2001, a.analyze("file:///c.conf", text, AnalysisSettings.DEFAULT).freshlyParsed());
        String edited = text.replace("ip filter 7 pass", "ip filter 7 reject");
        assertEquals(1, a.analyze("file:///c.conf", edited, AnalysisSettings.DEFAULT).freshlyParsed());
        assertEquals(2001, a.analyze("file:///other.conf", text, AnalysisSettings.DEFAULT).freshlyParsed(),
                "the cache is per document");
    }

    @Test
    void catalogFindingsBecomeRulesAndSecretsNeverReachThem() {
        // a checker that echoes every word it sees: a secret must reach it masked
        CommandChecker echo = (words, model, revision) -> words.isEmpty() ? List.of() : List.of(
                new CatalogFinding(words.get(0).text().equals("frobnicate") ? CatalogFinding.Kind.UNKNOWN_COMMAND
                        : CatalogFinding.Kind.MODEL_UNSUPPORTED, words.get(0).range(),
                        String.join(" ", words.stream().map(w -> w.text()).toList())));
        YamahaAnalyzer a = new YamahaAnalyzer(echo);
        YamahaAnalyzer.Result r = a.analyze("file:///s.conf", """
                frobnicate now
                pp select 1
                 pp auth myname user TopSecretPw
                 ipsec ike pre-shared-key 1 text SharedKey123
                login password LoginPw456
                """, AnalysisSettings.DEFAULT);
        assertEquals(1, of(r, "yamaha/syntax").size());
        assertFalse(of(r, "yamaha/model-unsupported").isEmpty());
        for (Diagnostic d : r.diagnostics()) {
            for (String s : List.of("TopSecretPw", "SharedKey123", "LoginPw456")) assertFalse(d.message().contains(s), d.message());
        }
        assertEquals(Severity.INFO, of(r, "yamaha/plaintext-secret").get(0).severity());
    }

    @Test
    void failingCheckerDoesNotBreakAnalysis() {
        YamahaAnalyzer a = new YamahaAnalyzer((w, m, rev) -> { throw new IllegalStateException("boom"); });
        YamahaAnalyzer.Result r = a.analyze("file:///f.conf", "ip lan1 address 192.168.11.250/24\n", AnalysisSettings.DEFAULT);
        assertEquals(1, r.model().interfaces().size());
    }
}
