package dev.routerls.openwrt.router;

import dev.routerls.core.AnalysisBudget;
import dev.routerls.core.TextEncoding;
import dev.routerls.openwrt.shell.EvaluationResult;
import dev.routerls.openwrt.shell.ShellEvaluator;
import dev.routerls.openwrt.shell.ShellScript;
import dev.routerls.openwrt.uci.UciFile;
import dev.routerls.openwrt.uci.UciReader;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Parsed router files kept by URI and content, so that an edit to one file of a router
 * re-reads only that file: the UCI files, and firewall.user parsed and evaluated (its evaluation takes no
 * UCI input, so it depends on its own text alone). Bounded by the total size of the texts kept (and a
 * number of entries); the least recently used go first. No lock is held while a file is parsed or a script
 * evaluated: two readers of the same text share one computation, readers of other texts never wait.
 */
public final class RouterFileCache {
    /** firewall.user as {@link RouterReader} needs it: the script and what running it does. */
    public record Script(ShellScript script, EvaluationResult run) {
    }

    static final int MAX_ENTRIES = 256;
    /** Characters of text the cached results stand for, at most (parsed models are a few times larger). */
    static final long MAX_CHARS = 8L * 1024 * 1024;

    /** Reads one UCI file from its URI and text, decoded from a file stored as the encoding says. */
    public interface UciFileReader {
        UciFile read(String uri, String text, TextEncoding encoding);
    }

    /**
     * The same text stored another way (Shift_JIS, a byte-order mark) is another file to libuci. The text
     * itself is the key, not a digest of it: the cache is bounded by the characters it stands for anyway,
     * and a digest cost each cold CLI run the start of Java's security providers.
     */
    private record Key(String uri, String text, TextEncoding encoding) {
        static Key of(String uri, String text, TextEncoding encoding) {
            return new Key(uri, text, encoding);
        }

        int length() {
            return text.length();
        }

        // written out: a record's generated hashCode links through invokedynamic on first use, a cold CLI
        // run's cost; the text's own hash is computed once per string
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.uri.equals(uri) && k.text.equals(text)
                    && k.encoding.byteOrderMark() == encoding.byteOrderMark() && k.encoding.charset().equals(encoding.charset());
        }

        @Override
        public int hashCode() {
            return ((uri.hashCode() * 31 + text.hashCode()) * 31 + encoding.charset().hashCode()) * 2
                    + (encoding.byteOrderMark() ? 1 : 0);
        }
    }

    /**
     * One cached result, or the computation that will give it: the thread that made the slot computes it,
     * others wait for it. A monitor rather than a CompletableFuture, whose class starts the fork-join pool's
     * (a few milliseconds of a cold lint).
     */
    private static final class Slot<V> {
        final int chars;
        private V value;
        private Throwable failure;
        private boolean done;

        Slot(int chars) {
            this.chars = chars;
        }

        synchronized void complete(V v) {
            value = v;
            done = true;
            notifyAll();
        }

        synchronized void fail(Throwable t) {
            failure = t;
            done = true;
            notifyAll();
        }

        /** The value, once computed; the computation's failure (wrapped, as CompletableFuture#join does) if it failed. */
        synchronized V join() {
            boolean interrupted = false;
            while (!done) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
            if (failure != null) throw new CompletionException(failure);
            return value;
        }
    }

    /** An LRU table whose lock guards only its bookkeeping. */
    private static final class Table<V> {
        private final LinkedHashMap<Key, Slot<V>> slots = new LinkedHashMap<>(16, 0.75f, true);
        private long chars;

        V get(Key key, Supplier<V> compute) {
            return get(key, compute, v -> true);
        }

        /** The value for {@code key}; one that {@code keep} rejects is handed out but not kept. */
        V get(Key key, Supplier<V> compute, java.util.function.Predicate<V> keep) {
            Slot<V> slot;
            boolean mine = false;
            synchronized (this) {
                slot = slots.get(key);
                if (slot == null) {
                    slot = new Slot<>(key.length());
                    slots.put(key, slot);
                    chars += key.length();
                    mine = true;
                    evict();
                }
            }
            if (mine) {
                try {
                    V value = compute.get();
                    slot.complete(value);
                    if (!keep.test(value)) remove(key, slot);
                } catch (RuntimeException | Error e) {
                    slot.fail(e);
                    remove(key, slot);
                    throw e;
                }
            }
            return slot.join();
        }

        private void evict() {
            var it = slots.entrySet().iterator();
            while ((chars > MAX_CHARS || slots.size() > MAX_ENTRIES) && slots.size() > 1 && it.hasNext()) {
                chars -= it.next().getValue().chars;
                it.remove();
            }
        }

        private synchronized void remove(Key key, Slot<V> slot) {
            if (slots.remove(key, slot)) chars -= slot.chars;
        }
    }

    private final UciFileReader uciReader;
    private final Table<UciFile> uci = new Table<>();
    private final Table<Script> scripts = new Table<>();

    public RouterFileCache() {
        this(UciReader::read);
    }

    /** {@code uciReader} reads one UCI file; tests pass one that counts its calls. */
    public RouterFileCache(UciFileReader uciReader) {
        this.uciReader = uciReader;
    }

    public UciFile uci(String uri, String text, TextEncoding encoding) {
        return uci.get(Key.of(uri, text, encoding), () -> uciReader.read(uri, text, encoding));
    }

    public Script firewallUser(String uri, String text) {
        // an evaluation cut short by the analysis budget is not kept: the next analysis may have the time to finish it
        return scripts.get(Key.of(uri, text, TextEncoding.UTF_8), () -> evaluate(uri, text), s -> Stream.concat(
                s.script().problems().stream(), s.run().diagnostics().stream()).noneMatch(d -> d.ruleId().equals(AnalysisBudget.RULE)));
    }

    /** firewall.user parsed and evaluated with nothing preset: the script's own assignments decide its values. */
    static Script evaluate(String uri, String text) {
        ShellScript s = ShellScript.parse(uri, text);
        return new Script(s, ShellEvaluator.evaluate(s, Map.of()));
    }
}
