package dev.routerls.lsp;

import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.jsonrpc.services.JsonSegment;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server's end of the connection, enforcing the LSP lifecycle before LSP4J dispatches anything:
 * a request before {@code initialize} gets ServerNotInitialized (-32002) and a notification is dropped;
 * a second {@code initialize}, and any request after {@code shutdown}, get InvalidRequest (-32600);
 * a method the server does not know or does not implement gets MethodNotFound (-32601); params of the
 * wrong shape get InvalidParams (-32602). Error responses never carry a stack trace or an exception
 * name: failures are logged on the server side instead.
 */
final class ProtocolEndpoint extends RemoteEndpoint {
    private static final Logger LOG = Logger.getLogger(ProtocolEndpoint.class.getName());

    private final MessageConsumer out;
    /** LSP methods the protocol interfaces declare but the server does not implement (their defaults throw). */
    private final Set<String> unimplemented;
    private volatile boolean initializeReceived;
    private volatile boolean shutdownReceived;

    ProtocolEndpoint(MessageConsumer out, Endpoint local, Set<String> unimplemented) {
        super(out, local, ProtocolEndpoint::errorFor);
        this.out = out;
        this.unimplemented = Set.copyOf(unimplemented);
    }

    /**
     * The requests of {@code protocol} (an LSP4J service interface) that {@code service} leaves to the
     * interface's default method, which only throws: to the client these methods do not exist.
     */
    static Set<String> unimplemented(Object service, Class<?> protocol) {
        Set<String> out = new HashSet<>();
        JsonSegment segment = protocol.getAnnotation(JsonSegment.class);
        for (Method m : protocol.getMethods()) {
            JsonRequest r = m.getAnnotation(JsonRequest.class);
            if (r == null) continue;
            String name = r.value().isEmpty() ? m.getName() : r.value();
            String full = r.useSegment() && segment != null ? segment.value() + "/" + name : name;
            try {
                if (service.getClass().getMethod(m.getName(), m.getParameterTypes()).getDeclaringClass().isInterface()) out.add(full);
            } catch (NoSuchMethodException e) {
                out.add(full);
            }
        }
        return out;
    }

    @Override
    protected void handleRequest(RequestMessage request) {
        ResponseError refused = refusal(request.getMethod());
        if (refused != null) {
            out.consume(createErrorResponseMessage(request, refused));
            return;
        }
        if ("initialize".equals(request.getMethod())) initializeReceived = true;
        if ("shutdown".equals(request.getMethod())) shutdownReceived = true;
        super.handleRequest(request);
    }

    /** Why a request is not served at this point of the session, or null when it is. */
    private ResponseError refusal(String method) {
        if ("initialize".equals(method)) {
            return initializeReceived ? error(ResponseErrorCode.InvalidRequest, "initialize was already received") : null;
        }
        if (!initializeReceived) {
            return error(ResponseErrorCode.ServerNotInitialized, "the server is not initialized yet: send initialize first");
        }
        if (shutdownReceived) return error(ResponseErrorCode.InvalidRequest, "the server is shutting down: only exit is accepted");
        if (unimplemented.contains(method) || getJsonHandler() != null && getJsonHandler().getJsonRpcMethod(method) == null) {
            return error(ResponseErrorCode.MethodNotFound, "routerls does not implement " + method);
        }
        return null;
    }

    @Override
    protected void handleNotification(NotificationMessage notification) {
        String method = notification.getMethod();
        // before initialize only exit counts; after shutdown nothing but exit and cancellations
        if (!"exit".equals(method) && (!initializeReceived || shutdownReceived && !"$/cancelRequest".equals(method))) return;
        super.handleNotification(notification);
    }

    @Override
    protected void handleRequestIssues(RequestMessage request, List<MessageIssue> issues) {
        ResponseError refused = refusal(request.getMethod());
        if (refused == null) {
            StringBuilder why = new StringBuilder("the params of " + request.getMethod() + " do not have the shape the protocol defines");
            LOG.warning("routerls: " + why + ": " + issues.stream().map(MessageIssue::getText).toList());
            refused = error(ResponseErrorCode.InvalidParams, why.toString());
        }
        out.consume(createErrorResponseMessage(request, refused));
    }

    @Override
    protected void logIssues(org.eclipse.lsp4j.jsonrpc.messages.Message message, List<MessageIssue> issues) {
        LOG.warning("routerls: ignored a malformed message: " + issues.stream().map(MessageIssue::getText).toList());
    }

    private static ResponseError error(ResponseErrorCode code, String message) {
        return new ResponseError(code, message, null);
    }

    /**
     * What the client is told when a request fails: the error the server meant to send, MethodNotFound for
     * an LSP method the server does not implement, otherwise a plain InternalError; the cause goes to the log.
     */
    static ResponseError errorFor(Throwable thrown) {
        Throwable t = thrown;
        while ((t instanceof CompletionException || t instanceof ExecutionException
                || t instanceof InvocationTargetException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof ResponseErrorException e) {
            ResponseError r = e.getResponseError();
            return new ResponseError(r.getCode(), r.getMessage(), null);
        }
        if (t instanceof UnsupportedOperationException) {
            return error(ResponseErrorCode.MethodNotFound, "routerls does not implement this method");
        }
        if (t instanceof CancellationException) return error(ResponseErrorCode.RequestCancelled, "the request was cancelled");
        LOG.log(Level.SEVERE, "routerls: a request failed", t);
        return error(ResponseErrorCode.InternalError, "routerls failed on this request (" + describe(t)
                + "); the server log has the details. Please report it.");
    }

    private static String describe(Throwable t) {
        return t instanceof StackOverflowError ? "nesting too deep" : t instanceof OutOfMemoryError ? "out of memory" : "internal error";
    }
}
