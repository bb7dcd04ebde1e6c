package dev.routerls.analysis;

import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.LanguageId;
import dev.routerls.core.SourceFile;
import dev.routerls.testing.Fixture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Inline suppressions, through the one Analyzer the CLI and the editor share. */
class SuppressionsTest {

    private static Suppressions.Result analyse(String uri, LanguageId lang, String text, AnalysisSettings settings) {
        Map<String, Suppressions.Result> r = new Analyzer().analyzeDetailed(
                List.of(new SourceFile(uri, text, lang, null)), settings, f -> new YamahaAnalyzer().analyze(f.uri(), f.text(), settings));
        return r.get(uri);
    }

    private static Suppressions.Result yamaha(String marked) {
        Fixture fx = Fixture.parse(marked);
        Suppressions.Result r = analyse("file:///s.conf", LanguageId.YAMAHA_RTX, fx.text(), AnalysisSettings.DEFAULT);
        fx.assertFindings(r.kept(), id -> true);
        return r;
    }

    private static final String ROUTES = """
            ip lan1 address 192.168.11.250/24
            """;

    @Test
    void nextLineSuppressesThatLineOnlyAndKeepsTheReason() {
        Suppressions.Result r = yamaha(ROUTES + """
                # routerls-disable-next-line yamaha/route-gateway-self -- lab router, intended
                ip route 192.168.253.0/24 gateway 192.168.11.250
                ip route 192.168.254.0/24 gateway «yamaha/route-gateway-self|192.168.11.250»
                """);
        assertEquals(1, r.suppressed().size());
        assertEquals("lab router, intended", r.suppressed().get(0).reason());
        assertEquals(2, r.suppressed().get(0).finding().range().startLine());
    }

    @Test
    void stackedDirectivesAndSeveralRulesOnOneLine() {
        Suppressions.Result r = analyse("file:///s.conf", LanguageId.YAMAHA_RTX, ROUTES + """
                # routerls-disable-next-line yamaha/route-gateway-self, yamaha/syntax
                # routerls-disable-next-line yamaha/undefined-reference
                ip route 192.168.253.0/24 gateway 192.168.11.250
                """, AnalysisSettings.DEFAULT);
        // the syntax and undefined-reference entries found nothing on the route line: two unused hints
        assertEquals(1, r.suppressed().size());
        assertEquals(2, r.kept().stream().filter(d -> d.ruleId().equals("routerls/unused-suppression")).count(), r.kept().toString());
    }

    @Test
    void regionFromDisableToEnable() {
        yamaha(ROUTES + """
                # routerls-disable yamaha/route-gateway-self
                ip route 192.168.253.0/24 gateway 192.168.11.250
                ip route 192.168.252.0/24 gateway 192.168.11.250
                # routerls-enable yamaha/route-gateway-self
                ip route 192.168.254.0/24 gateway «yamaha/route-gateway-self|192.168.11.250»
                """);
    }

    @Test
    void wholeFileForOneRuleOrEveryRule() {
        yamaha("""
                # routerls-disable-file yamaha/route-gateway-self
                ip lan1 address 192.168.11.250/24
                ip route 192.168.253.0/24 gateway 192.168.11.250
                """);
        Suppressions.Result all = yamaha("""
                # routerls-disable-file
                ip lan1 address 192.168.11.250/24
                ip route 192.168.253.0/24 gateway 192.168.11.250
                login password Pl4in
                """);
        assertEquals(2, all.suppressed().size());
    }

    @Test
    void unusedAndUnknownSuppressionsAreHints() {
        List<Diagnostic> kept = yamaha(ROUTES + """
                «routerls/unused-suppression~matches no finding|routerls-disable-next-line yamaha/route-gateway-self -- stale»
                ip route 192.168.253.0/24 gateway 192.168.11.240
                # routerls-disable-next-line «routerls/unused-suppression~did you mean yamaha/route-gateway-self|yamaha/route-gateway-slef»
                ip route 192.168.254.0/24 gateway «yamaha/route-gateway-self|192.168.11.250»
                """.replace("«routerls/unused-suppression~matches no finding|", "# «routerls/unused-suppression~matches no finding|"))
                .kept();
        assertEquals(2, kept.stream().filter(d -> d.ruleId().equals("routerls/unused-suppression")).count());
    }

    @Test
    void unusedHintsFollowTheSettings() {
        String text = ROUTES + "# routerls-disable-next-line yamaha/route-gateway-self\nip route 192.168.253.0/24 gateway 192.168.11.240\n";
        AnalysisSettings off = new AnalysisSettings(null, null, Map.of("routerls/unused-suppression", "off"));
        assertEquals(List.of(), analyse("file:///s.conf", LanguageId.YAMAHA_RTX, text, off).kept());
    }

    @Test
    void uciAndShellCommentsWorkTheSameWay() {
        String network = """
                config interface 'lan'
                \toption proto 'static'
                # routerls-disable-next-line openwrt/unknown-option -- read by our own hotplug script
                \toption ipadr '192.168.1.1'
                """;
        Suppressions.Result r = analyse("file:///r/etc/config/network", LanguageId.OPENWRT_UCI, network, AnalysisSettings.DEFAULT);
        assertEquals(List.of("openwrt/unknown-option"), r.suppressed().stream().map(s -> s.finding().ruleId()).toList());
        String script = """
                # routerls-disable-next-line openwrt/shell-unevaluated
                for dev in $(ls /sys/class/net); do echo "$dev"; done
                """;
        Suppressions.Result s = analyse("file:///r/etc/firewall.user", LanguageId.OPENWRT_FIREWALL_USER, script, AnalysisSettings.DEFAULT);
        assertEquals(List.of(), s.kept().stream().filter(d -> !d.ruleId().equals("routerls/unused-suppression")
                && d.range().startLine() == 1).toList());
        assertEquals(2, s.suppressed().size(), s.toString());
    }
}
