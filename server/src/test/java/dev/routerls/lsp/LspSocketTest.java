package dev.routerls.lsp;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LspSocketTest {
    @Test
    void servesOneClientOnATcpPortAndReturnsZeroAfterShutdownAndExit() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> {
            try {
                return LspRunner.socket(port);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Socket s = null;
        for (int i = 0; i < 100 && s == null; i++) {
            try {
                s = new Socket("127.0.0.1", port);
            } catch (java.net.ConnectException e) {
                Thread.sleep(50);
            }
        }
        try (Socket socket = s) {
            LanguageClient quiet = new org.eclipse.lsp4j.services.LanguageClient() {
                public void telemetryEvent(Object o) { }
                public void publishDiagnostics(org.eclipse.lsp4j.PublishDiagnosticsParams d) { }
                public void showMessage(org.eclipse.lsp4j.MessageParams m) { }
                public CompletableFuture<org.eclipse.lsp4j.MessageActionItem> showMessageRequest(org.eclipse.lsp4j.ShowMessageRequestParams r) {
                    return CompletableFuture.completedFuture(null);
                }
                public void logMessage(org.eclipse.lsp4j.MessageParams m) { }
            };
            var launcher = LSPLauncher.createClientLauncher(quiet, socket.getInputStream(), socket.getOutputStream());
            launcher.startListening();
            LanguageServer server = launcher.getRemoteProxy();
            InitializeParams p = new InitializeParams();
            p.setCapabilities(new ClientCapabilities());
            assertEquals("routerls", server.initialize(p).get(10, TimeUnit.SECONDS).getServerInfo().getName());
            server.shutdown().get(10, TimeUnit.SECONDS);
            server.exit();
            assertEquals(0, code.get(10, TimeUnit.SECONDS));
        }
    }
}
