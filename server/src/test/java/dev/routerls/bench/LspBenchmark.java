package dev.routerls.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.routerls.lsp.JsonRpcClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Measures the packaged server over stdio, as an editor drives it, on a generated 5,000-line RTX config:
 * didOpen→diagnostics, single-character didChange→diagnostics of that version, completion latency, and the
 * server's heap with 50 such documents open. Prints figures; asserts nothing (this is not a test).
 *
 * <pre>
 *   mvn -B -q package -DskipTests
 *   mvn -B -q -pl server -am test-compile
 *   java -cp server/target/test-classes:server/target/routerls.jar dev.routerls.bench.LspBenchmark [server/target/routerls.jar]
 * </pre>
 * The machine may be loaded by other work: the load average is printed, and CPU times beside wall times.
 */
public final class LspBenchmark {
    private static final int LINES = 5000;
    private static final int EDITS = 200;
    private static final int COMPLETIONS = 300;
    private static final int DOCUMENTS = 50;
    /** Opens measured per kind: a few wall times on a loaded machine say little, so twenty. */
    private static final int OPENS = 20;

    /** Arrival time of publishDiagnostics per "uri#version", stamped on the reader thread. */
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private final JsonRpcClient client;

    private LspBenchmark(JsonRpcClient client) {
        this.client = client;
        client.onNotification(n -> {
            if (!"textDocument/publishDiagnostics".equals(n.get("method").getAsString())) return;
            JsonObject p = n.getAsJsonObject("params");
            String v = p.has("version") && !p.get("version").isJsonNull() ? p.get("version").getAsString() : "-";
            arrivals.putIfAbsent(p.get("uri").getAsString() + "#" + v, System.nanoTime());
        });
    }

    public static void main(String[] args) throws Exception {
        Path jar = args.length > 0 ? Path.of(args[0]) : Path.of("server/target/routerls.jar");
        System.out.println("load average at the start: " + loadAverage());
        // e.g. -DserverJvmArgs="-XX:StartFlightRecording=filename=server.jfr,settings=profile" to profile the server
        String jvm = System.getProperty("serverJvmArgs", "").trim();
        try (JsonRpcClient c = new JsonRpcClient(jar, jvm.isEmpty() ? List.of() : List.of(jvm.split("\\s+")))) {
            new LspBenchmark(c).run();
            c.call("shutdown", null);
            c.notify("exit", (com.google.gson.JsonElement) null);
            c.process().waitFor(10, TimeUnit.SECONDS);
        }
        engineOnly();
        System.out.println("load average at the end: " + loadAverage());
    }

    /** Wall times on a machine other processes load are long; the load says how much to trust them. */
    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim() + " on "
                    + Runtime.getRuntime().availableProcessors() + " processors";
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** CPU time the server process has used so far (all its threads: analysis, JSON-RPC, GC, JIT). */
    private Duration serverCpu() {
        return client.process().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /**
     * CPU time of the server's JIT compiler threads so far, from /proc (zero where that cannot be read):
     * compiling competes with the analysis for the cores.
     */
    private Duration compilerCpu() {
        java.io.File[] tasks = new java.io.File("/proc/" + client.process().pid() + "/task").listFiles();
        if (tasks == null) return Duration.ZERO;
        long ticks = 0;
        for (java.io.File t : tasks) {
            try {
                String stat = java.nio.file.Files.readString(t.toPath().resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (!name.contains("CompilerThre")) continue;
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
            } catch (IOException | RuntimeException e) {
                // the thread ended meanwhile
            }
        }
        return Duration.ofMillis(ticks * 10); // USER_HZ is 100 on Linux
    }

    /**
     * Where an edit's time goes: the YAMAHA analysis alone, in this process, for the same single-character
     * edits (the server adds the debounce, JSON-RPC and publishing on top).
     */
    private static void engineOnly() {
        dev.routerls.analysis.Analyzer analyzer = new dev.routerls.analysis.Analyzer();
        dev.routerls.core.AnalysisSettings settings = dev.routerls.core.AnalysisSettings.DEFAULT;
        String text = RtxConfigGenerator.text(LINES);
        String edited = text.replaceFirst("ip filter 10003 ", "ip filter 10003  ");
        for (int i = 0; i < 1000; i++) analyzer.yamaha().analyze("bench:engine", i % 2 == 0 ? edited : text, settings);
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        List<Double> times = new ArrayList<>(), cpu = new ArrayList<>();
        int reparsed = 0;
        for (int i = 0; i < 200; i++) {
            long c0 = mx.getCurrentThreadCpuTime(), t0 = System.nanoTime();
            var r = analyzer.yamaha().analyze("bench:engine", i % 2 == 0 ? edited : text, settings);
            times.add(ms(System.nanoTime() - t0));
            cpu.add(ms(mx.getCurrentThreadCpuTime() - c0));
            reparsed = Math.max(reparsed, r.freshlyParsed());
        }
        report("engine only: YAMAHA analysis after a 1-char edit", times);
        report("  the same, CPU time of the analysing thread", cpu);
        System.out.printf("  (lines re-parsed per edit: at most %d of %d)%n", reparsed, LINES);
    }

    private void run() throws Exception {
        client.call("initialize", "{\"processId\":null,\"rootUri\":null,\"capabilities\":{}}");
        client.notify("initialized", "{}");
        String text = RtxConfigGenerator.text(LINES);
        List<String> lines = RtxConfigGenerator.lines(LINES);
        System.out.printf("routerls LSP benchmark: %d-line RTX config (%d KB), %d available processors%n",
                lines.size(), text.getBytes(StandardCharsets.UTF_8).length / 1024, Runtime.getRuntime().availableProcessors());

        // warm the JIT on a throwaway document first, as a long editing session would be
        String warm = "file:///bench/warmup.conf";
        open(warm, text);
        await(warm, 1);
        for (int v = 2; v < 1000; v++) {
            int line = 10 + ((v - v % 2) * 37) % (LINES - 20); // type a character, then delete it again
            edit(warm, v, line, 0, v % 2 == 0 ? "#" : null);
            await(warm, v);
        }
        for (int i = 0; i < 100; i++) complete(warm, 40 + i, 1);
        close(warm);
        // and the reading of lines never seen, until the JIT has compiled it: on a loaded machine its compiler
        // threads get little CPU and go on compiling the parser and the catalog check for tens of opens
        // (its CPU is read in 10 ms ticks: warm when three opens in a row together took at most one tick of it)
        int warmOpens = 0;
        List<Duration> jit = new ArrayList<>(List.of(compilerCpu()));
        do {
            String u = "file:///bench/warm-" + warmOpens + ".conf";
            open(u, RtxConfigGenerator.text(LINES, 200 + warmOpens));
            await(u, 1);
            close(u);
            jit.add(compilerCpu());
            warmOpens++;
        } while (warmOpens < 5 || jit.get(warmOpens).minus(jit.get(warmOpens - 3)).toMillis() > 10 && warmOpens < 80);
        System.out.printf("warm-up: %d opens of configs never seen, until the JIT's compiler threads used at most 10 ms"
                + " of CPU in three in a row (%d ms in all)%n", warmOpens, jit.get(warmOpens).minus(jit.get(0)).toMillis());

        List<Double> openTimes = new ArrayList<>();
        for (int i = 0; i < OPENS; i++) {
            String uri = "file:///bench/open-" + i + ".conf";
            long t0 = System.nanoTime();
            open(uri, text);
            openTimes.add(ms(await(uri, 1) - t0));
            close(uri);
        }
        report("didOpen -> diagnostics (a config seen before)", openTimes);
        // a config whose lines the server has never seen: every line parsed and checked against the catalog
        List<Double> coldTimes = new ArrayList<>();
        Duration coldCpu = serverCpu(), coldJit = compilerCpu();
        for (int i = 0; i < OPENS; i++) {
            String uri = "file:///bench/new-" + i + ".conf";
            String other = RtxConfigGenerator.text(LINES, 100 + i);
            long t0 = System.nanoTime();
            open(uri, other);
            coldTimes.add(ms(await(uri, 1) - t0));
            close(uri);
        }
        report("didOpen -> diagnostics (a config never seen)", coldTimes);
        System.out.printf("  server CPU time per such open: %.2f ms (of which the JIT's compiler threads: %.2f ms)%n",
                serverCpu().minus(coldCpu).toNanos() / 1e6 / OPENS, compilerCpu().minus(coldJit).toNanos() / 1e6 / OPENS);

        String uri = "file:///bench/edit.conf";
        open(uri, text);
        await(uri, 1);
        List<Double> editTimes = new ArrayList<>();
        Duration cpu0 = serverCpu();
        for (int v = 2; v < EDITS + 2; v++) {
            int line = 10 + (v * 37) % (LINES - 20);
            // type one character, then delete it: every version is a realistic single keystroke
            long t0 = System.nanoTime();
            if (v % 2 == 0) edit(uri, v, line, 0, "#");
            else edit(uri, v, line - 37, 0, null);
            editTimes.add(ms(await(uri, v) - t0));
        }
        report("didChange (1 char) -> diagnostics of that version", editTimes);
        System.out.printf("  server CPU time per edit (all threads, GC and JIT included): %.2f ms%n",
                serverCpu().minus(cpu0).toNanos() / 1e6 / EDITS);

        List<Double> completionTimes = new ArrayList<>();
        for (int i = 0; i < COMPLETIONS; i++) {
            int line = 10 + (i * 53) % (LINES - 20);
            int col = lines.get(line).startsWith(" ") ? 1 : 0;
            long t0 = System.nanoTime();
            complete(uri, line, col);
            completionTimes.add(ms(System.nanoTime() - t0));
        }
        report("completion", completionTimes);

        // as in typing: a keystroke, then at once a completion request on that line, before any re-analysis
        List<Double> afterEdit = new ArrayList<>();
        Duration afterEditCpu = serverCpu();
        int v = EDITS + 2;
        for (int i = 0; i < 100; i++, v++) {
            int line = 10 + ((i / 2) * 71) % (LINES - 20);
            edit(uri, v, line, 0, i % 2 == 0 ? "#" : null); // type a character, then delete it again
            long t0 = System.nanoTime();
            complete(uri, line, 1);
            afterEdit.add(ms(System.nanoTime() - t0));
            await(uri, v);
        }
        report("completion right after a keystroke", afterEdit);
        System.out.printf("  server CPU time per keystroke and completion (the analysis of the new version included): %.2f ms%n",
                serverCpu().minus(afterEditCpu).toNanos() / 1e6 / afterEdit.size());

        for (int i = 0; i < DOCUMENTS - 1; i++) {
            String u = "file:///bench/many-" + i + ".conf";
            open(u, text);
            await(u, 1);
        }
        System.out.printf("heap after full GC with %d documents open (the same config): %s%n", DOCUMENTS, heapUsed());
        histogram();

        // the configs of 50 different routers: other numbers and addresses, so most lines differ
        for (int i = 0; i < DOCUMENTS - 1; i++) close("file:///bench/many-" + i + ".conf");
        close(uri);
        for (int i = 0; i < DOCUMENTS; i++) {
            String u = "file:///bench/site-" + i + ".conf";
            open(u, RtxConfigGenerator.text(LINES, i + 1));
            await(u, 1);
        }
        System.out.printf("heap after full GC with %d documents open (50 different configs): %s%n", DOCUMENTS, heapUsed());
        histogram();
    }

    private void histogram() throws Exception {
        String[] histogram = run("jcmd", Long.toString(client.process().pid()), "GC.class_histogram").split("\n");
        System.out.println("largest classes on the server heap:");
        for (int i = 0; i < Math.min(histogram.length, 13); i++) System.out.println("  " + histogram[i].trim());
    }

    private void open(String uri, String text) throws IOException {
        JsonObject td = new JsonObject();
        td.addProperty("uri", uri);
        td.addProperty("languageId", "yamaha-rtx");
        td.addProperty("version", 1);
        td.addProperty("text", text);
        JsonObject p = new JsonObject();
        p.add("textDocument", td);
        client.notify("textDocument/didOpen", p);
    }

    private void close(String uri) throws IOException {
        client.notify("textDocument/didClose", "{\"textDocument\":{\"uri\":" + new JsonPrimitive(uri) + "}}");
    }

    /** Inserts {@code ch} at line:col, or deletes the character there when {@code ch} is null. */
    private void edit(String uri, int version, int line, int col, String ch) throws IOException {
        JsonObject range = JsonParser.parseString("{\"start\":{\"line\":" + line + ",\"character\":" + col
                + "},\"end\":{\"line\":" + line + ",\"character\":" + (ch == null ? col + 1 : col) + "}}").getAsJsonObject();
        JsonObject change = new JsonObject();
        change.add("range", range);
        change.addProperty("text", ch == null ? "" : ch);
        JsonArray changes = new JsonArray();
        changes.add(change);
        JsonObject p = new JsonObject();
        p.add("textDocument", JsonParser.parseString("{\"uri\":" + new JsonPrimitive(uri) + ",\"version\":" + version + "}"));
        p.add("contentChanges", changes);
        client.notify("textDocument/didChange", p);
    }

    private void complete(String uri, int line, int col) throws Exception {
        client.call("textDocument/completion", "{\"textDocument\":{\"uri\":" + new JsonPrimitive(uri)
                + "},\"position\":{\"line\":" + line + ",\"character\":" + col + "}}");
    }

    private long await(String uri, int version) throws InterruptedException {
        String key = uri + "#" + version;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            Long t = arrivals.get(key);
            if (t != null) return t;
            Thread.sleep(0, 200_000);
        }
        throw new IllegalStateException("no diagnostics for " + key);
    }

    private String heapUsed() throws Exception {
        long pid = client.process().pid();
        run("jcmd", Long.toString(pid), "GC.run");
        String info = run("jcmd", Long.toString(pid), "GC.heap_info");
        for (String l : info.split("\n")) {
            String t = l.trim();
            if (t.contains("used") && (t.startsWith("garbage-first heap") || t.contains("heap") && t.contains("total"))) {
                return t;
            }
        }
        return info.trim();
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void report(String what, List<Double> samples) {
        List<Double> s = new ArrayList<>(samples);
        Collections.sort(s);
        System.out.printf("%-52s n=%-4d median %7.2f ms   p95 %7.2f ms   max %7.2f ms%n", what, s.size(),
                pct(s, 50), pct(s, 95), s.get(s.size() - 1));
    }

    private static double pct(List<Double> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
