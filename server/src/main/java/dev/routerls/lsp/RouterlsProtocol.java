package dev.routerls.lsp;

import com.google.gson.JsonObject;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.jsonrpc.services.JsonSegment;

import java.util.concurrent.CompletableFuture;

/**
 * routerls' own requests beyond the LSP ones, as LSP4J reads them (methods {@code routerls/…}; a
 * delegate must be declared by an interface). Implemented by {@link RouterlsRequests}.
 */
@JsonSegment("routerls")
public interface RouterlsProtocol {

    /** The parameters of a request about one document, as in textDocument/* requests. */
    final class DocumentParams {
        public TextDocumentIdentifier textDocument;
    }

    /** What the document is analysed as; see {@link RouterlsRequests#analysisTarget}. */
    @JsonRequest
    CompletableFuture<JsonObject> analysisTarget(DocumentParams params);
}
