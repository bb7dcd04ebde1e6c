package dev.routerls.core;

/**
 * Lets long work stop when its result is no longer wanted (the editor cancelled the request, or a newer
 * edit made it stale): {@link #check()} throws {@link java.util.concurrent.CancellationException} then.
 * Work calls it between steps; it costs a field read.
 */
@FunctionalInterface
public interface Cancellation {
    Cancellation NONE = () -> { };

    void check();
}
