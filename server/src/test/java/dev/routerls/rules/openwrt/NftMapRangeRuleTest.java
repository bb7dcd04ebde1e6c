package dev.routerls.rules.openwrt;

import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.TextEdit;
import dev.routerls.core.edit.DocumentEdits;
import dev.routerls.openwrt.router.RouterFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.routerls.openwrt.router.RouterTexts.FIREWALL;
import static dev.routerls.openwrt.router.RouterTexts.NETWORK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code openwrt/nft-map-range}: a NAT map whose data are bare port ranges (the kernel keeps the first port
 * of each), in an nftables.d snippet or an nft command of firewall.user; silent on the concatenated form, on
 * single ports and on a plain {@code IP:LO-HI} target. MapeSnatKernelIT shows the kernel side.
 */
class NftMapRangeRuleTest {
    private static final String RULE = "openwrt/nft-map-range";
    private static final String RELEASE = "DISTRIB_ID='OpenWrt'\nDISTRIB_RELEASE='23.05.3'\n";

    private static RouterFixture snippet(String statements) {
        return RouterFixture.of("config/network", NETWORK, "config/firewall", FIREWALL, "openwrt_release", RELEASE,
                "nftables.d/10-mape.nft", "chain mape {\n\ttype nat hook postrouting priority srcnat - 1;\n" + statements + "}\n");
    }

    @Test
    void rangesAsMapDataFireWithTheUsablePortCount() {
        snippet("\toifname \"map-wan_map\" snat ip to 133.200.18.52 : numgen inc mod 3 map "
                + "«openwrt/nft-map-range~has 3 usable ports instead of the 48 written|{ 0 : 5472-5487, 1 : 9568-9583, 2 : 13664-13679 }»\n")
                .assertFindings(RULE);
        // any selector, any NAT verb
        snippet("\ttcp dport 80 dnat ip to 192.0.2.10 : tcp dport map «openwrt/nft-map-range~1 usable port|{ 80 : 8080-8090 }»\n"
                + "\toifname \"map-wan_map\" masquerade to : numgen inc mod 2 map "
                + "«openwrt/nft-map-range~2 usable ports|{ 0 : 5472-5487, 1 : 9568-9583 }»\n")
                .assertFindings(RULE);
    }

    @Test
    void concatenatedFormSinglePortsAndPlainRangesAreSilent() {
        snippet("\toifname \"map-wan_map\" snat ip to numgen inc mod 2 map { 0 : 133.200.18.52 . 5472-5487, 1 : 133.200.18.52 . 9568-9583 }\n"
                + "\toifname \"map-wan_map\" snat ip to 133.200.18.52 : numgen inc mod 2 map { 0 : 5472, 1 : 9568 }\n"
                + "\toifname \"map-wan_map\" snat ip to 133.200.18.52:5472-5487\n"
                + "\toifname \"map-wan_map\" snat ip to numgen inc mod 2 map { 0 : 133.200.18.52, 1 : 133.200.18.53 }\n")
                .assertFindings(RULE);
    }

    @Test
    void nftCommandOfFirewallUserFiresWhereTheMapIsWritten() {
        String script = """
                nft add rule inet fw4 srcnat oifname map-wan_map snat ip to 133.200.18.52 : numgen inc mod 2 map \
                «openwrt/nft-map-range~2 usable ports|{ 0 : 5472-5487, 1 : 9568-9583 }»
                nft 'add rule inet fw4 srcnat oifname map-wan_map snat ip to numgen inc mod 2 map { 0 : 133.200.18.52 . 5472-5487, 1 : 133.200.18.52 . 9568-9583 }'
                """;
        RouterFixture r = RouterFixture.of("config/network", NETWORK, "config/firewall", FIREWALL, "firewall.user", script);
        r.assertFindings(RULE);
    }

    @Test
    void theFixOfAScriptCommandEditsTheWordsWhereTheyAre() {
        String script = "nft add rule inet fw4 srcnat oifname map-wan_map snat ip to 133.200.18.52 : numgen inc mod 2 map "
                + "{ 0 : 5472-5487, 1 : 9568-9583 }\n";
        RouterFixture r = RouterFixture.of("config/network", NETWORK, "config/firewall", FIREWALL, "firewall.user", script);
        Diagnostic d = r.analyze(AnalysisSettings.DEFAULT).get(RouterFixture.ROOT + "firewall.user").stream()
                .filter(x -> x.ruleId().equals(RULE)).findFirst().orElseThrow();
        List<TextEdit> edits = d.fixes().get(0).edits();
        assertEquals("nft add rule inet fw4 srcnat oifname map-wan_map snat ip to numgen inc mod 2 map "
                + "{ 0 : 133.200.18.52 . 5472-5487, 1 : 133.200.18.52 . 9568-9583 }\n", DocumentEdits.apply(script, edits));
        // one quoted argument: the positions inside the quotes are known too
        String quoted = "nft 'add rule inet fw4 srcnat snat ip to 133.200.18.52 : numgen inc mod 1 map { 0 : 5472-5487 }'\n";
        RouterFixture q = RouterFixture.of("config/network", NETWORK, "config/firewall", FIREWALL, "firewall.user", quoted);
        Diagnostic dq = q.analyze(AnalysisSettings.DEFAULT).get(RouterFixture.ROOT + "firewall.user").stream()
                .filter(x -> x.ruleId().equals(RULE)).findFirst().orElseThrow();
        assertEquals("nft 'add rule inet fw4 srcnat snat ip to numgen inc mod 1 map { 0 : 133.200.18.52 . 5472-5487 }'\n",
                DocumentEdits.apply(quoted, dq.fixes().get(0).edits()));
        // built from a variable: the words are not written where the edit could reach them
        String variable = "M='{ 0 : 5472-5487 }'\nnft add rule inet fw4 srcnat snat ip to 133.200.18.52 : numgen inc mod 1 map $M\n";
        RouterFixture v = RouterFixture.of("config/network", NETWORK, "config/firewall", FIREWALL, "firewall.user", variable);
        List<Diagnostic> dv = v.analyze(AnalysisSettings.DEFAULT).get(RouterFixture.ROOT + "firewall.user").stream()
                .filter(x -> x.ruleId().equals(RULE)).toList();
        assertEquals(1, dv.size(), dv.toString());
        assertTrue(dv.get(0).fixes().isEmpty(), dv.toString());
    }
}
