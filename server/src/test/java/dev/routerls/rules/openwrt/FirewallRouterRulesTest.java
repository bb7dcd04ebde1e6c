package dev.routerls.rules.openwrt;

import dev.routerls.core.AnalysisSettings;
import dev.routerls.openwrt.router.RouterFixture;
import dev.routerls.openwrt.router.RouterTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static dev.routerls.openwrt.router.RouterTexts.FIREWALL;
import static dev.routerls.openwrt.router.RouterTexts.NETWORK;
import static dev.routerls.openwrt.router.RouterTexts.SCRIPT;

/** firewall-zone-missing and fw4-firewall-user. */
class FirewallRouterRulesTest {
    private static final AnalysisSettings FW4 = new AnalysisSettings(null, "23.05.2", Map.of());

    @Test
    void mapAndPrefixInterfacesMissingFromWanZone() {
        String fw = FIREWALL.replace("\tlist network 'wan_map'\n", "").replace("\tlist network 'WAN6PD'\n", "")
                .replace("\tlist network 'wan6'\n",
                        "\t«openwrt/firewall-zone-missing~'wan_map'|«openwrt/firewall-zone-missing~'WAN6PD'|list network 'wan6'»»\n");
        RouterTexts.router(NETWORK, fw, SCRIPT).assertFindings("openwrt/firewall-zone-missing");
    }

    @Test
    void mapInterfaceInTheLanZone() {
        String fw = FIREWALL.replace("\tlist network 'wan_map'\n", "")
                .replace("\tlist network 'lan'\n", "\tlist network 'lan'\n\tlist network '«openwrt/firewall-zone-missing~in zone 'lan'|wan_map»'\n");
        RouterTexts.router(NETWORK, fw, SCRIPT).assertFindings("openwrt/firewall-zone-missing");
    }

    /** In an option listing several networks, the finding points at the one name, not the line. */
    @Test
    void wrongZoneFindingPointsAtTheNameAmongSeveral() {
        String fw = FIREWALL.replace("\tlist network 'wan_map'\n", "")
                .replace("\tlist network 'lan'\n", "\toption network 'lan «openwrt/firewall-zone-missing~in zone 'lan'|wan_map» guest'\n");
        RouterTexts.router(NETWORK, fw, SCRIPT).assertFindings("openwrt/firewall-zone-missing");
    }

    @Test
    void networkOptionWithSeveralNamesCounts() {
        String fw = FIREWALL.replace("\tlist network 'wan6'\n\tlist network 'wan_map'\n\tlist network 'WAN6PD'\n",
                "\toption network 'wan6 wan_map WAN6PD'\n");
        RouterTexts.router(NETWORK, fw, SCRIPT).assertFindings("openwrt/firewall-zone-missing");
    }

    @Test
    void fw4SkipsIncludeWithoutCompatibilityAndIptablesNeedsNft() {
        String fw = FIREWALL.replace("config include", "«openwrt/fw4-firewall-user~fw4_compatible '1'|config include»");
        String script = SCRIPT.replace("iptables -t nat -F POSTROUTING",
                "«openwrt/fw4-firewall-user~iptables-nft|iptables -t nat -F POSTROUTING»");
        RouterTexts.router(NETWORK, fw, script).assertFindings("openwrt/fw4-firewall-user", FW4);
    }

    /** A compatible include still runs iptables through iptables-nft; every spelling OpenWrt reads as true counts. */
    @ParameterizedTest
    @ValueSource(strings = {"1", "yes", "on", "true", "enabled"})
    void fw4WithCompatibleIncludeStillNamesTheIptablesLayer(String yes) {
        String fw = FIREWALL + "\toption fw4_compatible '" + yes + "'\n";
        String script = SCRIPT.replace("iptables -t nat -F POSTROUTING",
                "«openwrt/fw4-firewall-user~nftables.d|iptables -t nat -F POSTROUTING»");
        RouterTexts.router(NETWORK, fw, script).assertFindings("openwrt/fw4-firewall-user", FW4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "no", "off", "false", "disabled"})
    void fw4CompatibleFalseSpellingsLeaveTheIncludeSkipped(String no) {
        // the finding points at the value that says false
        String fw = FIREWALL + "\toption fw4_compatible «openwrt/fw4-firewall-user~fw4_compatible '1'|'" + no + "'»\n";
        String script = SCRIPT.replace("iptables -t nat -F POSTROUTING",
                "«openwrt/fw4-firewall-user~iptables-nft|iptables -t nat -F POSTROUTING»");
        RouterTexts.router(NETWORK, fw, script).assertFindings("openwrt/fw4-firewall-user", FW4);
    }

    /** A masquerading zone is the upstream zone whatever its name, however its masq says true. */
    @ParameterizedTest
    @ValueSource(strings = {"1", "yes", "on", "true", "enabled"})
    void masqueradingZoneWithAnyTrueSpellingIsUpstream(String yes) {
        String fw = FIREWALL.replace("option name 'wan'", "option name 'upstream'")
                .replace("option masq '1'", "option masq '" + yes + "'");
        RouterTexts.router(NETWORK, fw, SCRIPT).assertFindings("openwrt/firewall-zone-missing");
    }

    @Test
    void fw4FromOpenwrtReleaseFileAndNothingRunsTheScript() {
        String fw = FIREWALL.replace("config include\n\toption path '/etc/firewall.user'\n", "");
        String script = SCRIPT.replace("units1=15", "«openwrt/fw4-firewall-user~nothing runs|units1=15»")
                .replace("iptables -t nat -F POSTROUTING", "«openwrt/fw4-firewall-user~iptables-nft|iptables -t nat -F POSTROUTING»");
        RouterFixture.of("config/network", NETWORK, "config/firewall", fw, "firewall.user", script,
                        "openwrt_release", "DISTRIB_ID='OpenWrt'\nDISTRIB_RELEASE='22.03.0'\n")
                .assertFindings("openwrt/fw4-firewall-user");
    }

    @Test
    void fw3IsQuiet() {
        RouterFixture.of("config/network", NETWORK, "config/firewall", FIREWALL, "firewall.user", SCRIPT,
                        "openwrt_release", "DISTRIB_ID='OpenWrt'\nDISTRIB_RELEASE='21.02.0'\n")
                .assertFindings("openwrt/fw4-firewall-user");
    }
}
