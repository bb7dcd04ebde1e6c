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

    static Launcher<LanguageClient> create(Object server, InputStream in, OutputStream out) {
        RouterLauncher b = new RouterLauncher();
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
        ProtocolEndpoint endpoint = new ProtocolEndpoint(outgoing, local);
        json.setMethodProvider(endpoint);
        endpoint.setJsonHandler(json);
        return endpoint;
    }
}
