package dev.routerls.robustness;

import dev.routerls.analysis.AnalysisSettings;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.Fix;
import dev.routerls.yamaha.YamahaAnalyzer;
import dev.routerls.yamaha.catalog.CommandCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
