package dev.routerls.bench;

import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.Diagnostic;
import dev.routerls.analysis.RuleRunner;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.router.RouterReader;
import dev.routerls.rules.yamaha.FilterShadowedRule;
import dev.routerls.testing.SampleRouters;
import dev.routerls.trace.PacketSpec;
import dev.routerls.trace.openwrt.OpenWrtTrace;
import dev.routerls.trace.yamaha.YamahaTrace;
import dev.routerls.yamaha.YamahaReader;
import dev.routerls.yamaha.model.YamahaConfig;

import java.util.List;
import java.util.Random;

/**
 * Benchmark harness (run by hand, prints figures; not a test): {@code yamaha/filter-shadowed} on secure filter
 * lists of 100 to 1,600 filters of mixed shapes (addresses, wildcards, ranges, protocols, ports, TCP flags),
 * and traces through such a list and through seed 000's MAP-E loop.
 * <pre>java -cp server/target/test-classes:server/target/routerls.jar dev.routerls.bench.TraceBenchmark</pre>
 */
public final class TraceBenchmark {
    private static final String[] PROTOCOLS = {"tcp", "udp", "tcp,udp", "icmp", "*", "established", "tcpfin", "esp"};
    private static final String[] PORTS = {"*", "www", "1024-65535", "135", "netbios_ns-netbios_ssn", "-1023", "445,139"};

    public static void main(String[] args) throws Exception {
        for (int n : new int[]{100, 400, 1600}) {
            String config = filters(n, new Random(n));
            YamahaConfig m = new YamahaReader().read("file:///bench.conf", config, AnalysisSettings.DEFAULT).model();
            FilterShadowedRule rule = new FilterShadowedRule();
            List<Diagnostic> found = List.of();
            for (int i = 0; i < 3; i++) found = RuleRunner.run(List.of(rule), m, "file:///bench.conf", AnalysisSettings.DEFAULT);
            long t = System.nanoTime();
            int runs = 5;
            for (int i = 0; i < runs; i++) found = RuleRunner.run(List.of(rule), m, "file:///bench.conf", AnalysisSettings.DEFAULT);
            System.out.printf("filter-shadowed, one list of %,d filters: %.1f ms per run, %d shadowed%n", n,
                    (System.nanoTime() - t) / 1e6 / runs, found.size());
            YamahaTrace trace = new YamahaTrace(m, "file:///bench.conf");
            t = System.nanoTime();
            int traces = 2000;
            for (int i = 0; i < traces; i++) {
                trace.trace("lan1", PacketSpec.parse("192.168.100." + (2 + i % 200) + ":" + (1024 + i), "198.51.100.1:443", "tcp"));
            }
            System.out.printf("  trace through it: %.3f ms per packet%n", (System.nanoTime() - t) / 1e6 / traces);
        }
        Router good = RouterReader.read(SampleRouters.files("good"), AnalysisSettings.DEFAULT);
        OpenWrtTrace ow = new OpenWrtTrace(good);
        for (int i = 1; i <= 200; i++) ow.trace("lan", PacketSpec.parse("192.168.1.10:50000", "198.51.100.1:443", "tcp"), i);
        long t = System.nanoTime();
        int traces = 2000;
        for (int i = 1; i <= traces; i++) ow.trace("lan", PacketSpec.parse("192.168.1.10:50000", "198.51.100.1:443", "tcp"), i);
        System.out.printf("OpenWrt seed 000 loop (45 SNAT, 15 MARK rules): %.3f ms per trace%n", (System.nanoTime() - t) / 1e6 / traces);
    }

    /** One LAN with a secure filter in list of {@code n} filters in random shapes, ending in a pass-all. */
    static String filters(int n, Random r) {
        StringBuilder b = new StringBuilder("# RTX830 Rev.15.02.30\nip lan1 address 192.168.100.1/24\nip route default gateway pp 1\n");
        StringBuilder list = new StringBuilder("ip lan1 secure filter in");
        for (int i = 1; i <= n; i++) {
            list.append(' ').append(i);
            String src = switch (r.nextInt(5)) {
                case 0 -> "*";
                case 1 -> "192.168." + r.nextInt(256) + ".0/24";
                case 2 -> "10." + r.nextInt(256) + ".*.*";
                case 3 -> "192.168.100." + r.nextInt(100) + "-192.168.100." + (100 + r.nextInt(150));
                default -> "172.16." + r.nextInt(256) + "." + r.nextInt(256);
            };
            String dst = r.nextBoolean() ? "*" : "198.51." + r.nextInt(256) + ".0/" + (16 + r.nextInt(16));
            b.append("ip filter ").append(i).append(r.nextInt(4) == 0 ? " reject " : " pass ").append(src).append(' ').append(dst)
                    .append(' ').append(PROTOCOLS[r.nextInt(PROTOCOLS.length)]).append(' ').append(PORTS[r.nextInt(PORTS.length)])
                    .append(' ').append(PORTS[r.nextInt(PORTS.length)]).append('\n');
        }
        b.append("ip filter ").append(n + 1).append(" pass * *\n");
        return b.append(list).append(' ').append(n + 1).append('\n').toString();
    }
}
