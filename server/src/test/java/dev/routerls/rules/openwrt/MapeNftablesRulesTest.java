package dev.routerls.rules.openwrt;

import dev.routerls.core.AnalysisSettings;
import dev.routerls.mape.PortRange;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.router.RouterFixture;
import dev.routerls.openwrt.router.SnatTarget;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.routerls.openwrt.router.RouterTexts.FIREWALL;
import static dev.routerls.openwrt.router.RouterTexts.NETWORK;
import static dev.routerls.openwrt.router.RouterTexts.SCRIPT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MAP-E SNAT checks over an /etc/nftables.d snippet on a fw4 router: the same rules as for
 * firewall.user, fed the snippet's {@code snat} targets (numgen map elements, single ranges, masquerade).
 */
class MapeNftablesRulesTest {
    private static final String RELEASE = "DISTRIB_ID='OpenWrt'\nDISTRIB_RELEASE='23.05.3'\n";
    private static final String FW4_FIREWALL = FIREWALL.replace("config include\n\toption path '/etc/firewall.user'\n", "");

    /** A snippet SNATing through {@code device} to the numgen map {@code map} (its elements). */
    private static String snippet(String device, String map) {
        return """
                # MAP-E SNAT
                chain mape_srcnat {
                \ttype nat hook postrouting priority srcnat - 1; policy accept;
                \toifname DEVICE meta l4proto { tcp, udp } snat ip to numgen inc mod 15 map {
                ELEMENTS
                \t}
                }
                """.replace("DEVICE", device).replace("ELEMENTS", map);
    }

    /** numgen map elements {@code K : IP . LO-HI} for the 15 blocks of {@code psid} (BIGLOBE: offset 4, 16 ports), five a line. */
    private static String blocks(int psid) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < 15; k++) {
            int lo = (k + 1) * 4096 + psid * 16;
            b.append(k % 5 == 0 ? (k == 0 ? "\t\t" : ",\n\t\t") : ", ").append(k).append(" : 133.200.18.52 . ")
                    .append(lo).append('-').append(lo + 15);
        }
        return b.toString();
    }

    private static final String BLOCKS = blocks(86);

    private static RouterFixture router(String nft) {
        return RouterFixture.of("config/network", NETWORK, "config/firewall", FW4_FIREWALL, "openwrt_release", RELEASE,
                "nftables.d/10-mape.nft", nft);
    }

    @Test
    void theFifteenBlocksOfTheRightPsidAreClean() {
        RouterFixture r = router(snippet("\"map-wan_map\"", BLOCKS));
        r.assertFindings("openwrt/");
        Router model = r.router(AnalysisSettings.DEFAULT);
        List<PortRange> ports = model.snatTargets().stream().map(t -> t.ports().orElseThrow()).toList();
        assertEquals(15, ports.size());
        assertEquals(new PortRange(5472, 5487), ports.get(0));
        assertEquals(new PortRange(62816, 62831), ports.get(14));
        assertTrue(model.snatTargets().stream().allMatch(t -> t.source() == SnatTarget.Source.NFTABLES
                && t.uri().endsWith("nftables.d/10-mape.nft")));
        assertEquals(15, model.snatTargetsFor(model.mapInterfaces().get(0)).size());
    }

    @Test
    void blocksOfAnotherPsid() {
        String psid85 = blocks(85).replace("0 : 133.200.18.52 . 5456-5471",
                "0 : 133.200.18.52 . «openwrt/mape-psid-mismatch~PSID 85|5456-5471»");
        router(snippet("\"map-wan_map\"", psid85)).assertFindings("openwrt/mape-psid-mismatch");
        router(snippet("\"map-wan_map\"", psid85)).assertFindings("openwrt/mape-port-range");
    }

    @Test
    void aMissingBlockAndAWrongSizeAreReportedOnTheirElements() {
        String edited = BLOCKS.replace(", 14 : 133.200.18.52 . 62816-62831", "")
                .replace("0 : 133.200.18.52 . 5472-5487",
                        "0 : 133.200.18.52 . «openwrt/mape-port-range~leave out 1 of the 15|«openwrt/mape-port-range~16 ports|5472-5503»»");
        router(snippet("\"map-wan_map\"", edited)).assertFindings("openwrt/mape-port-range");
    }

    @Test
    void wrongDeviceIsReportedOncePerStatement() {
        router(snippet("«openwrt/mape-tunnel-device~Use map-wan_map|\"wan_map\"»", BLOCKS)).assertFindings("openwrt/mape-tunnel-device");
    }

    @Test
    void statementWithoutOifnameSaysSo() {
        String nft = "chain x {\n\t«openwrt/mape-tunnel-device~no oifname|snat ip to 133.200.18.52:5472-5487»\n}\n";
        router(nft).assertFindings("openwrt/mape-tunnel-device");
    }

    @Test
    void singleRangeAndMasqueradeFormsAreRead() {
        String nft = """
                chain a {
                \toifname "map-wan_map" snat ip to 133.200.18.52:«openwrt/mape-port-range~leave out 13 of the 15|5472-5487»
                \toifname "map-wan_map" masquerade to :9568-9583
                \toifname "map-wan_map" snat ip6 to 2001:db8::1
                }
                """;
        RouterFixture r = router(nft);
        Router model = r.router(AnalysisSettings.DEFAULT);
        assertEquals(List.of(new PortRange(5472, 5487), new PortRange(9568, 9583)),
                model.snatTargets().stream().map(t -> t.ports().orElseThrow()).toList());
        assertTrue(model.snatTargets().get(1).ipv4().isEmpty(), "masquerade takes the device's address");
        r.assertFindings("openwrt/mape-port-range");
    }

    @Test
    void aSyntaxErrorIsReportedAndTheRestStillChecked() {
        String nft = """
                chain a {
                \toifname "map-wan_map" counter «openwrt/nft-syntax~quote that is never closed|"»oops
                \toifname «openwrt/mape-tunnel-device~Use map-wan_map|"map-wan"» snat ip to 133.200.18.52:5472-5487
                }
                """;
        router(nft).assertFindings("openwrt/nft-syntax");
        router(nft).assertFindings("openwrt/mape-tunnel-device");
    }

    @Test
    void fw4FirewallUserIsQuietAboutSkippedNatWhenNftablesDoesIt() {
        // firewall.user of NAT rules, no include: on its own that is "nothing runs /etc/firewall.user"
        String script = SCRIPT.replace("iptables -t nat -F POSTROUTING",
                "«openwrt/fw4-firewall-user~already done by 10-mape.nft|iptables -t nat -F POSTROUTING»");
        RouterFixture.of("config/network", NETWORK, "config/firewall", FW4_FIREWALL, "openwrt_release", RELEASE,
                "firewall.user", script, "nftables.d/10-mape.nft", snippet("\"map-wan_map\"", BLOCKS))
                .assertFindings("openwrt/fw4-firewall-user");
        // without the snippet the missing include is reported as before
        String alone = SCRIPT.replace("units1=15", "«openwrt/fw4-firewall-user~nothing runs|units1=15»")
                .replace("iptables -t nat -F POSTROUTING", "«openwrt/fw4-firewall-user~iptables-nft|iptables -t nat -F POSTROUTING»");
        RouterFixture.of("config/network", NETWORK, "config/firewall", FW4_FIREWALL, "openwrt_release", RELEASE,
                "firewall.user", alone).assertFindings("openwrt/fw4-firewall-user");
    }
}
