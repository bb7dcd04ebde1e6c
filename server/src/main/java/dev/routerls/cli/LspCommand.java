package dev.routerls.cli;

import dev.routerls.lsp.LspRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.util.concurrent.Callable;

/** {@code routerls lsp}: the language server over stdio, or over a TCP socket with {@code --port}. */
@Command(name = "lsp", mixinStandardHelpOptions = true, description = "Run the language server (LSP over stdio, or a TCP socket with --port).")
final class LspCommand implements Callable<Integer> {
    @Option(names = "--stdio", description = "talk over stdin/stdout (the default; accepted for clients that pass it)")
    boolean stdio;

    @Option(names = "--port", description = "listen on this TCP port on localhost and serve one client")
    Integer port;

    @Override
    public Integer call() {
        try {
            return port == null ? LspRunner.stdio() : LspRunner.socket(port);
        } catch (IOException e) {
            System.err.println("routerls: " + e.getMessage());
            return 2;
        }
    }
}
