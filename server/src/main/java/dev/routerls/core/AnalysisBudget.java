package dev.routerls.core;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * How long one analysis may take. The engine opens a budget around each analysis ({@link #within}); the
 * readers and the evaluator ask {@link #current()} whether it is spent at their natural checkpoints (every
 * few hundred lines, statements or evaluation steps), stop there, and record what they did not finish as
 * one {@link Unanalysed} part, so a pathological file cannot hold the editor or CI for long while everything
 * before the stop is still analysed and reported. Outside {@link #within} the budget is unlimited.
 */
public final class AnalysisBudget {
    /** What the engine allows by default: far above any real configuration (a 200,000-line RTX config takes a few seconds). */
    public static final Duration DEFAULT = Duration.ofSeconds(20);

    private static final AnalysisBudget UNLIMITED = new AnalysisBudget(Long.MAX_VALUE);
    private static final ThreadLocal<AnalysisBudget> CURRENT = new ThreadLocal<>();

    private final long start = System.nanoTime();
    private final long limitNanos;

    private AnalysisBudget(long limitNanos) {
        this.limitNanos = limitNanos;
    }

    /** The budget of the analysis running on this thread (unlimited when none was opened). */
    public static AnalysisBudget current() {
        AnalysisBudget b = CURRENT.get();
        return b == null ? UNLIMITED : b;
    }

    /** Runs {@code analysis} with a budget of {@code limit}; an analysis already running keeps its own budget. */
    public static <T> T within(Duration limit, Supplier<T> analysis) {
        if (CURRENT.get() != null) return analysis.get();
        CURRENT.set(new AnalysisBudget(limit.toNanos()));
        try {
            return analysis.get();
        } finally {
            CURRENT.remove();
        }
    }

    public boolean spent() {
        return limitNanos != Long.MAX_VALUE && System.nanoTime() - start > limitNanos;
    }

    public long elapsedMillis() {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** The part not analysed: {@code range} covers it, {@code what} says what was skipped. */
    public Unanalysed stopped(String uri, SourceRange range, String what) {
        return new Unanalysed(uri, range, "Analysis of this part stopped after " + elapsedMillis()
                + " ms: " + what + " The rest of the file was analysed; split the file or simplify this part to have it"
                + " checked.");
    }
}
