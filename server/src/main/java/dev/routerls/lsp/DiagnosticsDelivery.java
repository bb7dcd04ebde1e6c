package dev.routerls.lsp;

import dev.routerls.core.Diagnostic;
import dev.routerls.services.DiagnosticsPublisher;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.services.LanguageClient;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * How finished analyses reach the client. A client that pulls ({@code textDocument/diagnostic}) is not also
 * sent {@code publishDiagnostics} for its documents: it would show each finding twice. Instead, when an
 * analysis changes the findings of a document from what the client last pulled for the same version (the
 * router is analysed as a whole, so an edit of one file changes findings in another), the client is asked
 * to pull again with {@code workspace/diagnostic/refresh}, if it supports that. A document edited since its
 * pull is not a reason: the client pulls an edited document itself. Clients that do not pull get pushes.
 */
final class DiagnosticsDelivery implements DiagnosticsPublisher {
    private static final Logger LOG = Logger.getLogger(DiagnosticsDelivery.class.getName());

    private final Supplier<LanguageClient> client;
    private volatile boolean pulls;
    private volatile boolean refreshes;
    /** What the client was last given for each document it pulled, and for which version. */
    private final Map<String, Pulled> pulled = new ConcurrentHashMap<>();

    private record Pulled(int version, List<org.eclipse.lsp4j.Diagnostic> diagnostics) { }
    /** A refresh request is out; {@link #again} asks for one more when it is answered. */
    private boolean refreshing;
    private boolean again;

    DiagnosticsDelivery(Supplier<LanguageClient> client) {
        this.client = client;
    }

    /** From the client's capabilities: whether it pulls diagnostics, and whether it accepts refresh requests. */
    void capabilities(boolean pulls, boolean refreshes) {
        this.pulls = pulls;
        this.refreshes = refreshes;
    }

    boolean pulls() {
        return pulls;
    }

    /** The findings the client was given for version {@code version} of {@code uri} in answer to a pull. */
    void pulled(String uri, int version, List<org.eclipse.lsp4j.Diagnostic> diagnostics) {
        pulled.put(uri, new Pulled(version, diagnostics));
    }

    /**
     * Settings changed: every pulled report was computed under the old ones (their result ids name the
     * settings), so a client that pulled is asked to pull again even where the findings stay the same.
     */
    void settingsChanged() {
        LanguageClient c = client.get();
        if (c != null && pulls && !pulled.isEmpty()) refresh(c);
    }

    @Override
    public void publish(String uri, Integer version, List<Diagnostic> diagnostics) {
        LanguageClient c = client.get();
        if (c == null) return;
        List<org.eclipse.lsp4j.Diagnostic> converted = Convert.diagnostics(diagnostics);
        if (!pulls) {
            c.publishDiagnostics(new PublishDiagnosticsParams(uri, converted, version));
            return;
        }
        if (version == null) {
            pulled.remove(uri); // closed: the client drops what it pulled for the document itself
            return;
        }
        Pulled shown = pulled.get(uri);
        if (shown != null && shown.version() == version && !shown.diagnostics().equals(converted)) refresh(c);
    }

    private void refresh(LanguageClient c) {
        if (!refreshes) return;
        synchronized (this) {
            if (refreshing) {
                again = true;
                return;
            }
            refreshing = true;
        }
        c.refreshDiagnostics().whenComplete((ok, failure) -> {
            if (failure != null) LOG.fine("routerls: workspace/diagnostic/refresh failed: " + failure);
            boolean more;
            synchronized (this) {
                refreshing = false;
                more = again;
                again = false;
            }
            if (more) refresh(c);
        });
    }
}
