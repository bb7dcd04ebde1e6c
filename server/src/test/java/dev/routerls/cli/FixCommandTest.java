package dev.routerls.cli;

import dev.routerls.core.TextDecoder;
import dev.routerls.robustness.LintRun;
import dev.routerls.testing.SampleRouters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code routerls fix}: writing, --dry-run, --rule, exit codes, charset and line endings kept, secrets never printed. */
class FixCommandTest {

    /** NVR510 with NAT on pp anonymous (fix: backward-compatibility 1), a Shift_JIS comment and CRLF line ends. */
    private static final String NVR510 = String.join("\r\n",
            "# NVR510 Rev.15.01.24 (Tue Jul  4 10:12:33 2023)",
            "# 本社ルーター（L2TP/IPsec 接続用）",
            "ip lan1 address 192.168.11.1/24",
            "pp select anonymous",
            " pp bind tunnel1",
            " pp auth username remote1 SxPassword01x",
            " ip pp nat descriptor 20",
            " pp enable anonymous",
            "tunnel select 1",
            " tunnel encapsulation l2tp",
            " tunnel template 2",
            " ipsec tunnel 1",
            "  ipsec sa policy 1 7 esp aes-cbc sha-hmac",
            "  ipsec ike pre-shared-key 7 text SxPresharedKey02x",
            "  ipsec ike remote address 7 any",
            " tunnel enable 1",
            "no tunnel select",
            "nat descriptor type 20 masquerade",
            "nat descriptor address outer 20 primary",
            "") ;


    @Test
    void fixWritesTheFileAndExitsZeroWhenNoErrorIsLeft(@TempDir Path tmp) throws IOException {
        Path router = SampleRouters.copy("wrong-psid", tmp.resolve("r"));
        LintRun r = LintRun.of("fix", router.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals(Files.readString(SampleRouters.SAMPLES.resolve("good/etc/firewall.user")),
                Files.readString(router.resolve("etc/firewall.user")));
        assertTrue(r.out().contains("fixed openwrt/mape-psid-mismatch: Set PSID='86'"), r.out());
        assertTrue(r.out().contains("1 fix(es) applied in 1 file(s)"), r.out());
        // the router is now clean
        assertEquals(0, LintRun.of("lint", "--fail-on", "warning", router.toString()).exit());
    }

    @Test
    void dryRunListsTheChangeAndWritesNothing(@TempDir Path tmp) throws IOException {
        Path router = SampleRouters.copy("ocn-units-on-biglobe", tmp.resolve("r"));
        byte[] before = Files.readAllBytes(router.resolve("etc/firewall.user"));
        LintRun r = LintRun.of("fix", "--dry-run", router.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertArrayEquals(before, Files.readAllBytes(router.resolve("etc/firewall.user")));
        assertTrue(r.out().contains("@@ -4,2 +4,2 @@"), r.out());
        assertTrue(r.out().contains("-units1=63 #V6plus:15 OCN:63\n-units2=1024 #V6plus 4096 OCN:1024\n"
                + "+units1=15 #V6plus:15 OCN:63\n+units2=4096 #V6plus 4096 OCN:1024"), r.out());
        assertTrue(r.out().contains("dry run: no file was changed"), r.out());
    }

    @Test
    void errorsWithoutAFixRemainAndExitOne(@TempDir Path tmp) throws IOException {
        Path router = SampleRouters.copy("bad-ealen", tmp.resolve("r"));
        // a rule prefix the table does not know: which of ealen, ip4prefixlen and psidlen is wrong is not certain
        Path network = router.resolve("etc/config/network");
        Files.writeString(network, Files.readString(network).replace("option ip6prefix '2404:7a80::'", "option ip6prefix '2001:db8::'"));
        LintRun r = LintRun.of("fix", router.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("remaining findings:"), r.out());
        assertTrue(r.out().contains("openwrt/mape-ealen"), r.out());
    }

    @Test
    void usageAndIoErrorsExitTwo(@TempDir Path tmp) throws IOException {
        assertEquals(2, LintRun.of("fix", tmp.resolve("missing").toString()).exit());
        Path router = SampleRouters.copy("wrong-psid", tmp.resolve("r"));
        LintRun r = LintRun.of("fix", "--rule", "openwrt/no-such-rule", router.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown rule"), r.err());
        assertEquals(2, LintRun.of("fix").exit());
    }

    @Test
    void ruleOptionLimitsTheFixesApplied(@TempDir Path tmp) throws IOException {
        Path conf = tmp.resolve("nvr510.conf");
        Files.write(conf, NVR510.getBytes(TextDecoder.SHIFT_JIS));
        LintRun r = LintRun.of("fix", "--rule", "yamaha/template-mismatch", conf.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        String after = new String(Files.readAllBytes(conf), TextDecoder.SHIFT_JIS);
        assertTrue(after.contains("ipsec sa policy 1 1 esp"), after);
        assertFalse(after.contains("backward-compatibility"), "only the named rule's fixes are applied");
    }

    @Test
    void shiftJisAndCrlfAreKeptByteForByte(@TempDir Path tmp) throws IOException {
        Path conf = tmp.resolve("nvr510.conf");
        byte[] original = NVR510.getBytes(TextDecoder.SHIFT_JIS);
        Files.write(conf, original);
        LintRun r = LintRun.of("fix", "--rule", "yamaha/nat-backward-compatibility", conf.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        String marker = "nat descriptor type 20";
        String head = NVR510.substring(0, NVR510.indexOf(marker));
        String tail = NVR510.substring(NVR510.indexOf(marker));
        byte[] want = (head + "nat descriptor backward-compatibility 1\r\n" + tail).getBytes(TextDecoder.SHIFT_JIS);
        assertArrayEquals(want, Files.readAllBytes(conf));
        assertTrue(r.out().contains("(port saving off; takes effect after the router restarts)"), r.out());
    }

    @Test
    void secretsAreMaskedInTheDiffAndNeverPrinted(@TempDir Path tmp) throws IOException {
        Path conf = tmp.resolve("nvr510.conf");
        Files.write(conf, NVR510.getBytes(StandardCharsets.UTF_8));
        LintRun dry = LintRun.of("fix", "--dry-run", conf.toString());
        assertEquals(0, dry.exit(), dry.out() + dry.err());
        // the gateway id is renumbered on the pre-shared-key line: it is listed, with the key masked
        assertTrue(dry.out().contains("-  ipsec ike pre-shared-key 7 text ********"), dry.out());
        assertTrue(dry.out().contains("+  ipsec ike pre-shared-key 1 text ********"), dry.out());
        LintRun real = LintRun.of("fix", conf.toString());
        for (LintRun r : new LintRun[]{dry, real}) {
            assertFalse(r.out().contains("SxPresharedKey02x") || r.err().contains("SxPresharedKey02x"), r.out());
            assertFalse(r.out().contains("SxPassword01x") || r.err().contains("SxPassword01x"), r.out());
        }
        // the file itself keeps the key, of course
        String after = Files.readString(conf);
        assertTrue(after.contains("ipsec ike pre-shared-key 1 text SxPresharedKey02x"), after);
        assertTrue(after.contains("nat descriptor backward-compatibility 1\r\n"), after);
    }
}
