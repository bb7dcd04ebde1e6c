package dev.routerls.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.routerls.services.types.AnalysisTarget;
import dev.routerls.services.LanguageFeatures;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * routerls' own requests beyond the LSP ones (method names {@code routerls/…}), used by the VS Code
 * extension. {@code routerls/analysisTarget} with {@code {"textDocument":{"uri":…}}} answers what the
 * document is analysed as, for the status bar:
 * <pre>{"language":"yamaha-rtx","platform":"yamaha","model":"RTX830","revision":"15.02.30","release":null,
 *  "firewall":null,"origin":"file","choices":["RTX5000",…]}</pre>
 * ({@code origin}: setting, file or none), or null for a document that is not open or not ours.
 */
public final class RouterlsRequests implements RouterlsProtocol {
    private final LanguageFeatures features;
    private final RequestRunner runner;

    RouterlsRequests(LanguageFeatures features, RequestRunner runner) {
        this.features = features;
        this.runner = runner;
    }

    @Override
    public CompletableFuture<JsonObject> analysisTarget(DocumentParams params) {
        if (params == null || params.textDocument == null || params.textDocument.getUri() == null) {
            return CompletableFuture.failedFuture(new ResponseErrorException(
                    new ResponseError(ResponseErrorCode.InvalidParams, "textDocument.uri is missing", null)));
        }
        String uri = params.textDocument.getUri();
        return runner.run("routerls/analysisTarget " + uri,
                cancel -> features.analysisTarget(uri).map(RouterlsRequests::json).orElse(null));
    }

    private static JsonObject json(AnalysisTarget t) {
        JsonObject o = new JsonObject();
        o.addProperty("language", t.language());
        o.addProperty("platform", t.platform().name().toLowerCase(Locale.ROOT));
        o.addProperty("model", t.model());
        o.addProperty("revision", t.revision());
        o.addProperty("release", t.release());
        o.addProperty("firewall", t.firewall());
        o.addProperty("origin", t.origin().name().toLowerCase(Locale.ROOT));
        JsonArray choices = new JsonArray();
        t.choices().forEach(choices::add);
        o.add("choices", choices);
        return o;
    }
}
