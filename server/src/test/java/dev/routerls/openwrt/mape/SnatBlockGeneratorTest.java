package dev.routerls.openwrt.mape;

import dev.routerls.core.AnalysisSettings;
import dev.routerls.analysis.Analyzer;
import dev.routerls.core.SourceFile;
import dev.routerls.core.Diagnostic;
import dev.routerls.mape.Ipv6Prefix;
import dev.routerls.mape.MapeCalculator;
import dev.routerls.mape.MapeResult;
import dev.routerls.mape.MapeRuleTable;
import dev.routerls.mape.PortRange;
import dev.routerls.openwrt.router.MapInterface;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.router.RouterReader;
import dev.routerls.openwrt.router.SnatTarget;
import dev.routerls.robustness.LintRun;
import dev.routerls.testing.SampleRouters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated SNAT rules: checked by routerls' own shell evaluator and rules, and against MapeCalculator. */
class SnatBlockGeneratorTest {

    private static MapeResult compute(String prefix) {
        Ipv6Prefix p = Ipv6Prefix.parse(prefix);
        return MapeCalculator.calculate(MapeRuleTable.bundled().lookup(p).orElseThrow(), p);
    }

    /** The good sample router with its firewall.user replaced. */
    private static List<SourceFile> goodRouterWith(String firewallUser) {
        return SampleRouters.edited("good", "firewall.user", t -> firewallUser);
    }

    @Test
    void iptablesBlockPassesEveryMapeRuleOnTheGoodRouter() {
        MapeResult r = compute("2404:7a80:1234:5600::/56");
        String block = "#!/bin/sh\n" + SnatBlockGenerator.iptables(r, "map-wan_map");
        List<SourceFile> files = goodRouterWith(block);
        List<Diagnostic> found = new Analyzer().analyze(files, AnalysisSettings.DEFAULT).values().stream()
                .flatMap(List::stream).filter(d -> d.ruleId().startsWith("openwrt/mape") || d.ruleId().startsWith("openwrt/shell")).toList();
        assertEquals(List.of(), found);

        // and the evaluated rules really are the port set: 15 marks, 3 protocols each, every block once, and 3 rules
        // for connections without a mark
        Router router = RouterReader.read(files, AnalysisSettings.DEFAULT);
        MapInterface map = router.mapInterfaces().get(0);
        List<SnatTarget> targets = router.snatTargetsFor(map);
        assertEquals(15 * 3 + 3, targets.size());
        assertTrue(targets.stream().allMatch(t -> t.known() && t.ipv4().orElseThrow().equals(r.ipv4())));
        assertEquals(new HashSet<>(r.ports()), new HashSet<>(targets.stream().map(t -> t.ports().orElseThrow()).toList()));
        // -N, -F, -D, -I (the jump), then 15 marks and 45 + 3 SNAT rules, all in the block's own chain
        assertEquals(4 + 15 * 4 + 3, router.iptables().size());
        String chain = SnatBlockGenerator.iptablesChain("map-wan_map");
        assertEquals(15 * 4 + 3, router.iptables().stream().filter(x -> x.adds() && chain.equals(x.command().chain())).count());
        assertEquals(List.of("POSTROUTING"), router.iptables().stream().filter(x -> x.adds() && !chain.equals(x.command().chain()))
                .map(x -> x.command().chain()).toList(), "the only rule in a built-in chain is the jump");
        assertTrue(router.iptables().stream().noneMatch(x -> x.command().operation() == dev.routerls.openwrt.shell.IptablesCommand.Operation.FLUSH
                && !chain.equals(x.command().chain())), "no chain of fw3's is flushed");
    }

    @Test
    void theBlockOfEarlierVersionsGetsTheRulesForUnmarkedConnections() {
        // routerls wrote the block without them before: connections the nth marks miss left through POSTROUTING's
        // end to masquerading. The fix appends them inside the block, giving the rules of today's block.
        MapeResult r = compute("2404:7a80:1234:5600::/56");
        String block = SnatBlockGenerator.iptables(r, "map-wan_map");
        String earlier = block.lines().filter(l -> !l.contains("-j SNAT") || l.contains("--mark"))
                .filter(l -> !SnatBlockGenerator.fallbackComment(r.ports().get(0)).contains(l))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        List<SourceFile> files = goodRouterWith("#!/bin/sh\n" + earlier);
        List<Diagnostic> found = new Analyzer().analyze(files, AnalysisSettings.DEFAULT).values().stream()
                .flatMap(List::stream).filter(d -> d.ruleId().startsWith("openwrt/")).toList();
        assertEquals(1, found.size(), found.toString());
        assertEquals("openwrt/mape-nth-spread", found.get(0).ruleId());
        assertTrue(found.get(0).message().contains("and the other marked ones of chain mape_map-wan_map"), found.get(0).message());
        String fixed = dev.routerls.core.edit.DocumentEdits.apply("#!/bin/sh\n" + earlier, found.get(0).fixes().get(0).edits());
        assertEquals("#!/bin/sh\n" + block, fixed);
    }

    @Test
    void iptablesBlockWithTheWrongDeviceIsCaught() {
        // the check above can fail: the same block for another device is reported
        String block = SnatBlockGenerator.iptables(compute("2404:7a80:1234:5600::/56"), "map-wan");
        List<Diagnostic> found = new Analyzer().analyze(goodRouterWith(block), AnalysisSettings.DEFAULT).values().stream()
                .flatMap(List::stream).filter(d -> d.ruleId().equals("openwrt/mape-tunnel-device")).toList();
        assertTrue(!found.isEmpty());
    }

    private static final Pattern MAP_ENTRY = Pattern.compile("(\\d+) : (\\d+\\.\\d+\\.\\d+\\.\\d+) \\. (\\d+)-(\\d+)");

    @ParameterizedTest
    @ValueSource(strings = {"2404:7a80:1234:5600::/56", "240b:10:a5cd:6800::/56", "2400:4150:8100:1200::/56"})
    void nftMapElementsAreAddressDotBlock(String prefix) {
        MapeResult r = compute(prefix);
        String nft = SnatBlockGenerator.nftables(r, "map-wan");
        List<String> rules = nft.lines().filter(l -> l.contains(" snat ip to ")).toList();
        assertEquals(2, rules.size(), nft);
        for (String rule : rules) {
            assertTrue(rule.contains("snat ip to numgen inc mod " + r.ports().size() + " map {"), rule);
            List<PortRange> ranges = new ArrayList<>();
            Matcher m = MAP_ENTRY.matcher(rule.substring(rule.indexOf('{')));
            while (m.find()) {
                assertEquals(ranges.size(), Integer.parseInt(m.group(1)), "keys run 0..N-1");
                assertEquals(r.ipv4().toString(), m.group(2));
                ranges.add(new PortRange(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))));
            }
            assertEquals(r.ports(), ranges);
        }
        assertTrue(nft.contains("type nat hook postrouting priority srcnat - 1; policy accept;"), nft);
        assertTrue(nft.contains("IPv4 " + r.ipv4() + ", PSID " + r.psid()), nft);
        // the output says why it uses this form
        assertTrue(nft.contains("the kernel keeps only its") && nft.contains("'address . first-last'"), nft);
    }

    @Test
    void mapeCommandPrintsTheBlocks() {
        LintRun r = LintRun.of("mape", "--snat", "iptables", "--device", "map-wan_map", "2404:7a80:1234:5600::/56");
        assertEquals(0, r.exit(), r.err());
        assertEquals(SnatBlockGenerator.iptables(compute("2404:7a80:1234:5600::/56"), "map-wan_map"), r.out().replace("\r\n", "\n"));
        LintRun nft = LintRun.of("mape", "--snat", "nft", "--device", "map-wan_map", "2404:7a80:1234:5600::/56");
        assertEquals(0, nft.exit(), nft.err());
        assertTrue(nft.out().startsWith("# /etc/nftables.d/90-routerls-mape-map-wan_map.nft"), nft.out());
        assertEquals(2, LintRun.of("mape", "--snat", "iptables", "2404:7a80:1234:5600::/56").exit());
        assertEquals(2, LintRun.of("mape", "--snat", "iptables", "--device", "x; rm -rf /", "2404:7a80:1234:5600::/56").exit());
        assertEquals(2, LintRun.of("mape", "--snat", "pf", "--device", "map-wan", "2404:7a80:1234:5600::/56").exit());
    }

    @Test
    void mapeCommandWritesYamahaAndUciAndChoosesByModel() {
        String prefix = "2404:7a80:1234:5600::/56";
        LintRun uci = LintRun.of("mape", "--snat", "uci", "--device", "map-wan_map", prefix);
        assertEquals(0, uci.exit(), uci.err());
        assertEquals(UciMapeGenerator.network(compute(prefix), "wan_map").text(), uci.out().replace("\r\n", "\n"));
        assertTrue(uci.out().contains("option legacymap '1'"), "BIGLOBE uses the legacy CE layout");
        LintRun older = LintRun.of("mape", "--snat", "yamaha", "--model", "RTX830", "--firmware", "15.02.20", prefix);
        assertEquals(0, older.exit(), older.err());
        assertTrue(older.out().contains(" tunnel encapsulation ipip") && older.out().contains("masquerade port range 1000 5472-5487"),
                older.out());
        LintRun newer = LintRun.of("mape", "--snat", "yamaha", "--model", "RTX830", "--firmware", "15.02.29", prefix);
        assertTrue(newer.out().contains(" tunnel map-e type ipv6option"), newer.out());
        assertEquals(2, LintRun.of("mape", "--snat", "yamaha", "--device", "map-wan_map", prefix).exit());
        assertEquals(2, LintRun.of("mape", "--snat", "yamaha", "--firmware", "15.02.20", prefix).exit());
        assertEquals(2, LintRun.of("mape", "--snat", "nft", "--device", "map-wan_map", "--model", "RTX830", prefix).exit());
        assertEquals(2, LintRun.of("mape", "--snat", "uci", "--device", "wan_map", prefix).exit());
        assertEquals(2, LintRun.of("mape", "--model", "RTX830", prefix).exit());
    }

    @Test
    void jsonGivesTheSameBlockAsData() {
        String prefix = "2404:7a80:1234:5600::/56";
        MapeResult r = compute(prefix);
        for (String target : List.of("nft", "iptables", "uci", "yamaha")) {
            List<String> args = new ArrayList<>(List.of("mape", "--format", "json", "--snat", target));
            if (!target.equals("yamaha")) args.addAll(List.of("--device", "map-wan_map"));
            args.add(prefix);
            LintRun run = LintRun.of(args.toArray(String[]::new));
            assertEquals(0, run.exit(), run.err());
            com.google.gson.JsonObject o = com.google.gson.JsonParser.parseString(run.out().strip()).getAsJsonObject();
            assertEquals(target, o.get("target").getAsString());
            assertEquals(prefix, o.get("prefix").getAsString());
            assertEquals(r.ipv4().toString(), o.get("ipv4").getAsString());
            assertEquals(r.psid(), o.get("psid").getAsInt());
            List<String> ports = new ArrayList<>();
            o.getAsJsonArray("ports").forEach(p -> ports.add(p.getAsString()));
            assertEquals(r.ports().stream().map(PortRange::toString).toList(), ports);
            // the lines are the text block
            List<String> lines = new ArrayList<>();
            o.getAsJsonArray("lines").forEach(l -> lines.add(l.getAsString()));
            LintRun text = LintRun.of(args.stream().filter(a -> !a.equals("--format") && !a.equals("json")).toArray(String[]::new));
            String plain = text.out().replace("\r\n", "\n");
            if (target.equals("nft")) plain = plain.substring(plain.indexOf('\n') + 1);   // the file name line
            assertEquals(plain, String.join("\n", lines) + "\n", target);
        }
    }
}
