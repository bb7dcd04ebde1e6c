package dev.routerls.robustness;

import dev.routerls.core.AnalysisSettings;
import dev.routerls.analysis.Analyzer;
import dev.routerls.services.AnalysisEngine;
import dev.routerls.services.types.CompletionEntry;
import dev.routerls.services.DiagnosticsScheduler;
import dev.routerls.services.LanguageFeatures;
import dev.routerls.services.types.OutlineSymbol;
import dev.routerls.services.Workspace;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.Fix;
import dev.routerls.analysis.YamahaAnalyzer;
import dev.routerls.yamaha.catalog.CommandCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Passwords and pre-shared keys never reach any output: not in text or JSON lint output, not in a
 * syntax finding about a malformed secret line, not in a catalog "did you mean", not when the secret
 * looks like a keyword. Each secret below is distinctive ({@code Sx…x}), so any echo is caught.
 */
class SecretsNeverPrintedTest {
    private static final Pattern SECRET = Pattern.compile("Sx[A-Za-z0-9]+x");

    /** Every secret-bearing YAMAHA command, well formed. */
    private static final String YAMAHA = """
            # RTX830 Rev.15.02.30 (Fri Oct 23 12:00:00 2020)
            login password SxLoginPw01x
            administrator password SxAdminPw02x
            login user admin SxUserPw03x
            ip lan1 address 192.168.100.1/24
            pp select 1
             pp auth accept pap chap
             pp auth myname isp-user@example.jp SxMyname04x
             pp auth username client1 SxUsername05x
             pp enable 1
            pp select anonymous
             pp auth request mschap-v2
             pp auth username vpnuser SxAnonUser06x
             pp bind tunnel1
             ip pp remote address pool 192.168.200.10-192.168.200.20
             pp enable anonymous
            tunnel select 1
             tunnel encapsulation l2tpv3
             l2tp tunnel auth on SxL2tpAuth07x
             ipsec tunnel 101
              ipsec sa policy 101 1 esp aes-cbc sha-hmac
              ipsec ike pre-shared-key 1 text SxPsk08x
              ipsec ike remote address 1 any
             tunnel enable 1
            tunnel select none
            ipsec ike pre-shared-key 2 SxPskNoText09x
            radius secret SxRadius10x
            snmp community read-write SxCommunity11x
            ngn radius auth password SxNgn12x
            wan1 auth myname wanuser SxWan13x
            auth user 1 someone SxAuthUser14x
            httpd custom-gui api password SxApi15x
            heartbeat pre-shared-key SxHeartbeat16x
            ip lan1 rip auth key text SxRip17x
            login user operator encrypted SxUserEnc60x
            snmp community read-only SxCommunityRo61x
            snmpv2c community read-write SxCommunityV2Rw62x
            snmp trap community SxTrapCommunity63x
            snmpv2c trap community SxTrapV2Community64x
            snmp host 192.168.100.5 SxHostRo65x SxHostRw66x
            snmp trap host 192.168.100.5 SxTrapHost67x
            snmpv2c trap host 192.168.100.5 inform SxInform68x
            snmpv3 usm user 1 monitor group 1 sha SxUsmAuth69x aes128-cfb SxUsmPriv70x
            tunnel select 2
             tunnel hb46pp auth myname cpe01 SxHb46pp71x
             ipsec ike xauth myname 2 roaming SxXauth72x
             ipsec ike eap myname 2 roaming SxEap73x
             ipsec ike pre-shared-key 2 0x5378486578373478
            tunnel select none
            pp select 2
             pp auth username peer SxPeer75x myname me SxMine76x
            pp select none
            ip lan2 rip auth key 5378526970373778
            bgp neighbor pre-shared-key 1 text SxBgp78x
            heartbeat2 transmit 1 crypto SxHbCrypto79x auth SxHbAuth80x 192.168.1.2
            heartbeat2 receive 1 auth SxHbAuth81x
            """;

    /** The same secrets on malformed lines: stray quotes, junk words, wrong keywords, control characters. */
    private static final String YAMAHA_MALFORMED = """
            # RTX830 Rev.15.02.30 (Fri Oct 23 12:00:00 2020)
            login password "SxQuoted20x
            administrator password SxAdmin21x extra "junk
            login password encrpyted SxTypo22x
            pp select 1
             pp auth myname isp-user SxMyname23x\u0001
             pp auth username a SxUser24x b c d "e
            tunnel select 1
             ipsec ike pre-shared-key 1 txet SxNearText25x
             ipsec ike pre-shared-key x text SxBadId26x
             ipsec ike pre-shared-key 1 text "SxUnclosed27x
             ipsec ike pre-shared-keys 1 text SxTypoCmd28x
             l2tp tunnel auth maybe SxL2tp29x
            tunnel select none
            SxLeading30x login password
            login passwrod SxNearMiss31x
            administrator pasword SxNearMiss32x
            pp auth mynaem user SxNearMiss33x
            radius secert SxNearMiss34x
            login password Sxencryptedx
            ip lan1 rip auth key text SxRip35x extra
            radius secret SxRadius82x and more words
            snmp community read-only SxCommunity83x junk
            snmpv3 usm user 1 monitor group x sha SxUsm84x
            wan1 auth myname user SxWan85x extra
            login user operator SxUser86x extra words
            heartbeat pre-shared-key SxHb87x "open
            """;

    private static final String UCI_WIRELESS = """
            config wifi-iface 'default_radio0'
            \toption device 'radio0'
            \toption network 'lan'
            \toption mode 'ap'
            \toption ssid 'OpenWrt'
            \toption encryption 'psk2'
            \toption key 'SxWifiKey40x'
            \toption sae_password 'SxSae41x'
            \toption auth_secret 'SxRadius42x'
            \toption acct_secret 'SxAcct43x'
            \toption password 'SxEap44x'
            \toption psk 'SxPsk45x'
            \toption wpa_psk_file 'SxFile46x'
            \toption key1 's:SxWep47x'
            \toption priv_key_pwd 'SxPriv48x'
            """;

    private static final String UCI_NETWORK = """
            config interface 'wan'
            \toption proto 'pppoe'
            \toption username 'user@example.jp'
            \toption password 'SxPppoe50x'
            \toption keepalive 'SxKeepalive51x'

            config interface 'vpn'
            \toption proto 'wireguard'
            \toption private_key 'SxWg52x'
            \tlist addresses '10.0.0.2/32'

            config wireguard_vpn
            \toption public_key 'abc'
            \toption preshared_key 'SxWgPsk53x'

            config interface 'l2tp'
            \toption proto 'l2tp'
            \toption password "SxUnclosed54x
            \toption server 'vpn.example.jp'
            \toption password 'SxTwoWords55x' 'SxExtra56x'
            \toption password SxUnquoted57x\\
            \toption passwrod 'SxNearMiss58x'
            \toption psk 'SxPsk59x
            """;

    private static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static List<String> secretsIn(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = SECRET.matcher(text);
        while (m.find()) out.add(m.group());
        return out;
    }

    private static void assertNoSecretPrinted(String inputs, LintRun r) {
        for (String hex : List.of("5378486578373478", "5378526970373778")) {
            assertTrue(!r.out().contains(hex), hex + " was printed:\n" + r.describe());
        }
        for (String secret : secretsIn(inputs)) {
            assertTrue(!r.out().contains(secret) && !r.err().contains(secret), secret + " was printed:\n" + r.describe());
        }
    }

    @Test
    void lintOutputNeverContainsASecret(@TempDir Path dir) throws IOException {
        write(dir, "rtx/router.conf", YAMAHA);
        write(dir, "rtx/broken.conf", YAMAHA_MALFORMED);
        write(dir, "owrt/etc/config/wireless", UCI_WIRELESS);
        write(dir, "owrt/etc/config/network", UCI_NETWORK);
        String inputs = YAMAHA + YAMAHA_MALFORMED + UCI_WIRELESS + UCI_NETWORK;
        assertTrue(secretsIn(inputs).size() >= 50, "the fixture holds the secrets it claims");
        for (String format : List.of("text", "json")) {
            LintRun r = LintRun.of("lint", "--format", format, "--fail-on", "none", dir.toString());
            assertEquals(0, r.exit(), r.describe());
            assertNoSecretPrinted(inputs, r);
            // the malformed lines were reported (so the silence above is not because nothing was said)
            assertTrue(r.out().contains("yamaha/syntax"), r.out());
            assertTrue(r.out().contains("openwrt/uci-syntax"), r.out());
            assertTrue(r.out().contains("yamaha/plaintext-secret"), r.out());
        }
        for (String model : List.of("RTX830", "NVR510", "RTX1210", "vRX")) {
            LintRun r = LintRun.of("lint", "--format", "json", "--fail-on", "none", "--model", model, dir.toString());
            assertNoSecretPrinted(inputs, r);
        }
    }

    /**
     * A key that slipped onto the line after its option, or behind an empty argument, is read by libuci as a
     * command of its own: the syntax finding points at it without quoting it (a misspelt keyword is quoted).
     */
    @Test
    void aValueReadAsACommandIsNotQuoted(@TempDir Path dir) throws IOException {
        String wireless = """
                config wifi-iface 'w'
                \toption key
                \tSxOwnLine70x
                """;
        String network = """
                config interface 'wan'
                \toption password '';SxAfterEmpty71x
                \toptoin proto 'dhcp'
                """;
        write(dir, "a/etc/config/wireless", wireless);
        write(dir, "b/etc/config/network", network);
        for (String format : List.of("text", "json", "sarif")) {
            LintRun r = LintRun.of("lint", "--format", format, "--fail-on", "none", dir.toString());
            assertNoSecretPrinted(wireless + network, r);
            assertTrue(r.out().contains("the first word here is not package, config, option or list"), r.describe());
            assertTrue(r.out().contains("'optoin' is not package, config, option or list"), r.describe());
        }
    }

    /** Hover, completion and outline at every word edge of the secret lines never show a secret. */
    @Test
    void editorFeaturesNeverShowASecret() {
        Workspace ws = new Workspace();
        try (DiagnosticsScheduler scheduler = new DiagnosticsScheduler(ws, (f, st) -> Map.of(), (u, v, d) -> { }, 10)) {
            LanguageFeatures features = new LanguageFeatures(ws, scheduler, new AnalysisEngine(new Analyzer()));
            for (String text : List.of(YAMAHA, YAMAHA_MALFORMED)) {
                String uri = "file:///tmp/secrets-" + text.length() + ".rtx";
                ws.documents().open(uri, 1, text, "yamaha-rtx");
                StringBuilder shown = new StringBuilder();
                for (OutlineSymbol o : features.outline(uri)) describe(o, shown);
                String[] lines = text.split("\n", -1);
                int probes = 0;
                for (int line = 0; line < lines.length; line++) {
                    if (!SECRET.matcher(lines[line]).find() && !lines[line].contains("0x53")) continue;
                    for (int col = 0; col <= lines[line].length(); col++) {
                        boolean edge = col == 0 || col == lines[line].length() || lines[line].charAt(col - 1) == ' '
                                || lines[line].charAt(col) == ' ' || col % 3 == 0;
                        if (!edge) continue;
                        probes++;
                        features.hover(uri, line, col).ifPresent(h -> shown.append(h.markdown()).append('\n'));
                        for (CompletionEntry c : features.complete(uri, line, col)) {
                            shown.append(c.label()).append(' ').append(c.detail()).append(' ').append(c.documentation())
                                    .append(' ').append(c.insertText()).append('\n');
                        }
                    }
                }
                assertTrue(probes > 100, "probed the secret lines");
                for (String secret : secretsIn(text)) {
                    assertTrue(!shown.toString().contains(secret), secret + " shown by an editor feature");
                }
                for (String hex : List.of("5378486578373478", "5378526970373778")) {
                    assertTrue(!shown.toString().contains(hex), hex + " shown by an editor feature");
                }
            }
        }
    }

    /** Every plain secret of the well-formed config is reported, on exactly its own columns. */
    @Test
    void everyPlainSecretIsReportedOnItsRange() {
        YamahaAnalyzer analyzer = new YamahaAnalyzer(CommandCatalog.standard());
        List<Diagnostic> ds = analyzer.analyze("file:///secrets.conf", YAMAHA, AnalysisSettings.DEFAULT).diagnostics();
        String[] lines = YAMAHA.split("\n", -1);
        int checked = 0;
        for (int line = 0; line < lines.length; line++) {
            Matcher m = Pattern.compile("Sx[A-Za-z0-9]+x|0x5378486578373478|5378526970373778").matcher(lines[line]);
            while (m.find()) {
                final int l = line, start = m.start(), end = m.end();
                boolean reported = ds.stream().anyMatch(d -> d.ruleId().equals("yamaha/plaintext-secret")
                        && d.range().startLine() == l && d.range().startColumn() == start && d.range().endColumn() == end);
                boolean encrypted = lines[line].contains(" encrypted ");
                assertEquals(!encrypted, reported, "plaintext-secret on line " + (line + 1) + ": " + lines[line].replace(m.group(), "…"));
                checked++;
            }
        }
        assertTrue(checked >= 39, "checked " + checked);
    }

    private static void describe(OutlineSymbol o, StringBuilder out) {
        out.append(o.name()).append(' ').append(o.detail()).append('\n');
        for (OutlineSymbol c : o.children()) describe(c, out);
    }

    @Test
    void catalogFindingsNeverQuoteASecret() {
        YamahaAnalyzer analyzer = new YamahaAnalyzer(CommandCatalog.standard());
        for (String text : List.of(YAMAHA, YAMAHA_MALFORMED)) {
            for (String model : List.of("RTX830", "NVR510", "RTX5000")) {
                List<Diagnostic> ds = analyzer.analyze("file:///secrets.conf", text, AnalysisSettings.DEFAULT.withModel(model)).diagnostics();
                StringBuilder printed = new StringBuilder();
                for (Diagnostic d : ds) {
                    printed.append(d.message()).append('\n');
                    for (Fix f : d.fixes()) printed.append(f).append('\n');
                }
                for (String secret : secretsIn(text)) {
                    assertTrue(!printed.toString().contains(secret), secret + " appears in a finding on " + model + ":\n" + printed);
                }
            }
        }
    }
}
