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
    /** Every notification received, kept (awaiting one drops the others from the queue, not from here). */
    private final List<JsonObject> received = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Consumer<JsonObject> notificationListener = n -> { };
    private final Thread reader;
    /** What the server wrote to stderr (its log), for tests that check a failure was logged. */
    private final StringBuffer stderr = new StringBuffer();
    /** Requests the server sent to the client, in order (workspace/configuration, window/workDoneProgress/create …). */
    private final BlockingQueue<JsonObject> serverRequests = new LinkedBlockingQueue<>();
    /** Results to answer the server's requests with, by method (null result otherwise). */
    private final Map<String, java.util.function.Function<JsonObject, JsonElement>> answers = new ConcurrentHashMap<>();

    public JsonRpcClient(Path jar, List<String> jvmArgs) throws IOException {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-jar", jar.toString(), "lsp"));
        process = new ProcessBuilder(cmd).start();
        out = process.getOutputStream();
        reader = new Thread(this::readLoop, "jsonrpc-reader");
        reader.setDaemon(true);
        reader.start();
        Thread err = new Thread(() -> {
            try (InputStream e = process.getErrorStream()) {
                byte[] buf = new byte[4096];
                for (int n; (n = e.read(buf)) > 0; ) stderr.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the process ended
            }
        }, "jsonrpc-stderr");
        err.setDaemon(true);
        err.start();
    }

    /** Everything the server has written to stderr so far. */
    public String stderr() {
        return stderr.toString();
    }

    /** Answers the server's requests of {@code method} with what {@code answer} returns for their params. */
    public void answer(String method, java.util.function.Function<JsonObject, JsonElement> answer) {
        answers.put(method, answer);
    }

    /** The next request the server sent with {@code method}, or null after the timeout. */
    public JsonObject awaitServerRequest(String method, long timeoutMillis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            long left = end - System.nanoTime();
            if (left <= 0) return null;
            JsonObject r = serverRequests.poll(left, TimeUnit.NANOSECONDS);
            if (r != null && method.equals(r.get("method").getAsString())) return r;
        }
    }

    /** The jar the build produced, found from the project directory the build passes in ({@code -Drouterls.jar} overrides). */
    public static Path jar() {
        if (System.getProperty("routerls.jar") != null) return Path.of(System.getProperty("routerls.jar"));
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

    /** The id of the last request sent. */
    public int lastId() {
        return ids.get();
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

    /** Sends bytes as they are, framing included (tests of broken frames). */
    public synchronized void sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
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

    /** The params of every notification of {@code method} received so far. */
    public List<JsonObject> received(String method) {
        return received.stream().filter(n -> method.equals(n.get("method").getAsString()))
                .map(n -> n.has("params") && n.get("params").isJsonObject() ? n.getAsJsonObject("params") : new JsonObject())
                .toList();
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
                    received.add(msg);
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
        serverRequests.add(request);
        var answer = answers.get(request.get("method").getAsString());
        JsonElement result = answer == null ? null : answer.apply(request.has("params") && request.get("params").isJsonObject()
                ? request.getAsJsonObject("params") : new JsonObject());
        JsonObject r = new JsonObject();
        r.addProperty("jsonrpc", "2.0");
        r.add("id", request.get("id"));
        r.add("result", result == null ? com.google.gson.JsonNull.INSTANCE : result);
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
