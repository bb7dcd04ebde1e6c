package dev.routerls.services;

import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.Cancellation;
import dev.routerls.core.SourceFile;
import dev.routerls.analysis.InternalFailure;
import dev.routerls.core.Diagnostic;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides when each group is analysed. Every change bumps the group's generation and (re)starts a short
 * timer; only the newest generation's results are published, so a burst of keystrokes costs one analysis
 * and stale results never overwrite fresh ones.
 */
public final class DiagnosticsScheduler implements AutoCloseable {
    private final Workspace workspace;
    private final Engine engine;
    private final DiagnosticsPublisher publisher;
    private final long debounceMillis;
    private final ScheduledExecutorService executor;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    /** The findings last published per document, with the version they are for. */
    private final Map<String, Published> latest = new ConcurrentHashMap<>();

    private record Published(Integer version, List<Diagnostic> diagnostics) {
    }

    /** The analysis to run: {@code Analyzer::analyze} in the server, a recording stand-in in scheduling tests. */
    @FunctionalInterface
    public interface Engine {
        Map<String, List<Diagnostic>> analyze(List<SourceFile> files, AnalysisSettings settings);

        /** As above, stopping (with a {@link java.util.concurrent.CancellationException}) once {@code cancel} says so. */
        default Map<String, List<Diagnostic>> analyze(List<SourceFile> files, AnalysisSettings settings, Cancellation cancel) {
            return analyze(files, settings);
        }
    }

    private static final class Slot {
        /** Bumped by every change of the group; an analysis of an older generation is superseded. */
        volatile long generation;
        ScheduledFuture<?> pending;
        /** An analysis of this group is running; a newer one waits for it instead of competing for the CPU. */
        boolean running;
        boolean rerun;
    }

    public DiagnosticsScheduler(Workspace workspace, Engine engine, DiagnosticsPublisher publisher, long debounceMillis) {
        this.workspace = workspace;
        this.engine = engine;
        this.publisher = publisher;
        this.debounceMillis = debounceMillis;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "routerls-analysis-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Analyse now (document opened, settings changed). */
    public void now(String group) {
        schedule(group, 0);
    }

    /** Analyse after the debounce (document edited). */
    public void soon(String group) {
        schedule(group, debounceMillis);
    }

    private void schedule(String group, long delay) {
        Slot slot = slots.computeIfAbsent(group, k -> new Slot());
        synchronized (slot) {
            long gen = ++slot.generation;
            if (slot.pending != null) slot.pending.cancel(false);
            slot.pending = executor.schedule(() -> run(group, slot, gen), delay, TimeUnit.MILLISECONDS);
        }
    }

    private void run(String group, Slot slot, long gen) {
        synchronized (slot) {
            if (gen != slot.generation) return;
            if (slot.running) {
                slot.rerun = true; // picked up when the running analysis ends
                return;
            }
            slot.running = true;
        }
        try {
            analyse(group, slot, gen);
        } finally {
            synchronized (slot) {
                slot.running = false;
                if (slot.rerun) {
                    slot.rerun = false;
                    long latest = slot.generation;
                    if (latest != gen && !executor.isShutdown()) {
                        try {
                            executor.execute(() -> run(group, slot, latest));
                        } catch (java.util.concurrent.RejectedExecutionException e) {
                            // the server is shutting down
                        }
                    }
                }
            }
        }
    }

    private void analyse(String group, Slot slot, long gen) {
        Workspace.Snapshot snap = workspace.snapshot(group);
        // the group's last document was closed meanwhile: nobody would see the findings
        if (snap.openVersions().isEmpty()) return;
        Map<String, List<Diagnostic>> result;
        Cancellation superseded = () -> {
            if (slot.generation != gen) throw new CancellationException("a newer version is being analysed");
        };
        try {
            result = engine.analyze(snap.files(), workspace.settingsFor(group), superseded);
        } catch (CancellationException e) {
            return; // the newer generation's run publishes
        } catch (RuntimeException | StackOverflowError e) {
            // the engine must not fail, but if it does the user sees why instead of silence
            Diagnostic d = InternalFailure.at(null, "the analysis of this file", e);
            result = new java.util.HashMap<>();
            for (String uri : snap.openVersions().keySet()) result.put(uri, List.of(d));
        }
        synchronized (slot) {
            if (gen != slot.generation) return;
            for (Map.Entry<String, Integer> open : snap.openVersions().entrySet()) {
                String uri = open.getKey();
                List<Diagnostic> diags = result.getOrDefault(uri, List.of());
                latest.put(uri, new Published(open.getValue(), diags));
                publisher.publish(uri, open.getValue(), diags);
            }
        }
    }

    /** The document was closed: drop pending work for it and clear what the editor shows. */
    public void closed(String uri, String group) {
        latest.remove(uri);
        publisher.publish(uri, null, List.of());
        if (!group.equals(uri)) {
            now(group); // the rest of the router now sees the file's saved text
        } else {
            Slot slot = slots.remove(group);
            if (slot != null) {
                synchronized (slot) {
                    slot.generation++;
                    if (slot.pending != null) slot.pending.cancel(false);
                }
            }
        }
    }

    /**
     * The diagnostics last published for a document, whatever version they were for (tests wait on it);
     * features read {@link #latest(String, int)}, which answers only for the version they serve.
     */
    public List<Diagnostic> latest(String uri) {
        Published p = latest.get(uri);
        return p == null ? List.of() : p.diagnostics();
    }

    /** The diagnostics published for exactly this version of the document, if they were. */
    public java.util.Optional<List<Diagnostic>> latest(String uri, int version) {
        Published p = latest.get(uri);
        return p != null && p.version() != null && p.version() == version ? java.util.Optional.of(p.diagnostics())
                : java.util.Optional.empty();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
