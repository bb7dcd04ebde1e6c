package dev.routerls.yamaha;

import dev.routerls.analysis.YamahaAnalyzer;
import dev.routerls.core.AnalysisSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Benchmark harness (run by hand, prints figures; not a test). Generates documents of 5,000 lines from a
 * sample and measures: the first analysis of each, single-character edits re-analysed on one document
 * (alone, then with all documents open), and the heap retained by the analyzer's caches and results.
 * <pre>java -cp server/target/routerls.jar:server/target/test-classes dev.routerls.yamaha.YamahaAnalyzerBenchmark [sample]
 *   -Ddocs=50 -Dedits=300 -Dlines=5000</pre>
 */
public final class YamahaAnalyzerBenchmark {
    public static void main(String[] args) throws Exception {
        String seed = Files.readString(Path.of(args.length > 0 ? args[0] : "samples/yamaha/clean-rtx830-pppoe-l2tp.conf"));
        int docCount = Integer.getInteger("docs", 50);
        int editCount = Integer.getInteger("edits", 300);
        int lineCount = Integer.getInteger("lines", 5000);
        List<String> docs = new ArrayList<>();
        for (int d = 0; d < docCount; d++) docs.add(generate(seed, d, lineCount));
        System.out.printf("documents: %d x %d lines%n", docs.size(), docs.get(0).split("\n").length);

        // one document alone: warm up, then single-character edits
        YamahaAnalyzer alone = new YamahaAnalyzer();
        long t = System.nanoTime();
        alone.analyze("file:///alone.conf", docs.get(0), AnalysisSettings.DEFAULT);
        System.out.printf("first analysis, cold JVM: %.1f ms%n", (System.nanoTime() - t) / 1e6);
        StringBuilder typed = new StringBuilder(docs.get(0));
        edits(alone, "file:///alone.conf", typed, 50, new Random(1)); // JIT warm-up
        Stats one = edits(alone, "file:///alone.conf", typed, editCount, new Random(2));
        System.out.printf("one-character edit, 1 document open: %s%n", one);
        alone = null;

        Runtime rt = Runtime.getRuntime();
        gc();
        long before = rt.totalMemory() - rt.freeMemory();
        YamahaAnalyzer analyzer = new YamahaAnalyzer();
        List<YamahaAnalyzer.Result> kept = new ArrayList<>();
        long[] first = new long[docs.size()];
        for (int d = 0; d < docs.size(); d++) {
            long t0 = System.nanoTime();
            kept.add(analyzer.analyze("file:///doc" + d + ".conf", docs.get(d), AnalysisSettings.DEFAULT));
            first[d] = System.nanoTime() - t0;
        }
        System.out.printf("first analysis per document (%d documents, warm JVM): %s%n", docs.size(), new Stats(first));
        gc();
        long after = rt.totalMemory() - rt.freeMemory();
        System.out.printf("retained heap (caches + results + texts): %.1f MB (texts alone %.1f MB)%n",
                (after - before) / 1e6, docs.stream().mapToLong(String::length).sum() * 2 / 1e6);

        Stats many = edits(analyzer, "file:///doc0.conf", new StringBuilder(docs.get(0)), editCount, new Random(3));
        System.out.printf("one-character edit, %d documents open: %s%n", docs.size(), many);
        if (System.getProperty("histogram") != null) Thread.sleep(15000);
        if (kept.isEmpty()) System.out.println();
    }

    /** The sample followed by generated filter lines up to {@code lines} lines; distinct per document. */
    static String generate(String seed, int d, int lines) {
        StringBuilder b = new StringBuilder(seed);
        int n = seed.split("\n").length;
        for (int i = 0; n < lines; i++, n++) {
            b.append("ip filter ").append(100000 + d * 10000 + i).append(" reject 10.").append(d).append('.')
                    .append(i % 250).append(".0/24 * tcp * ").append(1024 + i % 60000).append('\n');
        }
        return b.toString();
    }

    /**
     * Applies {@code count} single-character edits one after another (as typing does): a random line, a
     * random column; a digit becomes another digit, anything else gets a letter inserted or removed.
     * {@code doc} is the document's current text and is left edited.
     */
    private static Stats edits(YamahaAnalyzer analyzer, String uri, StringBuilder doc, int count, Random random) {
        long[] times = new long[count];
        int reparsed = 0;
        for (int k = 0; k < count; k++) {
            int at = random.nextInt(doc.length());
            char c = doc.charAt(at);
            if (Character.isDigit(c)) doc.setCharAt(at, (char) ('0' + (c - '0' + 1) % 10));
            else if (c == 'x') doc.deleteCharAt(at);
            else if (c != '\n') doc.insert(at, 'x');
            else doc.insert(at, ' ');
            String edited = doc.toString();
            long t0 = System.nanoTime();
            YamahaAnalyzer.Result r = analyzer.analyze(uri, edited, AnalysisSettings.DEFAULT);
            times[k] = System.nanoTime() - t0;
            reparsed = Math.max(reparsed, r.freshlyParsed());
        }
        Stats s = new Stats(times);
        s.maxReparsed = reparsed;
        return s;
    }

    private static final class Stats {
        final long[] sorted;
        int maxReparsed = -1;

        Stats(long[] times) {
            sorted = times.clone();
            Arrays.sort(sorted);
        }

        double pct(double p) {
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
        }

        @Override
        public String toString() {
            return String.format("n=%d median %.1f ms, p95 %.1f ms, max %.1f ms%s", sorted.length, pct(0.5), pct(0.95),
                    sorted[sorted.length - 1] / 1e6, maxReparsed < 0 ? "" : ", lines parsed again per edit <= " + maxReparsed);
        }
    }

    private static void gc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
    }
}
