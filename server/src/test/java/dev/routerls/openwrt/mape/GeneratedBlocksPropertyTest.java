package dev.routerls.openwrt.mape;

import dev.routerls.core.AnalysisSettings;
import dev.routerls.analysis.Analyzer;
import dev.routerls.analysis.LanguageDetector;
import dev.routerls.core.SourceFile;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.Severity;
import dev.routerls.mape.GeneratedBlock;
import dev.routerls.mape.Ipv4Address;
import dev.routerls.mape.Ipv6Prefix;
import dev.routerls.mape.MapRule;
import dev.routerls.mape.MapeCalculator;
import dev.routerls.mape.MapeResult;
import dev.routerls.mape.MapeRuleTable;
import dev.routerls.mape.PortRange;
import dev.routerls.openwrt.router.MapInterface;
import dev.routerls.openwrt.router.MapeExpectation;
import dev.routerls.openwrt.router.NatChains;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.router.RouterReader;
import dev.routerls.openwrt.router.SnatTarget;
import dev.routerls.openwrt.shell.IptablesCommand;
import dev.routerls.analysis.YamahaAnalyzer;
import dev.routerls.yamaha.catalog.CommandCatalog;
import dev.routerls.yamaha.mape.YamahaMapeGenerator;
import dev.routerls.yamaha.model.YamahaConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Properties of the MAP-E blocks routerls generates, over random delegated prefixes of every rule family of
 * the bundled table (v6plus, OCN, BIGLOBE): each block, read back by routerls' own readers, carries exactly
 * the IPv4 address and port set {@link MapeCalculator} gives for the prefix.
 * <ul>
 * <li>iptables: the firewall.user block, evaluated by the shell evaluator, SNATs to exactly that address and
 *     set, its nth rules spread over exactly the blocks, and its chain ends in one SNAT rule per protocol without
 *     a mark match, to the first block, for connections the marks miss;</li>
 * <li>nft: the nftables.d block's snat map has exactly those elements, none cut to its first port;</li>
 * <li>UCI: the network sections give a router whose expectation is that address, PSID and set, and lint clean;</li>
 * <li>YAMAHA: the manual block (on firmware without native MAP-E, with 4, 16 and 64 ranges per descriptor)
 *     lists exactly the set over its descriptors with the address as outer, the native block names the
 *     service's type; both lint clean under the model's header.</li>
 * </ul>
 * The seed is fixed, so a failure reproduces.
 */
class GeneratedBlocksPropertyTest {
    private static final int PER_FAMILY = 12;
    private static final String DEVICE = "map-wan_map";
    private static final String FIREWALL = """
            config zone
            	option name 'wan'
            	list network 'wan6'
            	list network 'wan6pd'
            	list network 'wan_map'
            	option masq '1'
            """;

    private static final String FW3_INCLUDE = """

            config include
            	option path '/etc/firewall.user'
            """;

    /** Random (rule, IPv4, PSID) of each ISP in the table, as delegated prefixes. */
    private static List<MapeResult> randomResults() {
        Map<String, List<MapRule>> families = new TreeMap<>();
        for (MapRule r : MapeRuleTable.bundled().rules()) families.computeIfAbsent(r.isp(), k -> new ArrayList<>()).add(r);
        assertEquals(Set.of("BIGLOBE", "OCN", "v6plus"), families.keySet());
        Random random = new Random(0x4d415045L);
        List<MapeResult> out = new ArrayList<>();
        for (List<MapRule> rules : families.values()) {
            for (int i = 0; i < PER_FAMILY; i++) {
                MapRule rule = rules.get(random.nextInt(rules.size()));
                long span = 1L << rule.ipv4SuffixLength();
                Ipv4Address ipv4 = new Ipv4Address((int) (rule.ip4prefix().address().unsigned() + (random.nextLong() & (span - 1))));
                int psid = random.nextInt(1 << rule.psidlen());
                Ipv6Prefix delegated = MapeCalculator.delegatedPrefix(rule, ipv4, psid);
                out.add(MapeCalculator.calculate(MapeRuleTable.bundled().lookup(delegated).orElseThrow(), delegated));
            }
        }
        return out;
    }

    private static List<SourceFile> router(Map<String, String> files) {
        List<SourceFile> out = new ArrayList<>();
        String root = "file:///prop/etc/";
        files.forEach((rel, text) -> out.add(new SourceFile(root + rel, text, LanguageDetector.detect("/prop/etc/" + rel, text), root)));
        return out;
    }

    private static Map<String, String> openwrt(MapeResult r, String release) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("config/network", UciMapeGenerator.network(r, "wan_map").text());
        // fw3's default config runs /etc/firewall.user; fw4 reads /etc/nftables.d/ instead
        files.put("config/firewall", release.startsWith("21.") ? FIREWALL + FW3_INCLUDE : FIREWALL);
        files.put("openwrt_release", "DISTRIB_ID='OpenWrt'\nDISTRIB_RELEASE='" + release + "'\n");
        return files;
    }

    private static Set<PortRange> distinctPorts(List<SnatTarget> targets) {
        Set<PortRange> out = new HashSet<>();
        targets.forEach(t -> out.add(t.ports().orElseThrow()));
        return out;
    }

    private static List<Diagnostic> warningsAndAbove(Map<String, List<Diagnostic>> byUri) {
        return byUri.values().stream().flatMap(List::stream).filter(d -> d.severity().atLeast(Severity.WARNING)).toList();
    }

    @Test
    void uciBlockGivesTheRoutersExpectationAndLintsClean() {
        for (MapeResult r : randomResults()) {
            List<SourceFile> files = router(openwrt(r, "21.02.0"));
            Router router = RouterReader.read(files, AnalysisSettings.DEFAULT);
            MapInterface map = router.mapInterfaces().get(0);
            assertEquals(DEVICE, map.iface().mapDevice());
            MapeExpectation e = router.expectation(map).orElseThrow(() -> new AssertionError("no expectation for " + r.delegated()));
            assertEquals(r.ipv4(), e.result().ipv4(), r.delegated().toString());
            assertEquals(r.psid(), e.result().psid(), r.delegated().toString());
            assertEquals(r.ports(), e.result().ports(), r.delegated().toString());
            assertEquals(map.legacymap(), r.rule().legacymap());
            assertEquals(List.of(), warningsAndAbove(new Analyzer().analyze(files, AnalysisSettings.DEFAULT)), r.delegated().toString());
        }
    }

    /**
     * The router of {@code r} with one more file: its SNAT targets for the map interface are {@code perBlock}
     * per block and {@code more} besides, all known, to the MAP-E address through the tunnel, exactly the port
     * set, none cut to its first port, and the router lints without warnings. Returns the router.
     */
    private static Router withSnat(MapeResult r, String release, String path, String text, int perBlock, int more) {
        Map<String, String> files = openwrt(r, release);
        files.put(path, text);
        List<SourceFile> sources = router(files);
        Router router = RouterReader.read(sources, AnalysisSettings.DEFAULT);
        List<SnatTarget> targets = router.snatTargetsFor(router.mapInterfaces().get(0));
        assertEquals(perBlock * r.ports().size() + more, targets.size(), r.delegated().toString());
        for (SnatTarget t : targets) {
            assertTrue(t.known() && t.ipv4().equals(Optional.of(r.ipv4())) && !t.firstPortOnly(), t.toString());
            assertEquals(Optional.of(DEVICE), t.out().map(SnatTarget.OutDevice::name));
        }
        assertEquals(new HashSet<>(r.ports()), distinctPorts(targets), r.delegated().toString());
        assertTrue(SnatExpectationCheck.matches(router, "wan_map", r));
        assertEquals(List.of(), warningsAndAbove(new Analyzer().analyze(sources, AnalysisSettings.DEFAULT)), r.delegated().toString());
        return router;
    }

    @Test
    void iptablesBlockEvaluatesToExactlyTheAddressAndPortSet() {
        for (MapeResult r : randomResults()) {
            // the shell evaluator runs the block: icmp, tcp and udp per block, and per protocol one for unmarked connections
            Router router = withSnat(r, "21.02.0", "firewall.user", SnatBlockGenerator.iptables(r, DEVICE), 3, 3);
            // in the chain: the marks, the marked SNAT rules, then the three without a mark match, to the first block
            List<IptablesCommand> chain = NatChains.of(router).chain(SnatBlockGenerator.iptablesChain(DEVICE))
                    .stream().map(x -> ((NatChains.UserRule) x).rule().command()).toList();
            assertEquals(4 * r.ports().size() + 3, chain.size());
            List<IptablesCommand> last = chain.subList(chain.size() - 3, chain.size());
            assertTrue(chain.subList(0, chain.size() - 3).stream().allMatch(c -> c.markMatch().isPresent() || c.setMark().isPresent()));
            for (int i = 0; i < 3; i++) {
                IptablesCommand c = last.get(i);
                assertEquals(List.of("icmp", "tcp", "udp").get(i), c.protocol());
                assertTrue(c.markMatch().isEmpty() && c.statistic().isEmpty(), c.toString());
                assertEquals(DEVICE, c.outInterface());
                assertEquals(r.ports().get(0).lo(), c.natTarget().orElseThrow().portLow());
                assertEquals(r.ports().get(0).hi(), c.natTarget().orElseThrow().portHigh());
            }
            Set<Long> packets = new HashSet<>();
            router.iptables().stream().map(x -> x.command()).filter(c -> c.statistic().isPresent()).forEach(c -> {
                IptablesCommand.Statistic st = c.statistic().get();
                assertEquals((long) r.ports().size(), st.every());
                packets.add(st.packet());
            });
            assertEquals(r.ports().size(), packets.size(), "each packet index once");
        }
    }

    @Test
    void nftBlockCarriesExactlyTheAddressAndPortSet() {
        for (MapeResult r : randomResults()) {
            // tcp/udp and icmp statements, one map element per block each
            withSnat(r, "23.05.3", "nftables.d/90-routerls-mape-map-wan_map.nft", SnatBlockGenerator.nftables(r, DEVICE), 2, 0);
        }
    }

    /** Firmware without native MAP-E, by how many ranges one port range line takes. */
    private static final Map<String, Integer> MANUAL = Map.of("RTX1210 14.01.20", 4, "RTX830 15.02.09", 16,
            "RTX5000 14.00.32", 64);

    @Test
    void yamahaManualBlockListsExactlyThePortSetAndLintsClean() {
        YamahaAnalyzer analyzer = new YamahaAnalyzer(CommandCatalog.standard());
        for (MapeResult r : randomResults()) {
            for (Map.Entry<String, Integer> m : MANUAL.entrySet()) {
                String[] mr = m.getKey().split(" ");
                GeneratedBlock b = YamahaMapeGenerator.generate(r, mr[0], mr[1]);
                assertEquals("manual", b.data().get("mode"), m.getKey());
                String config = "# " + mr[0] + " Rev." + mr[1] + " (Mon Jan  1 00:00:00 2024)\n" + b.text();
                YamahaAnalyzer.Result result = analyzer.analyze("file:///prop/rtx.conf", config, AnalysisSettings.DEFAULT);
                assertEquals(List.of(), result.diagnostics().stream().filter(d -> d.severity().atLeast(Severity.WARNING)).toList(),
                        m.getKey() + " " + r.delegated() + "\n" + config);
                YamahaConfig model = result.model();
                List<PortRange> listed = new ArrayList<>();
                Set<Integer> applied = new HashSet<>();
                model.natUses().stream().filter(u -> u.iface().equals("tunnel")).forEach(u -> applied.add(u.descriptor()));
                for (int id : applied) {
                    YamahaConfig.NatDescriptor d = model.natDescriptors().get(id);
                    assertTrue(d.portBlocks().size() <= m.getValue(), "at most " + m.getValue() + " ranges per descriptor");
                    assertEquals(List.of(r.ipv4().toString()), d.outer().stream().map(YamahaConfig.NatAddressItem::text).toList());
                    d.portBlocks().forEach(p -> listed.add(new PortRange(p.first(), p.last())));
                }
                assertEquals(r.ports(), listed.stream().sorted((x, y) -> Integer.compare(x.lo(), y.lo())).toList(),
                        m.getKey() + " " + r.delegated());
                assertTrue(b.text().contains("tunnel endpoint address " + r.ce() + " " + r.rule().br()), b.text());
            }
        }
    }

    @Test
    void yamahaNativeBlockNamesTheServiceAndLintsClean() {
        YamahaAnalyzer analyzer = new YamahaAnalyzer(CommandCatalog.standard());
        Map<String, String> types = Map.of("v6plus", "v6plus", "OCN", "ocn", "BIGLOBE", "ipv6option");
        for (MapeResult r : randomResults()) {
            GeneratedBlock b = YamahaMapeGenerator.generate(r, "RTX830", "15.02.30");
            assertEquals("native", b.data().get("mode"));
            assertTrue(b.lines().contains(" tunnel map-e type " + types.get(r.rule().isp())), b.text());
            assertFalse(b.text().contains("masquerade port range"), "the router computes the ports itself");
            String config = "# RTX830 Rev.15.02.30 (Mon Jan  1 00:00:00 2024)\n" + b.text();
            assertEquals(List.of(), analyzer.analyze("file:///prop/rtx.conf", config, AnalysisSettings.DEFAULT).diagnostics()
                    .stream().filter(d -> d.severity().atLeast(Severity.WARNING)).toList(), config);
        }
        // BIGLOBE's type arrived later than native MAP-E itself: that firmware gets the manual block
        MapeResult biglobe = randomResults().stream().filter(x -> x.rule().isp().equals("BIGLOBE")).findFirst().orElseThrow();
        assertEquals("manual", YamahaMapeGenerator.generate(biglobe, "RTX830", "15.02.20").data().get("mode"));
        MapeResult v6plus = randomResults().stream().filter(x -> x.rule().isp().equals("v6plus")).findFirst().orElseThrow();
        assertEquals("native", YamahaMapeGenerator.generate(v6plus, "RTX830", "15.02.20").data().get("mode"));
    }
}
