package dev.routerls.services;

import dev.routerls.analysis.Analyzer;
import dev.routerls.analysis.YamahaAnalyzer;
import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.Cancellation;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.LineIndex;
import dev.routerls.core.SourceFile;
import dev.routerls.openwrt.router.Router;
import dev.routerls.yamaha.DocumentLines;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The server's use of the one analysis engine. OpenWrt routers go through {@link Analyzer#analyze};
 * a YAMAHA file goes to the same {@link Analyzer#yamaha()} instance that {@code analyze} would use, and
 * the full result (model and parsed lines, not only the findings) is kept per document so that
 * completion, hover and navigation read the very analysis the diagnostics came from.
 * <p>One analysis per input: a request that needs the analysis of a text the scheduler is already
 * analysing waits for that run (and stops waiting when cancelled) instead of starting a second one.
 * A run stops when its starter's cancellation says so (a newer version superseded it); whoever waited for
 * it and still wants the result then runs it itself. No lock is held while analysing, so a slow document
 * never holds up another.
 */
public final class AnalysisEngine implements DiagnosticsScheduler.Engine {
    /**
     * Results kept for the most recently used documents (each holds a model and its lines, about a megabyte
     * for 5,000 lines); older ones are recomputed on demand, from cached lines, in a few milliseconds.
     */
    static final int KEPT_RESULTS = 4;
    /**
     * Routers kept, the least recently used going first beyond it: one per group with open documents, and the
     * routers the workspace diagnostics read (a workspace may hold any number; a router read again costs
     * only its changed files, through the router file cache).
     */
    static final int KEPT_ROUTERS = 64;

    /** One analysis of one input, running or done; {@code input} tells whether it is the input asked for. */
    private record Run<I, R>(I input, AnalysisSettings settings, CompletableFuture<R> result) {
    }

    private record RouterInput(List<String> uris, List<String> texts) {
        boolean sameAs(List<SourceFile> files) {
            if (files.size() != texts.size()) return false;
            for (int i = 0; i < files.size(); i++) {
                if (!files.get(i).uri().equals(uris.get(i)) || files.get(i).text() != texts.get(i)) return false;
            }
            return true;
        }

        static RouterInput of(List<SourceFile> files) {
            return new RouterInput(files.stream().map(SourceFile::uri).toList(), files.stream().map(SourceFile::text).toList());
        }
    }

    private final Analyzer analyzer;
    private final Map<String, Run<String, YamahaAnalyzer.Result>> yamaha = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Run<String, YamahaAnalyzer.Result>> eldest) {
            return size() > KEPT_RESULTS;
        }
    };
    /** The latest router read per group (router root URI, or a lone document's URI). */
    private final Map<String, Run<RouterInput, Router>> routers = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Run<RouterInput, Router>> eldest) {
            return size() > KEPT_ROUTERS;
        }
    };

    public AnalysisEngine(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    @Override
    public Map<String, List<Diagnostic>> analyze(List<SourceFile> files, AnalysisSettings settings) {
        return analyze(files, settings, Cancellation.NONE);
    }

    @Override
    public Map<String, List<Diagnostic>> analyze(List<SourceFile> files, AnalysisSettings settings, Cancellation cancel) {
        // the engine's own dispatch, fed with the results and routers kept here, so completion and hover
        // then read the very models these diagnostics came from
        return analyzer.analyze(files, settings, f -> yamaha(f.uri(), f.text(), settings, cancel),
                (group, routerFiles) -> openwrt(group, routerFiles, settings, cancel), cancel);
    }

    /** The analysis of this exact text, reused when the document has not changed since. */
    public YamahaAnalyzer.Result yamaha(String uri, String text, AnalysisSettings settings) {
        return yamaha(uri, text, settings, Cancellation.NONE);
    }

    /** As {@link #yamaha(String, String, AnalysisSettings)}; waiting for another thread's run stops when cancelled. */
    public YamahaAnalyzer.Result yamaha(String uri, String text, AnalysisSettings settings, Cancellation cancel) {
        return once(yamaha, uri, text, settings, t -> t == text,
                () -> analyzer.yamaha().analyze(uri, text, settings, cancel), cancel);
    }

    /**
     * The logical lines of this exact text: those of its kept analysis when that is done, else read now
     * from the document's line cache (a keystroke re-parses its line; the analysis then starts from them).
     */
    public DocumentLines yamahaLines(String uri, LineIndex index, Cancellation cancel) {
        String text = index.text();
        synchronized (yamaha) {
            Run<String, YamahaAnalyzer.Result> r = yamaha.get(uri);
            if (r != null && r.input() == text && r.result().isDone() && !r.result().isCompletedExceptionally()) {
                return r.result().join().document().logical();
            }
        }
        return analyzer.yamaha().reader().lines(uri, index, cancel);
    }

    /** True when the kept result was computed from exactly this text with these settings. */
    public boolean isCurrent(String uri, String text, AnalysisSettings settings) {
        synchronized (yamaha) {
            Run<String, YamahaAnalyzer.Result> r = yamaha.get(uri);
            return r != null && r.input() == text && r.settings().equals(settings) && r.result().isDone();
        }
    }

    /**
     * The model of an OpenWrt router (or of a lone UCI file or script), read by the same reader the
     * OpenWrt analysis uses; diagnostics and editor features share it while none of its files changes.
     * {@code group} must be {@link Analyzer#routerKey} of the files.
     */
    public Router openwrt(String group, List<SourceFile> files, AnalysisSettings settings) {
        return openwrt(group, files, settings, Cancellation.NONE);
    }

    public Router openwrt(String group, List<SourceFile> files, AnalysisSettings settings, Cancellation cancel) {
        return once(routers, group, RouterInput.of(files), settings, in -> in.sameAs(files),
                () -> analyzer.openwrt().read(files, settings, cancel), cancel);
    }

    /**
     * The result for {@code input}: the kept or running one when its input matches, else computed here
     * (and kept for the next caller). The map's lock is held only to look up and to register a run.
     */
    private static <I, R> R once(Map<String, Run<I, R>> runs, String key, I input, AnalysisSettings settings,
                                 Predicate<I> matches, Supplier<R> compute, Cancellation cancel) {
        while (true) {
            Run<I, R> mine = null, running;
            synchronized (runs) {
                running = runs.get(key);
                if (running == null || !matches.test(running.input()) || !running.settings().equals(settings)
                        || running.result().isCompletedExceptionally()) {
                    mine = new Run<>(input, settings, new CompletableFuture<>());
                    runs.put(key, mine);
                }
            }
            if (mine == null) {
                Optional<R> r = await(running.result(), cancel);
                if (r.isPresent()) return r.get();
                continue; // its starter no longer wanted it; this caller does
            }
            try {
                R r = compute.get();
                mine.result().complete(r);
                return r;
            } catch (RuntimeException | Error e) {
                mine.result().completeExceptionally(e);
                synchronized (runs) {
                    runs.remove(key, mine);
                }
                throw e;
            }
        }
    }

    /** The run's result; empty when the run was cancelled by its starter. */
    private static <R> Optional<R> await(CompletableFuture<R> f, Cancellation cancel) {
        while (true) {
            cancel.check();
            try {
                return Optional.of(f.get(20, TimeUnit.MILLISECONDS));
            } catch (TimeoutException e) {
                // check for cancellation and wait on
            } catch (CancellationException e) {
                return Optional.empty(); // the run's own cancellation (ours is looked at before the try)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                if (e.getCause() instanceof Error err) throw err;
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /**
     * A document was closed: its kept result goes, and so does its group's router when no document of
     * the group is open any more ({@code openGroups}: the groups still open).
     */
    public void forget(String uri, String group, Collection<String> openGroups) {
        synchronized (yamaha) {
            yamaha.remove(uri);
        }
        analyzer.yamaha().reader().forget(uri);
        if (!openGroups.contains(group)) {
            synchronized (routers) {
                routers.remove(group);
            }
        }
    }

    /** How many routers are kept (one per group with open documents). */
    int keptRouters() {
        synchronized (routers) {
            return routers.size();
        }
    }
}
