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
                t -> t.replace("-p icmp -o $TUNDEV -m mark", "-p icmp -o map-wan -m mark"));
        FixFixtures.check(files, S, "openwrt/mape-tunnel-device", "-o map-wan_map",
                Map.of(SampleRouters.uri("firewall.user"), good("firewall.user").replace("-p icmp -o $TUNDEV -m mark",
                        "-p icmp -o map-wan_map -m mark")));
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
        // the PSID variable also sets another value (two literal holders of the same value): no assignment is
        // certain, so the one fix is replacing the loop with the generated rules
        List<Diagnostic> ds = FixFixtures.analyze(SampleRouters.edited("wrong-psid", "firewall.user",
                t -> t.replace("PSID='87'", "PSID='87'\nOTHER=87")), S).values().stream().flatMap(List::stream)
                .filter(d -> d.ruleId().equals("openwrt/mape-psid-mismatch")).toList();
        assertTrue(!ds.isEmpty() && ds.stream().allMatch(d -> d.fixes().size() == 1
                && d.fixes().get(0).title().startsWith("Replace with correct MAP-E SNAT rules")), ds.toString());
    }

    // ---- SNAT for connections that got no nth mark

    /** The sample's script without the rules after its loop for connections that got no mark. */
    private static String withoutFallback(String script) {
        return script.substring(0, script.indexOf("\n# A connection that got no mark"));
    }

    @Test
    void loopGetsTheRulesForConnectionsWithoutAMark() {
        List<SourceFile> files = SampleRouters.edited("good", "firewall.user", OpenWrtFixesTest::withoutFallback);
        String want = withoutFallback(good("firewall.user")) + """
                # Each nth rule keeps its own counter: two new connections handled at once on two CPUs can pass the mark
                # rules in different orders, so that one gets two marks and the other none. The rules below SNAT a connection
                # without a mark to the first block, 5472-5487 (any block of the PSID would do; the first keeps reruns
                # identical). Without them it would fall through to masquerading, whose ports the border relay drops.
                iptables -t nat -A fwuser_postrouting -p icmp -o map-wan_map -j SNAT --to 133.200.18.52:5472-5487
                iptables -t nat -A fwuser_postrouting -p tcp -o map-wan_map -j SNAT --to 133.200.18.52:5472-5487
                iptables -t nat -A fwuser_postrouting -p udp -o map-wan_map -j SNAT --to 133.200.18.52:5472-5487
                """;
        FixFixtures.check(files, S, "openwrt/mape-nth-spread", "Add SNAT rules for connections without a mark (to 133.200.18.52:5472-5487)",
                Map.of(SampleRouters.uri("firewall.user"), want));
        // only the protocols that lack one get a rule
        files = SampleRouters.edited("good", "firewall.user", t -> t.replace(
                "iptables -t nat -A fwuser_postrouting -p icmp -o $TUNDEV -j SNAT --to $IP4:$portl-$portr\n", ""));
        String script = files.stream().filter(f -> f.uri().endsWith("firewall.user")).findFirst().orElseThrow().text();
        String added = FixFixtures.firstFinding(FixFixtures.analyze(files, S), "openwrt/mape-nth-spread").fixes().get(0)
                .edits().get(0).newText();
        assertTrue(added.endsWith("\niptables -t nat -A fwuser_postrouting -p icmp -o map-wan_map -j SNAT --to 133.200.18.52:5472-5487\n")
                && !added.contains("-p tcp") && !added.contains("-p udp"), added);
        assertTrue(script.endsWith("-p udp -o $TUNDEV -j SNAT --to $IP4:$portl-$portr\n"));
    }

    @Test
    void noRulesForUnmarkedConnectionsAddedToALoopThatIsItselfWrong() {
        // another PSID: the loop's own fix comes first (its value, or the generated block, which has those rules)
        assertNoFix(SampleRouters.edited("wrong-psid", "firewall.user", OpenWrtFixesTest::withoutFallback), "openwrt/mape-nth-spread");
        // an address the evaluator cannot know: nothing certain to write
        assertNoFix(SampleRouters.edited("good", "firewall.user", t -> withoutFallback(t).replace("IP4='133.200.18.52'",
                "IP4=$(cat /tmp/ip4)")), "openwrt/mape-nth-spread");
        List<Diagnostic> found = FixFixtures.analyze(SampleRouters.edited("wrong-psid", "firewall.user",
                OpenWrtFixesTest::withoutFallback), S).get(SampleRouters.uri("firewall.user"));
        assertTrue(found.stream().anyMatch(d -> d.ruleId().equals("openwrt/mape-nth-spread")), found.toString());
    }

    // ---- MAP-E options set to the ISP's rule

    @Test
    void wrongEalenIsSetToTheRulesValue() {
        FixFixtures.check(SampleRouters.files("bad-ealen"), S, "openwrt/mape-ealen", "Set ealen '25'",
                Map.of(SampleRouters.uri("config/network"), good("config/network")));
    }

    @Test
    void ruleMismatchesAreSetToTheRulesValues() {
        String network = good("config/network");
        for (String[] wrong : new String[][]{{"option offset '4'", "option offset '6'", "Set offset '4'"},
                {"option peeraddr '2001:260:700:1::1:275'", "option peeraddr '2001:db8::1'", "Set peeraddr"},
                {"option ip6prefixlen '31'", "option ip6prefixlen '32'", "Set ip6prefix '2404:7a80::' and ip6prefixlen '31'"},
                {"option ip4prefixlen '15'", "option ip4prefixlen '16'", "and ip4prefixlen '15'"}}) {
            FixFixtures.check(SampleRouters.edited("good", "config/network", t -> t.replace(wrong[0], wrong[1])), S,
                    "openwrt/mape-rule-mismatch", wrong[2], Map.of(SampleRouters.uri("config/network"), network));
        }
        // a missing offset (map.sh would use 6) is added at the end of the section
        FixFixtures.check(SampleRouters.edited("good", "config/network", t -> t.replace("\toption offset '4'\n", "")), S,
                "openwrt/mape-rule-mismatch", "Add option offset '4'", Map.of(SampleRouters.uri("config/network"),
                        network.replace("\toption offset '4'\n", "").replace("\toption legacymap '1'\n",
                                "\toption legacymap '1'\n\toption offset '4'\n")));
    }

    // ---- SNAT loops replaced by the generated rules

    private static final String GOOD_PORTL = "portl=`expr $rule \\* $units2 + $PSID \\* 16`";

    /** Runs `routerls fix` on the good router with firewall.user changed, checks the replacement, returns the script. */
    private static String replaced(java.util.function.UnaryOperator<String> change, String why) {
        FixEngine.Outcome o = new FixEngine().run(SampleRouters.edited("good", "firewall.user", change), S, FixEngine.Options.all());
        String script = o.texts().get(SampleRouters.uri("firewall.user"));
        assertTrue(o.applied().stream().anyMatch(a -> a.title().startsWith("Replace with correct MAP-E SNAT rules for wan_map (PSID 86")),
                o.applied().toString());
        assertTrue(script.contains("# routerls: the SNAT loop below is wrong for this router (" + why), script);
        assertTrue(script.contains("\n# while [ $rule -le $units1  ] ; do\n"), "the old loop is kept, commented out:\n" + script);
        dev.routerls.mape.Ipv6Prefix p = dev.routerls.mape.Ipv6Prefix.parse("2404:7a80:1234:5600::/56");
        String block = dev.routerls.openwrt.mape.SnatBlockGenerator.iptables(dev.routerls.mape.MapeCalculator.calculate(
                dev.routerls.mape.MapeRuleTable.bundled().lookup(p).orElseThrow(), p), "map-wan_map");
        // the old loop and the rules for unmarked connections after it are commented out; the block follows them
        assertTrue(script.contains("\n# done\n"), script);
        assertTrue(script.contains("\n# iptables -t nat -A fwuser_postrouting -p udp -o $TUNDEV -j SNAT --to $IP4:$portl-$portr\n"
                + block), "the generated block follows the old rules:\n" + script);
        List<Diagnostic> left = o.remaining().values().stream().flatMap(List::stream)
                .filter(d -> d.severity().atLeast(dev.routerls.core.Severity.WARNING)).toList();
        assertEquals(List.of(), left);
        return script;
    }

    @Test
    void loopWithOcnUnitsWrittenIntoTheArithmeticIsReplaced() {
        // 1024 written into expr: no assignment holds the stride, so the loop is replaced
        replaced(t -> t.replace(GOOD_PORTL, "portl=`expr $rule \\* 1024 + $PSID \\* 16`").replace("units1=15", "units1=63"),
                "its blocks are 1024 ports apart, not 4096");
    }

    @Test
    void loopWithTheWrongBlockWidthIsReplaced() {
        replaced(t -> t.replace("portr=`expr $portl + 15`", "portr=`expr $portl + 31`"), "its blocks are 32 ports wide, not 16");
    }

    @Test
    void seedFlushesThatOnlyFedAWrongLoopAreCommentedOutWithIt() {
        String script = SampleRouters.texts("fw3-chain-flush").get("firewall.user");
        FixEngine.Outcome o = new FixEngine().run(SampleRouters.edited("fw3-chain-flush", "firewall.user",
                t -> t.replace(GOOD_PORTL, "portl=`expr $rule \\* 1024 + $PSID \\* 16`")), S, FixEngine.Options.all());
        String fixed = o.texts().get(SampleRouters.uri("firewall.user"));
        assertTrue(fixed.contains("\n# iptables -t nat -F PREROUTING\n# iptables -t nat -F OUTPUT\n# iptables -t nat -F POSTROUTING\n"),
                fixed);
        assertTrue(o.remaining().values().stream().flatMap(List::stream).noneMatch(d -> d.ruleId().equals("openwrt/fw3-chain-flush")
                || d.ruleId().startsWith("openwrt/mape-")), o.remaining().toString());
        assertTrue(script.contains("\niptables -t nat -F POSTROUTING\n"));
    }

    // ---- fw3's chains are not flushed

    @Test
    void flushOfAFw3ChainBecomesAChainOfTheScriptsOwn() {
        String script = SampleRouters.texts("fw3-chain-flush").get("firewall.user");
        String want = script.replace("iptables -t nat -F PREROUTING\n", """
                # routerls: this script's rules live in fwuser_prerouting; flushing PREROUTING deleted fw3's rules too
                iptables -t nat -N fwuser_prerouting 2>/dev/null
                iptables -t nat -F fwuser_prerouting
                iptables -t nat -D PREROUTING -j fwuser_prerouting 2>/dev/null
                iptables -t nat -I PREROUTING -j fwuser_prerouting
                """).replace("iptables -t nat -A PREROUTING ", "iptables -t nat -A fwuser_prerouting ");
        FixFixtures.check(SampleRouters.files("fw3-chain-flush"), S, "openwrt/fw3-chain-flush", "fwuser_prerouting",
                Map.of(SampleRouters.uri("firewall.user"), want));
        // all three fixed, the router is the good one (but for the comments)
        FixEngine.Outcome o = new FixEngine().run(SampleRouters.files("fw3-chain-flush"), S, FixEngine.Options.all());
        assertEquals(3, o.applied().size(), o.applied().toString());
        assertTrue(o.remaining().values().stream().flatMap(List::stream).noneMatch(d -> d.severity()
                .atLeast(dev.routerls.core.Severity.WARNING)), o.remaining().toString());
        String strip = "(?m)^#.*\n";
        assertEquals(good("firewall.user").replaceAll(strip, ""), o.texts().get(SampleRouters.uri("firewall.user")).replaceAll(strip, ""));
    }

    @Test
    void flushWithNothingAddedIsCommentedOut() {
        List<SourceFile> files = SampleRouters.edited("good", "firewall.user", t -> t + "iptables -t mangle -F FORWARD\n");
        String script = files.stream().filter(f -> f.uri().endsWith("firewall.user")).findFirst().orElseThrow().text();
        FixFixtures.check(files, S, "openwrt/fw3-chain-flush", "Comment out the flush of mangle FORWARD",
                Map.of(SampleRouters.uri("firewall.user"), script.replace("iptables -t mangle -F FORWARD",
                        "# iptables -t mangle -F FORWARD   # routerls: nothing here adds to FORWARD; the flush only deleted fw3's rules")));
    }

    // ---- nftables.d snippets

    @Test
    void rangeInMapBecomesTheConcatenatedForm() {
        String nft = SampleRouters.texts("fw4-nftables-range-in-map").get("nftables.d/10-mape.nft");
        String want = nft.replace("snat ip to 133.200.18.52 : numgen", "snat ip to numgen")
                .replaceAll("(\\d+) : (\\d+-\\d+)", "$1 : 133.200.18.52 . $2");
        FixFixtures.check(SampleRouters.files("fw4-nftables-range-in-map"), S, "openwrt/nft-map-range", "133.200.18.52 . range",
                Map.of(SampleRouters.uri("nftables.d/10-mape.nft"), want));
    }

    @Test
    void snippetBlocksOfAnotherPsidAreRewrittenInPlace() {
        String good = SampleRouters.texts("fw4-nftables").get("nftables.d/10-mape.nft");
        String wrong = SampleRouters.texts("fw4-nftables-wrong-psid").get("nftables.d/10-mape.nft");
        String firstLine = wrong.substring(0, wrong.indexOf('\n'));
        FixFixtures.check(SampleRouters.files("fw4-nftables-wrong-psid"), S, "openwrt/mape-psid-mismatch", "PSID 86",
                Map.of(SampleRouters.uri("nftables.d/10-mape.nft"), firstLine + good.substring(good.indexOf('\n'))));
    }

    @Test
    void snippetDeviceIsSetToTheMapDevice() {
        FixFixtures.check(SampleRouters.files("fw4-nftables-wrong-device"), S, "openwrt/mape-tunnel-device", "oifname \"map-wan_map\"",
                Map.of(SampleRouters.uri("nftables.d/10-mape.nft"), SampleRouters.texts("fw4-nftables").get("nftables.d/10-mape.nft")));
    }

    private static void assertNoFix(List<SourceFile> files, String rule) {
        List<Diagnostic> ds = FixFixtures.analyze(files, S).values().stream().flatMap(List::stream)
                .filter(d -> d.ruleId().equals(rule)).toList();
        assertTrue(ds.stream().allMatch(d -> d.fixes().isEmpty()), ds.toString());
    }
}
