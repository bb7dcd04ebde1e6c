package dev.routerls.yamaha;

import dev.routerls.analysis.AnalysisSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark harness (run by hand, prints figures; not a test): 50 open documents of 5,000 lines each,
 * heap retained by the analyzer's line caches and results, full analysis time and the time to
 * re-analyse after a one-line edit.
 * <pre>java -cp server/target/routerls.jar:server/target/test-classes dev.routerls.yamaha.YamahaAnalyzerBenchmark samples/yamaha/clean-rtx830-pppoe-l2tp.conf</pre>
 */
public final class YamahaAnalyzerBenchmark {
    public static void main(String[] args) throws Exception {
        String seed = Files.readString(Path.of(args.length > 0 ? args[0] : "samples/yamaha/clean-rtx830-pppoe-l2tp.conf"));
        List<String> docs = new ArrayList<>();
        for (int d = 0; d < 50; d++) {
            StringBuilder b = new StringBuilder(seed);
            int n = seed.split("\n").length;
            for (int i = 0; n < 5000; i++, n++) {
                b.append("ip filter ").append(100000 + d * 10000 + i).append(" reject 10.").append(d).append('.')
                        .append(i % 250).append(".0/24 * tcp * ").append(1024 + i % 60000).append('\n');
            }
            docs.add(b.toString());
        }
        Runtime rt = Runtime.getRuntime();
        gc();
        long before = rt.totalMemory() - rt.freeMemory();
        YamahaAnalyzer analyzer = new YamahaAnalyzer();
        List<YamahaAnalyzer.Result> kept = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int d = 0; d < docs.size(); d++) {
            kept.add(analyzer.analyze("file:///doc" + d + ".conf", docs.get(d), AnalysisSettings.DEFAULT));
        }
        long full = System.nanoTime() - t0;
        gc();
        long after = rt.totalMemory() - rt.freeMemory();
        String edited = docs.get(0).replace("ip lan1 proxyarp on", "ip lan1 proxyarp off");
        long t1 = System.nanoTime();
        int reparsed = 0;
        for (int k = 0; k < 20; k++) {
            reparsed = analyzer.analyze("file:///doc0.conf", k % 2 == 0 ? edited : docs.get(0), AnalysisSettings.DEFAULT).freshlyParsed();
        }
        long edit = (System.nanoTime() - t1) / 20;
        System.out.printf("documents: %d x %d lines%n", docs.size(), docs.get(0).split("\n").length);
        System.out.printf("first analysis of all: %.0f ms (%.2f ms per document)%n", full / 1e6, full / 1e6 / docs.size());
        System.out.printf("retained heap (caches + results + texts): %.1f MB (texts alone %.1f MB)%n",
                (after - before) / 1e6, docs.stream().mapToLong(String::length).sum() * 2 / 1e6);
        System.out.printf("re-analysis after a one-line edit: %.1f ms, lines parsed again: %d%n", edit / 1e6, reparsed);
        if (System.getProperty("histogram") != null) Thread.sleep(15000);
        if (kept.isEmpty()) System.out.println();
    }

    private static void gc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
    }
}
