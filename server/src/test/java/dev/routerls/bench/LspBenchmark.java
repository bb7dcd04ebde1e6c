package dev.routerls.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.routerls.lsp.JsonRpcClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
 */
public final class LspBenchmark {
    private static final int LINES = 5000;
    private static final int EDITS = 200;
    private static final int COMPLETIONS = 300;
    private static final int DOCUMENTS = 50;

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
        try (JsonRpcClient c = new JsonRpcClient(jar, List.of())) {
            new LspBenchmark(c).run();
            c.call("shutdown", null);
            c.notify("exit", (com.google.gson.JsonElement) null);
            c.process().waitFor(10, TimeUnit.SECONDS);
        }
        engineOnly();
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
        for (int i = 0; i < 20; i++) analyzer.yamaha().analyze("bench:engine", i % 2 == 0 ? edited : text, settings);
        List<Double> times = new ArrayList<>();
        int reparsed = 0;
        for (int i = 0; i < 60; i++) {
            long t0 = System.nanoTime();
            var r = analyzer.yamaha().analyze("bench:engine", i % 2 == 0 ? edited : text, settings);
            times.add(ms(System.nanoTime() - t0));
            reparsed = Math.max(reparsed, r.freshlyParsed());
        }
        report("engine only: YAMAHA analysis after a 1-char edit", times);
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
        for (int v = 2; v < 60; v++) {
            edit(warm, v, 6, 0, v % 2 == 0 ? "#" : null);
            await(warm, v);
        }
        for (int i = 0; i < 100; i++) complete(warm, 40 + i, 1);
        close(warm);

        List<Double> openTimes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String uri = "file:///bench/open-" + i + ".conf";
            long t0 = System.nanoTime();
            open(uri, text);
            openTimes.add(ms(await(uri, 1) - t0));
            close(uri);
        }
        report("didOpen -> diagnostics", openTimes);

        String uri = "file:///bench/edit.conf";
        open(uri, text);
        await(uri, 1);
        List<Double> editTimes = new ArrayList<>();
        for (int v = 2; v < EDITS + 2; v++) {
            int line = 10 + (v * 37) % (LINES - 20);
            // type one character, then delete it: every version is a realistic single keystroke
            long t0 = System.nanoTime();
            if (v % 2 == 0) edit(uri, v, line, 0, "#");
            else edit(uri, v, line - 37, 0, null);
            editTimes.add(ms(await(uri, v) - t0));
        }
        report("didChange (1 char) -> diagnostics of that version", editTimes);

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

        for (int i = 0; i < DOCUMENTS - 1; i++) {
            String u = "file:///bench/many-" + i + ".conf";
            open(u, text);
            await(u, 1);
        }
        System.out.printf("heap after full GC with %d documents open: %s%n", DOCUMENTS, heapUsed());
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
