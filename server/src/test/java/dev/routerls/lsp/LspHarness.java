package dev.routerls.lsp;

import com.google.gson.JsonElement;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Runs the real server in-process, connected to a test client over JSON-RPC through pipes, so tests
 * exercise the same message handling an editor does. Documents are given with a cursor marker {@code |}.
 */
final class LspHarness implements AutoCloseable {
    final LanguageServer server;
    final RouterLanguageServer impl;
    final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
    final List<RegistrationParams> registrations = new CopyOnWriteArrayList<>();
    final BlockingQueue<MessageParams> messages = new LinkedBlockingQueue<>();
    /** One entry per {@code workspace/diagnostic/refresh} request the server sent. */
    final BlockingQueue<Long> refreshes = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    InitializeResult initializeResult;

    LspHarness() throws IOException {
        // nio pipes, not java.io piped streams: those fail once the thread that last wrote has ended
        Pipe toServer = Pipe.open();
        Pipe toClient = Pipe.open();
        InputStream serverIn = Channels.newInputStream(toServer.source());
        OutputStream clientOut = Channels.newOutputStream(toServer.sink());
        InputStream clientIn = Channels.newInputStream(toClient.source());
        OutputStream serverOut = Channels.newOutputStream(toClient.sink());
        impl = new RouterLanguageServer(exitCode::complete, 10);
        Launcher<LanguageClient> serverSide = RouterLauncher.create(impl, serverIn, serverOut);
        impl.connect(serverSide.getRemoteProxy());
        serverSide.startListening();
        Launcher<LanguageServer> clientSide = LSPLauncher.createClientLauncher(new Client(), clientIn, clientOut);
        clientSide.startListening();
        server = clientSide.getRemoteProxy();
    }

    LspHarness initialize(JsonElement options) throws Exception {
        return initialize(options, new ClientCapabilities());
    }

    LspHarness initialize(JsonElement options, ClientCapabilities capabilities) throws Exception {
        InitializeParams p = new InitializeParams();
        p.setCapabilities(capabilities);
        p.setInitializationOptions(options);
        initializeResult = server.initialize(p).get(10, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
        return this;
    }

    /** A document's text with the cursor marker removed and where the marker was. */
    record Marked(String text, Position cursor) {
        static Marked of(String marked) {
            int at = marked.indexOf('|');
            if (at < 0) return new Marked(marked, new Position(0, 0));
            String before = marked.substring(0, at);
            int line = (int) before.chars().filter(c -> c == '\n').count();
            int col = at - (before.lastIndexOf('\n') + 1);
            return new Marked(before + marked.substring(at + 1), new Position(line, col));
        }
    }

    void open(String uri, String languageId, String text) {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, languageId, 1, text)));
    }

    /** Waits for the next diagnostics of {@code uri} (skipping other documents'). */
    PublishDiagnosticsParams diagnosticsFor(String uri) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            PublishDiagnosticsParams p = diagnostics.poll(100, TimeUnit.MILLISECONDS);
            if (p != null && p.getUri().equals(uri)) return p;
        }
        assertNotNull(null, "no diagnostics for " + uri);
        return null;
    }

    @Override
    public void close() {
        impl.shutdown();
    }

    private final class Client implements LanguageClient {
        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams d) {
            diagnostics.add(d);
        }

        @Override
        public void showMessage(MessageParams messageParams) {
            messages.add(messageParams);
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {
        }

        @Override
        public CompletableFuture<Void> refreshDiagnostics() {
            refreshes.add(System.nanoTime());
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> registerCapability(RegistrationParams params) {
            registrations.add(params);
            return CompletableFuture.completedFuture(null);
        }
    }
}
