package dev.routerls.lsp;

import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.ConcurrentMessageProcessor;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

import java.util.HashSet;
import java.util.Set;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * LSP4J's launcher with routerls' two replacements: {@link FrameReader} reads the input (it resynchronises
 * after a broken frame) and {@link ProtocolEndpoint} answers (lifecycle and error codes, nothing internal
 * in an error).
 */
final class RouterLauncher extends Launcher.Builder<LanguageClient> {

    private final Set<String> unimplemented;

    private RouterLauncher(Set<String> unimplemented) {
        this.unimplemented = unimplemented;
    }

    static Launcher<LanguageClient> create(LanguageServer server, InputStream in, OutputStream out) {
        Set<String> unimplemented = new HashSet<>(ProtocolEndpoint.unimplemented(server, LanguageServer.class));
        unimplemented.addAll(ProtocolEndpoint.unimplemented(server.getTextDocumentService(), TextDocumentService.class));
        unimplemented.addAll(ProtocolEndpoint.unimplemented(server.getWorkspaceService(), WorkspaceService.class));
        RouterLauncher b = new RouterLauncher(unimplemented);
        b.setLocalService(server).setRemoteInterface(LanguageClient.class).setInput(in).setOutput(out);
        b.setExecutorService(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "routerls-jsonrpc");
            t.setDaemon(true);
            return t;
        }));
        return b.create();
    }

    @Override
    public Launcher<LanguageClient> create() {
        MessageJsonHandler json = createJsonHandler();
        RemoteEndpoint endpoint = createRemoteEndpoint(json);
        LanguageClient remote = createProxy(endpoint);
        FrameReader reader = new FrameReader(input, json, endpoint);
        MessageConsumer consumer = wrapMessageConsumer(endpoint);
        ConcurrentMessageProcessor processor = createMessageProcessor(reader, consumer, remote);
        ExecutorService exec = executorService != null ? executorService : Executors.newCachedThreadPool();
        return createLauncher(exec, remote, endpoint, processor);
    }

    @Override
    protected RemoteEndpoint createRemoteEndpoint(MessageJsonHandler json) {
        MessageConsumer outgoing = wrapMessageConsumer(new StreamMessageConsumer(output, json));
        Endpoint local = ServiceEndpoints.toEndpoint(localServices);
        ProtocolEndpoint endpoint = new ProtocolEndpoint(outgoing, local, unimplemented);
        json.setMethodProvider(endpoint);
        endpoint.setJsonHandler(json);
        return endpoint;
    }
}
