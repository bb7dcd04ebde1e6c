package dev.routerls.lsp;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A bare JSON-RPC client for the packaged server: starts {@code java -jar routerls.jar lsp} and speaks
 * Content-Length framed JSON over its stdin/stdout, as an editor does. Used by the jar integration tests
 * and the benchmark, so both see exactly what a real client sees.
 */
public final class JsonRpcClient implements Closeable {
    private final Process process;
    private final OutputStream out;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final BlockingQueue<JsonObject> notifications = new LinkedBlockingQueue<>();
    private volatile Consumer<JsonObject> notificationListener = n -> { };
    private final Thread reader;

    public JsonRpcClient(Path jar, List<String> jvmArgs) throws IOException {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-jar", jar.toString(), "lsp"));
        process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        out = process.getOutputStream();
        reader = new Thread(this::readLoop, "jsonrpc-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** The jar the build produced, found from the project directory the build passes in. */
    public static Path jar() {
        String dir = System.getProperty("routerls.projectDir");
        Path base = dir == null ? Path.of("").toAbsolutePath() : Path.of(dir);
        for (Path p : List.of(base.resolve("server/target/routerls.jar"), base.resolve("target/routerls.jar"))) {
            if (Files.isRegularFile(p)) return p;
        }
        throw new IllegalStateException("server/target/routerls.jar not found under " + base + "; run mvn package first");
    }

    public Process process() {
        return process;
    }

    /** Called on the reader thread for every notification, before it is queued (the benchmark timestamps here). */
    public void onNotification(Consumer<JsonObject> listener) {
        notificationListener = listener;
    }

    public CompletableFuture<JsonObject> request(String method, JsonElement params) throws IOException {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonObject> f = new CompletableFuture<>();
        pending.put(id, f);
        JsonObject msg = new JsonObject();
        msg.addProperty("jsonrpc", "2.0");
        msg.addProperty("id", id);
        msg.addProperty("method", method);
        if (params != null) msg.add("params", params);
        sendRaw(msg.toString());
        return f;
    }

    public JsonObject call(String method, String paramsJson) throws Exception {
        return request(method, paramsJson == null ? null : JsonParser.parseString(paramsJson)).get(30, TimeUnit.SECONDS);
    }

    public void notify(String method, JsonElement params) throws IOException {
        JsonObject msg = new JsonObject();
        msg.addProperty("jsonrpc", "2.0");
        msg.addProperty("method", method);
        if (params != null) msg.add("params", params);
        sendRaw(msg.toString());
    }

    public void notify(String method, String paramsJson) throws IOException {
        notify(method, JsonParser.parseString(paramsJson));
    }

    /** Sends any body with a correct frame header (tests use it for malformed JSON). */
    public synchronized void sendRaw(String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        out.write(("Content-Length: " + b.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(b);
        out.flush();
    }

    /** The next notification of {@code method} (others are dropped), or null after the timeout. */
    public JsonObject awaitNotification(String method, long timeoutMillis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            long left = end - System.nanoTime();
            if (left <= 0) return null;
            JsonObject n = notifications.poll(left, TimeUnit.NANOSECONDS);
            if (n != null && method.equals(n.get("method").getAsString())) return n;
        }
    }

    /** Waits for publishDiagnostics of {@code uri}. */
    public JsonObject awaitDiagnostics(String uri, long timeoutMillis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
            if (left <= 0) return null;
            JsonObject n = awaitNotification("textDocument/publishDiagnostics", left);
            if (n == null) return null;
            if (uri.equals(n.getAsJsonObject("params").get("uri").getAsString())) return n.getAsJsonObject("params");
        }
    }

    private void readLoop() {
        try (InputStream in = process.getInputStream()) {
            while (true) {
                int length = -1;
                String line;
                while (!(line = readLine(in)).isEmpty()) {
                    if (line.toLowerCase().startsWith("content-length:")) length = Integer.parseInt(line.substring(15).trim());
                }
                if (length < 0) continue;
                byte[] body = in.readNBytes(length);
                if (body.length < length) return;
                JsonObject msg = JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
                if (msg.has("method") && msg.has("id")) {
                    reply(msg); // server-to-client request (e.g. client/registerCapability)
                } else if (msg.has("method")) {
                    notificationListener.accept(msg);
                    notifications.add(msg);
                } else if (msg.has("id") && !msg.get("id").isJsonNull()) {
                    CompletableFuture<JsonObject> f = pending.remove(msg.get("id").getAsInt());
                    if (f != null) f.complete(msg);
                } else {
                    notifications.add(msg); // an error without id (e.g. for unparsable input)
                }
            }
        } catch (IOException | RuntimeException e) {
            pending.values().forEach(f -> f.completeExceptionally(e));
        }
    }

    private void reply(JsonObject request) throws IOException {
        JsonObject r = new JsonObject();
        r.addProperty("jsonrpc", "2.0");
        r.add("id", request.get("id"));
        r.add("result", com.google.gson.JsonNull.INSTANCE);
        sendRaw(r.toString());
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') break;
            if (c != '\r') b.write(c);
        }
        if (c == -1 && b.size() == 0) throw new IOException("server closed its output");
        return b.toString(StandardCharsets.US_ASCII);
    }

    public static String json(Object o) {
        return new Gson().toJson(o);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
        }
    }
}
