package dev.routerls.kernel;

import dev.routerls.core.AnalysisSettings;
import dev.routerls.analysis.Analyzer;
import dev.routerls.core.Diagnostic;
import dev.routerls.mape.Ipv6Prefix;
import dev.routerls.mape.MapeCalculator;
import dev.routerls.mape.MapeResult;
import dev.routerls.mape.MapeRuleTable;
import dev.routerls.mape.PortRange;
import dev.routerls.openwrt.mape.SnatBlockGenerator;
import dev.routerls.testing.SampleRouters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The MAP-E SNAT rules routerls writes, proven in a real Linux kernel. Each case builds three network
 * namespaces of its own — a LAN client (192.0.2.2), the router (192.0.2.1, and 198.51.100.1 on a veth named
 * {@code map-wan_map} like OpenWrt's tunnel) and a host upstream (198.51.100.2, which routes the rule's IPv4
 * address back to the router) — loads the rules into the router, sends real TCP and UDP flows from the
 * client to the upstream host ({@link FlowProbe}), and reads what arrives: every flow must arrive from the
 * rule's IPv4 address with a source port in the PSID's set, and every block must be used. The namespaces and
 * their veth pairs are deleted afterwards; nothing outside them is touched.
 *
 * <ul>
 * <li>nft: the generated /etc/nftables.d block, included in a {@code table inet fw4} that has fw4's own srcnat
 *     chain masquerading the wan zone, as fw4 loads it;</li>
 * <li>iptables: the generated firewall.user block, run twice after a fw3-like zone MASQUERADE rule (the second
 *     run must leave the same rules: one jump, one chain); and a burst of thousands of new connections from
 *     several threads at once, which the per-rule nth counters can leave without a mark: every one must still
 *     leave through the port set (the block's last rules SNAT those), none through the masquerading; the same
 *     for the good sample's firewall.user, seed 000's loop with the rules {@code routerls fix} adds after it;</li>
 * <li>the samples: {@code fw4-nftables} (corrected) spreads like the generated block, and
 *     {@code fw4-nftables-range-in-map} keeps only the first port of each block, exactly the number of usable
 *     ports {@code openwrt/nft-map-range} states for it.</li>
 * </ul>
 * Skipped with a message only where network namespaces cannot be created (no root, no permission).
 */
class MapeSnatKernelIT {
    private static final String DEVICE = "map-wan_map";
    private static final String CLIENT_IP = "192.0.2.2";
    private static final String SERVER_IP = "198.51.100.2";
    private static final AtomicInteger LABS = new AtomicInteger();
    private static Path work;

    @BeforeAll
    static void kernelAndTools() throws IOException {
        for (String tool : List.of("ip", "nft", "iptables")) {
            if (!onPath(tool)) {
                fail("'" + tool + "' is not installed: the kernel test needs iproute2, nftables and iptables "
                        + "(apt-get install -y iproute2 nftables iptables; .ci/run does this)");
            }
        }
        String probe = "rls" + ProcessHandle.current().pid() + "probe";
        Result r = run("ip", "netns", "add", probe);
        Assumptions.assumeTrue(r.exit() == 0, "network namespaces are not permitted here (ip netns add: "
                + r.output().strip() + "); the MAP-E kernel test needs root and CAP_SYS_ADMIN");
        run("ip", "netns", "del", probe);
        System.out.println("MapeSnatKernelIT: " + run("nft", "--version").output().strip() + "; "
                + run("iptables", "--version").output().strip() + "; kernel " + System.getProperty("os.version"));
        work = Files.createTempDirectory("routerls-kernel");
    }

    @AfterAll
    static void removeFiles() throws IOException {
        if (work == null) return;
        try (Stream<Path> s = Files.walk(work)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    private static MapeResult compute(String prefix) {
        Ipv6Prefix p = Ipv6Prefix.parse(prefix);
        return MapeCalculator.calculate(MapeRuleTable.bundled().lookup(p).orElseThrow(), p);
    }

    // v6plus, BIGLOBE and OCN prefixes: 15, 15 and 63 blocks of 16 ports
    @ParameterizedTest
    @ValueSource(strings = {"240b:10:a5cd:6800::/56", "2404:7a80:1234:5600::/56", "2400:4150:8100:1200::/56"})
    void generatedNftBlockSpreadsEveryFlowOverThePortSet(String prefix) throws Exception {
        MapeResult r = compute(prefix);
        try (Lab lab = Lab.create(r.ipv4().toString())) {
            String ruleset = lab.loadFw4(SnatBlockGenerator.nftables(r, DEVICE));
            for (PortRange p : r.ports()) {
                assertTrue(ruleset.contains(r.ipv4() + " . " + p), "nft reads back " + p + " whole:\n" + ruleset);
            }
            lab.assertSpread(r, 2 * r.ports().size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"240b:10:a5cd:6800::/56", "2404:7a80:1234:5600::/56", "2400:4150:8100:1200::/56"})
    void generatedIptablesBlockSpreadsEveryFlowAndRunsTwiceTheSame(String prefix) throws Exception {
        MapeResult r = compute(prefix);
        String chain = SnatBlockGenerator.iptablesChain(DEVICE);
        try (Lab lab = Lab.create(r.ipv4().toString())) {
            // fw3's zone masquerading of the wan zone, which the block must run ahead of
            lab.router("iptables", "-t", "nat", "-A", "POSTROUTING", "-o", DEVICE, "-j", "MASQUERADE");
            Path script = work.resolve("firewall.user." + lab.name);
            Files.writeString(script, SnatBlockGenerator.iptables(r, DEVICE));
            lab.router("sh", script.toString());
            lab.router("sh", script.toString());
            List<String> rules = lab.router("iptables", "-t", "nat", "-S").lines().toList();
            assertEquals(1, rules.stream().filter(l -> l.equals("-A POSTROUTING -o " + DEVICE + " -j " + chain)).count(),
                    "one jump after two runs:\n" + String.join("\n", rules));
            assertEquals("-A POSTROUTING -o " + DEVICE + " -j " + chain,
                    rules.stream().filter(l -> l.startsWith("-A POSTROUTING")).findFirst().orElse(""), "the jump comes first");
            assertEquals(4L * r.ports().size() + 3, rules.stream().filter(l -> l.startsWith("-A " + chain + " ")).count(),
                    "N mark rules, 3N SNAT rules and 3 for unmarked connections, not twice as many:\n" + String.join("\n", rules));
            lab.assertSpread(r, 2 * r.ports().size());
        }
    }

    // the concurrent burst: flows per protocol, sender threads, destination ports (each destination port takes at
    // most 16 flows per block, so 128 ports leave room for every flow with the blocks' ports to spare)
    private static final int BURST_FLOWS = 3000;
    private static final int BURST_THREADS = 8;
    private static final int BURST_PORTS = 128;

    /**
     * The generated iptables block under concurrency. Each nth rule keeps its own counter (xt_statistic), so two
     * new connections processed at once on two CPUs can pass the mark rules in different orders; one may end up
     * with two marks, the other with none. Several sender threads open thousands of connections at once: every
     * one must arrive from the MAP-E address with a port of the PSID's set, none from the zone's masquerading, and
     * the chain's counters must account for every connection (the marked SNAT rules plus the rules for unmarked
     * connections). How many took those last rules depends on the machine (0 on one CPU); it is printed.
     */
    @Test
    void generatedIptablesBlockKeepsConcurrentConnectionsInThePortSet() throws Exception {
        MapeResult r = compute("2404:7a80:1234:5600::/56");
        burstStaysInThePortSet(r, SnatBlockGenerator.iptables(r, DEVICE), SnatBlockGenerator.iptablesChain(DEVICE));
    }

    /** The good sample's firewall.user: seed 000's loop in chains of its own, with the rules routerls fix adds after it. */
    @Test
    void sampleLoopWithTheRulesForUnmarkedConnectionsKeepsThemInThePortSet() throws Exception {
        MapeResult r = compute("2404:7a80:1234:5600::/56");
        burstStaysInThePortSet(r, SampleRouters.texts("good").get("firewall.user"), "fwuser_postrouting");
    }

    /**
     * Loads {@code script} after a fw3-like zone MASQUERADE and sends the burst: every flow arrives from the MAP-E
     * address with a port of the set, nothing is masqueraded, and the SNAT rules of {@code chain} counted every
     * connection. Prints how many took the rules for unmarked connections.
     */
    private static void burstStaysInThePortSet(MapeResult r, String script, String chain) throws Exception {
        try (Lab lab = Lab.create(r.ipv4().toString())) {
            lab.router("iptables", "-t", "nat", "-A", "POSTROUTING", "-o", DEVICE, "-j", "MASQUERADE");
            Path file = work.resolve("firewall.user." + lab.name);
            Files.writeString(file, script);
            lab.router("sh", file.toString());
            Flows f = lab.burst(BURST_PORTS, BURST_THREADS, BURST_FLOWS, BURST_FLOWS, 5000);
            assertEquals(0, f.tcpFailed(), f.toString());
            assertEquals(BURST_FLOWS, f.count("tcp"), "every TCP flow arrives: " + f);
            assertEquals(BURST_FLOWS, f.count("udp"), "every UDP flow arrives: " + f);
            for (Flows.Seen s : f.seen()) blockOf(r, s);
            Map<String, Long> counted = lab.snatCounters(chain);
            assertEquals(0L, lab.snatCounters("POSTROUTING").getOrDefault("MASQUERADE", 0L), "nothing was masqueraded");
            long marked = counted.getOrDefault("marked", 0L);
            long unmarked = counted.getOrDefault("unmarked", 0L);
            assertEquals(2L * BURST_FLOWS, marked + unmarked, "the chain SNATed every connection: " + counted);
            System.out.println("MapeSnatKernelIT: " + chain + ": " + unmarked + " of " + (2 * BURST_FLOWS)
                    + " concurrent connections (" + BURST_THREADS + " threads, " + Runtime.getRuntime().availableProcessors()
                    + " CPUs) got no nth mark; the rules for unmarked connections SNATed them into the port set");
        }
    }

    @Test
    void correctedSampleSpreadsEveryFlow() throws Exception {
        MapeResult r = compute("2404:7a80:1234:5600::/56");
        try (Lab lab = Lab.create(r.ipv4().toString())) {
            lab.loadFw4(SampleRouters.texts("fw4-nftables").get("nftables.d/10-mape.nft"));
            lab.assertSpread(r, 2 * r.ports().size());
        }
    }

    private static final Pattern USABLE = Pattern.compile("has (\\d+) usable ports? instead of the (\\d+)");

    @Test
    void rangeInMapKeepsOnlyTheFirstPortOfEachBlockAsTheRuleSays() throws Exception {
        MapeResult r = compute("2404:7a80:1234:5600::/56");
        String sample = "fw4-nftables-range-in-map";
        List<Diagnostic> found = new Analyzer().analyze(SampleRouters.files(sample), AnalysisSettings.DEFAULT).values()
                .stream().flatMap(List::stream).filter(d -> d.ruleId().equals("openwrt/nft-map-range")).toList();
        assertEquals(1, found.size(), found.toString());
        Matcher m = USABLE.matcher(found.get(0).message());
        assertTrue(m.find(), found.get(0).message());
        int stated = Integer.parseInt(m.group(1));
        assertEquals(r.ports().size(), stated);
        assertEquals(r.portCount(), Integer.parseInt(m.group(2)));

        try (Lab lab = Lab.create(r.ipv4().toString())) {
            String ruleset = lab.loadFw4(SampleRouters.texts(sample).get("nftables.d/10-mape.nft"));
            assertFalse(ruleset.contains(r.ports().get(0).toString()), "the range does not survive:\n" + ruleset);
            int flows = 2 * r.ports().size();
            Flows f = lab.flows(flows, 1500);
            Set<Integer> firstPorts = r.ports().stream().map(PortRange::lo).collect(Collectors.toSet());
            for (Flows.Seen s : f.seen()) {
                assertEquals(r.ipv4().toString(), s.ip(), s.toString());
                assertTrue(firstPorts.contains(s.port()), "only the first port of a block is used: " + s);
            }
            Set<Integer> tcpPorts = f.ports("tcp");
            assertEquals(stated, tcpPorts.size(), "the kernel had exactly the usable ports the rule states: " + tcpPorts);
            assertTrue(f.tcpFailed() > 0, "connections beyond the " + stated + " ports fail: " + f);
            assertTrue(f.count("udp") < flows, "datagrams beyond the " + stated + " ports are lost: " + f);
        }
    }

    // ------------------------------------------------------------------ the namespaces

    /** Three namespaces joined by two veth pairs; closing deletes them (and with them the veths). */
    private static final class Lab implements AutoCloseable {
        final String name;
        final String client;
        final String router;
        final String server;

        private Lab(String name) {
            this.name = name;
            this.client = name + "c";
            this.router = name + "r";
            this.server = name + "s";
        }

        static Lab create(String snatAddress) {
            Lab lab = new Lab("rls" + ProcessHandle.current().pid() + "x" + LABS.incrementAndGet());
            try {
                for (String ns : List.of(lab.client, lab.router, lab.server)) must("ip", "netns", "add", ns);
                must("ip", "-n", lab.router, "link", "add", "lan0", "type", "veth", "peer", "name", "eth0", "netns", lab.client);
                must("ip", "-n", lab.router, "link", "add", DEVICE, "type", "veth", "peer", "name", "eth0", "netns", lab.server);
                must("ip", "-n", lab.client, "addr", "add", CLIENT_IP + "/24", "dev", "eth0");
                must("ip", "-n", lab.router, "addr", "add", "192.0.2.1/24", "dev", "lan0");
                must("ip", "-n", lab.router, "addr", "add", "198.51.100.1/24", "dev", DEVICE);
                must("ip", "-n", lab.server, "addr", "add", SERVER_IP + "/24", "dev", "eth0");
                for (String[] up : new String[][]{{lab.client, "eth0"}, {lab.client, "lo"}, {lab.router, "lan0"},
                        {lab.router, DEVICE}, {lab.router, "lo"}, {lab.server, "eth0"}, {lab.server, "lo"}}) {
                    must("ip", "-n", up[0], "link", "set", up[1], "up");
                }
                must("ip", "-n", lab.client, "route", "add", "default", "via", "192.0.2.1");
                // replies to the MAP-E address go back through the router, as the border relay would send them
                must("ip", "-n", lab.server, "route", "add", snatAddress + "/32", "via", "198.51.100.1");
                must("ip", "netns", "exec", lab.router, "sh", "-c", "echo 1 > /proc/sys/net/ipv4/ip_forward");
                return lab;
            } catch (RuntimeException e) {
                lab.close();
                throw e;
            }
        }

        String router(String... command) {
            List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", router));
            c.addAll(List.of(command));
            return must(c.toArray(String[]::new));
        }

        /** Loads {@code snippet} the way fw4 does (included in table inet fw4 beside its srcnat chain); returns the ruleset read back. */
        String loadFw4(String snippet) throws IOException {
            Path include = work.resolve(name + "-mape.nft");
            Files.writeString(include, snippet);
            Path fw4 = work.resolve(name + "-fw4.nft");
            Files.writeString(fw4, """
                    table inet fw4 {
                    	chain srcnat {
                    		type nat hook postrouting priority srcnat; policy accept;
                    		oifname "DEVICE" jump srcnat_wan
                    	}
                    	chain srcnat_wan {
                    		meta nfproto ipv4 masquerade
                    	}
                    	include "INCLUDE"
                    }
                    """.replace("DEVICE", DEVICE).replace("INCLUDE", include.toString()));
            router("nft", "-f", fw4.toString());
            return router("nft", "list", "ruleset");
        }

        /** Sends flows and checks each arrived from the MAP-E address and a port of the set, and that every block was used. */
        void assertSpread(MapeResult r, int flowsPerProtocol) throws Exception {
            Flows f = flows(flowsPerProtocol, 3000);
            assertEquals(0, f.tcpFailed(), f.toString());
            assertEquals(flowsPerProtocol, f.count("tcp"), "every TCP flow arrives: " + f);
            assertEquals(flowsPerProtocol, f.count("udp"), "every UDP flow arrives: " + f);
            Set<PortRange> used = new java.util.HashSet<>();
            for (Flows.Seen s : f.seen()) used.add(blockOf(r, s));
            assertEquals(Set.copyOf(r.ports()), used, "every block is used");
        }

        Flows flows(int flowsPerProtocol, int timeoutMs) throws Exception {
            return exchange(1, "send", SERVER_IP, "8080", "8081", Integer.toString(flowsPerProtocol),
                    Integer.toString(flowsPerProtocol), Integer.toString(timeoutMs));
        }

        /** {@code threads} sender threads at once, flows spread over {@code ports} destination ports per protocol. */
        Flows burst(int ports, int threads, int tcpFlows, int udpFlows, int timeoutMs) throws Exception {
            return exchange(ports, "burst", SERVER_IP, "10000", "10000", Integer.toString(ports), Integer.toString(threads),
                    Integer.toString(tcpFlows), Integer.toString(udpFlows), Integer.toString(timeoutMs));
        }

        /**
         * Packets counted by the SNAT rules of {@code chain}: "marked" (with a mark match) and "unmarked", and by
         * every other target under its name.
         */
        Map<String, Long> snatCounters(String chain) {
            Map<String, Long> out = new java.util.TreeMap<>();
            for (String line : router("iptables", "-t", "nat", "-L", chain, "-v", "-x", "-n").lines().toList()) {
                String[] w = line.strip().split("\\s+");
                if (w.length < 3 || !w[0].matches("\\d+")) continue;
                String key = !w[2].equals("SNAT") ? w[2] : line.contains("mark match") ? "marked" : "unmarked";
                out.merge(key, Long.parseLong(w[0]), Long::sum);
            }
            return out;
        }

        /** Runs the flow server on {@code ports} ports per protocol and the sender with {@code sender} arguments. */
        private Flows exchange(int ports, String... sender) throws Exception {
            Process server = new ProcessBuilder(probe(this.server, "serve", SERVER_IP, sender[2], sender[3], Integer.toString(ports)))
                    .redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                String first = out.readLine();
                if (!"ready".equals(first)) fail("flow server did not start: " + first);
                Result sent = run(probe(client, sender).toArray(String[]::new));
                server.getOutputStream().close();
                List<Flows.Seen> seen = new ArrayList<>();
                for (String line = out.readLine(); line != null && !line.equals("end"); line = out.readLine()) {
                    String[] w = line.split(" ");
                    if (w.length == 3) seen.add(new Flows.Seen(w[0], w[1], Integer.parseInt(w[2])));
                }
                if (!server.waitFor(30, TimeUnit.SECONDS)) fail("flow server did not end");
                if (sent.exit() != 0) fail("flow sender failed: " + sent.output());
                return new Flows(sent.output(), seen);
            } finally {
                server.destroyForcibly();
            }
        }

        private static List<String> probe(String ns, String... args) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", ns, java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                    "-cp", classes(), FlowProbe.class.getName()));
            c.addAll(List.of(args));
            return c;
        }

        @Override
        public void close() {
            for (String ns : List.of(client, router, server)) run("ip", "netns", "del", ns);
        }
    }

    /** The block of the PSID's set that {@code s} arrived from; fails when its address or port is not the MAP-E one. */
    private static PortRange blockOf(MapeResult r, Flows.Seen s) {
        assertEquals(r.ipv4().toString(), s.ip(), "source address of " + s);
        return r.ports().stream().filter(p -> p.lo() <= s.port() && s.port() <= p.hi()).findFirst()
                .orElseThrow(() -> new AssertionError("port " + s.port() + " of " + s + " is outside PSID "
                        + r.psid() + "'s set " + r.ports()));
    }

    /** What a flow run reported: the sender's counts and every source the upstream host saw. */
    private record Flows(String senderReport, List<Seen> seen) {
        record Seen(String protocol, String ip, int port) { }

        int tcpFailed() {
            Matcher m = Pattern.compile("tcp-failed (\\d+)").matcher(senderReport);
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        }

        long count(String protocol) {
            return seen.stream().filter(s -> s.protocol().equals(protocol)).count();
        }

        Set<Integer> ports(String protocol) {
            return seen.stream().filter(s -> s.protocol().equals(protocol)).map(Seen::port)
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        @Override
        public String toString() {
            Map<String, Long> byProtocol = seen.stream().collect(Collectors.groupingBy(Seen::protocol, Collectors.counting()));
            return senderReport.strip().replace('\n', ',') + " seen " + byProtocol;
        }
    }

    // ------------------------------------------------------------------ processes

    private record Result(int exit, String output) { }

    private static String classes() {
        try {
            return Path.of(FlowProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) return true;
        }
        for (String dir : List.of("/usr/sbin", "/sbin")) if (Files.isExecutable(Path.of(dir, tool))) return true;
        return false;
    }

    private static Result run(String... command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, out + " (timed out)");
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String must(String... command) {
        Result r = run(command);
        if (r.exit() != 0) throw new IllegalStateException(String.join(" ", command) + " failed: " + r.output());
        return r.output();
    }
}
