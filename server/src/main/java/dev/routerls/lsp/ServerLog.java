package dev.routerls.lsp;

import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.services.LanguageClient;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Where the server's log goes: every record of the {@code dev.routerls} loggers is written to stderr (the
 * editor's LSP log keeps it) and, once a client is connected, sent as {@code window/logMessage}. Services
 * log with {@link java.util.logging} and need not know either.
 */
final class ServerLog extends Handler {
    private static final Logger ROOT = Logger.getLogger("dev.routerls");
    private final PrintStream stderr;
    private volatile LanguageClient client;
    /** A failure while sending to the client must not log again through the client. */
    private final ThreadLocal<Boolean> sending = ThreadLocal.withInitial(() -> false);

    private ServerLog(PrintStream stderr) {
        this.stderr = stderr;
        setLevel(Level.INFO);
    }

    /** Installs the handler on the {@code dev.routerls} loggers (once per server) and returns it. */
    static ServerLog install(PrintStream stderr) {
        ServerLog log = new ServerLog(stderr);
        for (Handler h : ROOT.getHandlers()) {
            if (h instanceof ServerLog) ROOT.removeHandler(h);
        }
        ROOT.addHandler(log);
        ROOT.setUseParentHandlers(false);
        ROOT.setLevel(Level.INFO);
        return log;
    }

    void connect(LanguageClient client) {
        this.client = client;
    }

    @Override
    public void publish(LogRecord r) {
        if (r == null || !isLoggable(r)) return;
        String text = text(r);
        stderr.println(text);
        LanguageClient c = client;
        if (c == null || sending.get()) return;
        sending.set(true);
        try {
            c.logMessage(new MessageParams(type(r.getLevel()), text));
        } catch (RuntimeException e) {
            stderr.println("routerls: could not send a log message to the client: " + e);
        } finally {
            sending.set(false);
        }
    }

    private static String text(LogRecord r) {
        String msg = r.getMessage() == null ? "" : r.getMessage();
        if (r.getThrown() == null) return msg;
        StringWriter w = new StringWriter();
        r.getThrown().printStackTrace(new PrintWriter(w));
        return msg + "\n" + w;
    }

    private static MessageType type(Level l) {
        if (l.intValue() >= Level.SEVERE.intValue()) return MessageType.Error;
        if (l.intValue() >= Level.WARNING.intValue()) return MessageType.Warning;
        if (l.intValue() >= Level.INFO.intValue()) return MessageType.Info;
        return MessageType.Log;
    }

    @Override
    public void flush() {
        stderr.flush();
    }

    @Override
    public void close() {
        client = null;
    }
}
