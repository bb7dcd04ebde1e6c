package dev.routerls.bench;

import dev.routerls.core.AnalysisSettings;
import dev.routerls.analysis.Analyzer;
import dev.routerls.core.SourceFile;
import dev.routerls.core.LanguageId;
import dev.routerls.analysis.OpenWrtAnalyzer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Time per input size for each family of hostile input, through the whole analysis (reader, model, rules;
 * for firewall.user also the evaluator) with an unlimited budget: the size doubles from row to row and the
 * ratio column shows the growth, about 2 for linear work (about 4 would be quadratic). Prints figures, asserts
 * nothing. Run (after building, see README "Benchmarks"):
 * {@code java -cp server/target/test-classes:server/target/routerls.jar dev.routerls.bench.HostileInputBenchmark [family…]}
 */
public final class HostileInputBenchmark {
    private record Family(String name, LanguageId language, String file, int start, int doublings, IntFunction<String> text) {
    }

    private static final String ROUTER = "file:///bench/etc/";

    private static List<Family> families() {
        List<Family> f = new ArrayList<>();
        String fw = "firewall.user";
        f.add(new Family("firewall.user: x=$(( repeated, never closed", LanguageId.OPENWRT_FIREWALL_USER, fw, 1250, 4,
                n -> "x=" + "$((".repeat(n) + "\niptables -A INPUT -j ACCEPT\n"));
        f.add(new Family("firewall.user: $(( nested and closed", LanguageId.OPENWRT_FIREWALL_USER, fw, 1250, 4,
                n -> "x=" + "$((".repeat(n) + "1" + "))".repeat(n) + "\n"));
        f.add(new Family("firewall.user: lines of unclosed $(", LanguageId.OPENWRT_FIREWALL_USER, fw, 2500, 4,
                n -> "x=$(echo a\n".repeat(n)));
        f.add(new Family("firewall.user: lines of unclosed quotes", LanguageId.OPENWRT_FIREWALL_USER, fw, 2500, 4,
                n -> "echo \"a $b\n".repeat(n)));
        f.add(new Family("firewall.user: unclosed here-documents", LanguageId.OPENWRT_FIREWALL_USER, fw, 2500, 4,
                n -> "cat <<EOF$RANDOM\nline\n".repeat(n)));
        f.add(new Family("firewall.user: ( nested", LanguageId.OPENWRT_FIREWALL_USER, fw, 2500, 4,
                n -> "(".repeat(n) + "echo x" + ")".repeat(n) + "\n"));
        f.add(new Family("firewall.user: one line of N words", LanguageId.OPENWRT_FIREWALL_USER, fw, 32768, 4,
                n -> "echo " + "abcdef ".repeat(n) + "\n"));
        f.add(new Family("firewall.user: N iptables lines", LanguageId.OPENWRT_FIREWALL_USER, fw, 12500, 4,
                n -> "iptables -t nat -A POSTROUTING -o map-wan -j SNAT --to 192.0.2.1:1024-2047\n".repeat(n)));
        f.add(new Family("RTX: N-line config", LanguageId.YAMAHA_RTX, "router.conf", 25000, 3,
                RtxConfigGenerator::text));
        f.add(new Family("RTX: one line of N characters", LanguageId.YAMAHA_RTX, "router.conf", 131072, 4,
                n -> "ip lan1 secure filter in " + "1 ".repeat(n / 2) + "\n"));
        f.add(new Family("RTX: N lines of unclosed quotes", LanguageId.YAMAHA_RTX, "router.conf", 12500, 4,
                n -> "description 1 \"abc\n".repeat(n)));
        f.add(new Family("UCI: N sections", LanguageId.OPENWRT_UCI, "config/network", 12500, 4,
                n -> {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < n; i++) {
                        sb.append("config interface 'if").append(i).append("'\n\toption proto 'static'\n\toption ipaddr '10.")
                                .append(i / 65536 % 256).append('.').append(i / 256 % 256).append('.').append(i % 256).append("'\n\n");
                    }
                    return sb.toString();
                }));
        f.add(new Family("UCI: N lines of unclosed quotes", LanguageId.OPENWRT_UCI, "config/network", 12500, 4,
                n -> "config a 'b\n".repeat(n)));
        f.add(new Family("UCI: one value of N characters", LanguageId.OPENWRT_UCI, "config/network", 262144, 4,
                n -> "config interface 'lan'\n\toption ipaddr '" + "1".repeat(n) + "'\n"));
        f.add(new Family("nftables.d: N rules", LanguageId.OPENWRT_NFTABLES, "nftables.d/10-mape.nft", 6250, 4,
                n -> "chain mape {\n" + "\tmeta l4proto tcp oifname \"map-wan\" snat ip to 192.0.2.1:1024-2047\n".repeat(n) + "}\n"));
        f.add(new Family("nftables.d: { nested, never closed", LanguageId.OPENWRT_NFTABLES, "nftables.d/10-mape.nft", 2500, 4,
                n -> "chain x {\n" + "{ ".repeat(n) + "\n"));
        return f;
    }

    public static void main(String[] args) {
        List<String> only = List.of(args);
        for (Family family : families()) {
            if (!only.isEmpty() && only.stream().noneMatch(family.name()::contains)) continue;
            System.out.printf("%n%s%n  %10s %10s %8s %7s%n", family.name(), "size", "chars", "ms", "ratio");
            time(family, family.start() / 2);   // warm-up
            double previous = -1;
            for (int i = 0, n = family.start(); i <= family.doublings(); i++, n *= 2) {
                String text = family.text().apply(n);
                double ms = time(family, n);
                System.out.printf("  %10d %10d %8.0f %7s%n", n, text.length(), ms, previous > 0 ? String.format("%.2f", ms / previous) : "");
                previous = Math.max(ms, 1);
            }
        }
        Family fiveThousand = families().get(0);
        double ms = time(fiveThousand, 5000);
        System.out.printf("%nfirewall.user of 5,000 unclosed $(( (whole analysis): %.0f ms%n", ms);
    }

    /** The best of three analyses, each by a new engine (so no cache of an earlier run helps), without a time budget. */
    private static double time(Family family, int n) {
        String text = family.text().apply(n);
        double best = Double.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            Analyzer analyzer = new Analyzer(new OpenWrtAnalyzer(), Duration.ofDays(1));
            String uri = ROUTER + family.file();
            SourceFile f = new SourceFile(uri, text, family.language(), family.language() == LanguageId.YAMAHA_RTX ? null : ROUTER);
            long t0 = System.nanoTime();
            Map<String, ?> result = analyzer.analyze(List.of(f), AnalysisSettings.DEFAULT);
            best = Math.min(best, (System.nanoTime() - t0) / 1e6);
            if (result.isEmpty()) throw new IllegalStateException("nothing analysed");
        }
        return best;
    }
}
