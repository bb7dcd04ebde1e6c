package dev.routerls.lsp;

import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.services.LanguageClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Starts the server on a pair of streams and returns the process exit code when the session ends. */
public final class LspRunner {
    private LspRunner() {
    }

    public static int stdio() {
        InputStream in = System.in;
        OutputStream out = System.out;
        // stdout carries JSON-RPC: anything else printed there would corrupt the stream
        System.setOut(new PrintStream(System.err, true));
        return run(in, out);
    }

    public static int socket(int port) throws IOException {
        try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            System.err.println("routerls: listening on 127.0.0.1:" + server.getLocalPort());
            try (Socket s = server.accept()) {
                return run(s.getInputStream(), s.getOutputStream());
            }
        }
    }

    /** Serves until {@code exit} (its code: 0 after shutdown, 1 without) or until the input ends (1). */
    public static int run(InputStream in, OutputStream out) {
        CompletableFuture<Integer> exitCode = new CompletableFuture<>();
        ServerLog log = ServerLog.install(System.err);
        RouterLanguageServer server = new RouterLanguageServer(exitCode::complete);
        Launcher<LanguageClient> launcher = RouterLauncher.create(server, in, out);
        server.connect(launcher.getRemoteProxy());
        log.connect(launcher.getRemoteProxy());
        var listening = launcher.startListening();
        CompletableFuture.runAsync(() -> {
            try {
                listening.get();
            } catch (InterruptedException | ExecutionException e) {
                // the stream failed; treated like the client going away
            }
            exitCode.complete(1);
        });
        try {
            return exitCode.get();
        } catch (InterruptedException | ExecutionException e) {
            return 1;
        }
    }
}
