package dev.routerls.lsp;

import dev.routerls.core.Cancellation;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs requests on the server's own threads (never the common pool, which the analysis may be using), so
 * one slow request never holds up another document's. Each request's work gets a {@link Cancellation}
 * that trips when the client cancels it ({@code $/cancelRequest}) or when a newer request of the same kind
 * for the same document supersedes it (that one answers ContentModified); work checks it and stops.
 */
final class RequestRunner implements AutoCloseable {
    private final ExecutorService pool;
    /** The newest running request per supersede key (method and document). */
    private final Map<String, CompletableFuture<?>> newest = new ConcurrentHashMap<>();

    RequestRunner(int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor p = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "routerls-request-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        p.allowCoreThreadTimeOut(true);
        this.pool = p;
    }

    /** Runs {@code work}; a later call with the same non-null {@code supersedeKey} stops this one. */
    <T> CompletableFuture<T> run(String supersedeKey, Function<Cancellation, T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (supersedeKey != null) {
            CompletableFuture<?> older = newest.put(supersedeKey, result);
            if (older != null) {
                older.completeExceptionally(new ResponseErrorException(new ResponseError(ResponseErrorCode.ContentModified,
                        "a newer request for this document replaced this one", null)));
            }
        }
        Cancellation cancel = () -> {
            if (result.isDone()) throw new CancellationException("request cancelled or superseded");
        };
        try {
            pool.execute(() -> {
                try {
                    if (result.isDone()) return;
                    result.complete(work.apply(cancel));
                } catch (CancellationException e) {
                    result.cancel(false);
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                } finally {
                    if (supersedeKey != null) newest.remove(supersedeKey, result);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidRequest,
                    "the server is shutting down", null)));
        }
        return result;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
