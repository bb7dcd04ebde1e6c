package dev.routerls.fixes;

import dev.routerls.analysis.FixEngine;
import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.SourceFile;
import dev.routerls.core.Diagnostic;
import dev.routerls.testing.SampleRouters;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Before/after fixtures for the OpenWrt rules' fixes. The broken sample routers differ from the good one
 * by exactly the mistake their rule reports, so the fixed file must equal the good router's file.
 */
class OpenWrtFixesTest {
    private static final AnalysisSettings S = AnalysisSettings.DEFAULT;

    private static String good(String rel) {
        return SampleRouters.texts("good").get(rel);
    }

    @Test
    void wrongPsidAssignmentIsSetToThePrefixesPsid() {
        FixFixtures.check(SampleRouters.files("wrong-psid"), S, "openwrt/mape-psid-mismatch", "PSID='86'",
                Map.of(SampleRouters.uri("firewall.user"), good("firewall.user")));
    }

    @Test
    void wrongIpv4AssignmentIsSetToThePrefixesAddress() {
        List<SourceFile> files = SampleRouters.edited("good", "firewall.user", t -> t.replace("IP4='133.200.18.52'", "IP4='133.200.18.53'"));
        FixFixtures.check(files, S, "openwrt/mape-psid-mismatch", "IP4='133.200.18.52'",
                Map.of(SampleRouters.uri("firewall.user"), good("firewall.user")));
    }

    @Test
    void ocnUnitsOnBiglobeAreSetToBiglobesStrideAndBlockCount() {
        FixFixtures.check(SampleRouters.files("ocn-units-on-biglobe"), S, "openwrt/mape-port-range", "units2=4096",
                Map.of(SampleRouters.uri("firewall.user"), good("firewall.user")));
    }

    @Test
    void tunnelDeviceVariableIsSetToTheMapDevice() {
        FixFixtures.check(SampleRouters.files("wrong-device"), S, "openwrt/mape-tunnel-device", "TUNDEV='map-wan_map'",
                Map.of(SampleRouters.uri("firewall.user"), good("firewall.user")));
    }

    @Test
    void literalTunnelDeviceIsReplacedWhereItIsWritten() {
        List<SourceFile> files = SampleRouters.edited("good", "firewall.user",
                t -> t.replace("-p icmp -o $TUNDEV", "-p icmp -o map-wan"));
        FixFixtures.check(files, S, "openwrt/mape-tunnel-device", "-o map-wan_map",
                Map.of(SampleRouters.uri("firewall.user"), good("firewall.user").replace("-p icmp -o $TUNDEV", "-p icmp -o map-wan_map")));
    }

    @Test
    void legacymapIsAddedAtTheEndOfTheMapSection() {
        List<SourceFile> files = SampleRouters.edited("good", "config/network", t -> t.replace("\toption legacymap '1'\n", ""));
        FixFixtures.check(files, S, "openwrt/mape-legacymap", "Add option legacymap '1' to interface 'wan_map'",
                Map.of(SampleRouters.uri("config/network"), good("config/network")));
    }

    @Test
    void legacymapZeroIsSetToOne() {
        List<SourceFile> files = SampleRouters.edited("good", "config/network", t -> t.replace("option legacymap '1'", "option legacymap 0"));
        FixFixtures.check(files, S, "openwrt/mape-legacymap", "Set legacymap '1'",
                Map.of(SampleRouters.uri("config/network"), good("config/network")));
    }

    @Test
    void fw4IncludeGetsTheCompatibilityFlag() {
        List<SourceFile> files = SampleRouters.files("fw4-no-compat");
        String firewall = SampleRouters.texts("fw4-no-compat").get("config/firewall");
        FixFixtures.check(files, S, "openwrt/fw4-firewall-user", "fw4_compatible '1'",
                Map.of(SampleRouters.uri("config/firewall"), firewall.replace("\toption path '/etc/firewall.user'\n",
                        "\toption path '/etc/firewall.user'\n\toption fw4_compatible '1'\n")));
    }

    @Test
    void zoneWrittenAsOneOptionGetsTheNameAppended() {
        List<SourceFile> files = SampleRouters.edited("good", "config/firewall", t -> t.replace(
                "\tlist network 'wan'\n\tlist network 'wan6'\n\tlist network 'wan_map'\n\tlist network 'WAN6PD'\n",
                "\toption network 'wan wan6 WAN6PD'\n"));
        String want = good("config/firewall").replace(
                "\tlist network 'wan'\n\tlist network 'wan6'\n\tlist network 'wan_map'\n\tlist network 'WAN6PD'\n",
                "\toption network 'wan wan6 WAN6PD wan_map'\n");
        FixFixtures.check(files, S, "openwrt/firewall-zone-missing", "Add network 'wan_map' to zone 'wan'",
                Map.of(SampleRouters.uri("config/firewall"), want));
    }

    @Test
    void engineAddsBothMissingZoneNetworksInOnePassEach() {
        FixEngine.Outcome o = new FixEngine().run(SampleRouters.files("missing-zone"), S,
                new FixEngine.Options(r -> r.equals("openwrt/firewall-zone-missing"), u -> true, FixEngine.DEFAULT_PASSES));
        // both insertions go after the same line: they conflict in pass 1, so the second waits for pass 2
        assertEquals(2, o.passes().size(), o.applied().toString());
        assertEquals(good("config/firewall").replace("\tlist network 'wan_map'\n\tlist network 'WAN6PD'\n",
                "\tlist network 'wan_map'\n\tlist network 'WAN6PD'\n"), o.texts().get(SampleRouters.uri("config/firewall")));
        assertTrue(o.remaining().values().stream().flatMap(List::stream).noneMatch(d -> d.ruleId().equals("openwrt/firewall-zone-missing")));
    }

    @Test
    void noScriptFixWhenTheValueIsNotOneLiteralAssignment() {
        // the device variable is set twice: which assignment feeds -o is not certain
        assertNoFix(SampleRouters.edited("wrong-device", "firewall.user", t -> t.replace("TUNDEV='map-WAN_MAP'\n",
                "TUNDEV='map-WAN_MAP'\n[ -n \"$1\" ] && TUNDEV=\"$1\"\n")), "openwrt/mape-tunnel-device");
        // the PSID comes from a command the evaluator cannot run
        assertNoFix(SampleRouters.edited("wrong-psid", "firewall.user", t -> t.replace("PSID='87'", "PSID=87\nIP4=$(cat /tmp/ip4)")),
                "openwrt/mape-psid-mismatch");
        // the PSID variable also sets another value (two literal holders of the same value)
        assertNoFix(SampleRouters.edited("wrong-psid", "firewall.user", t -> t.replace("PSID='87'", "PSID='87'\nOTHER=87")),
                "openwrt/mape-psid-mismatch");
    }

    private static void assertNoFix(List<SourceFile> files, String rule) {
        List<Diagnostic> ds = FixFixtures.analyze(files, S).values().stream().flatMap(List::stream)
                .filter(d -> d.ruleId().equals(rule)).toList();
        assertTrue(ds.stream().allMatch(d -> d.fixes().isEmpty()), ds.toString());
    }
}
