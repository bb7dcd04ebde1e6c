package dev.routerls.core;

import java.util.LinkedHashMap;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Values computed from their keys, the least recently used dropped first once the cache holds more than a
 * number of entries or a total weight (e.g. the characters of the texts the values were read from). The
 * lock guards only the bookkeeping: a value is computed outside it, two callers asking for the same key
 * share one computation, and callers of other keys never wait for it.
 */
public final class BoundedCache<K, V> {

    /** How much a value counts against the cache's bound (known once it is computed). */
    public interface Weigher<K, V> {
        long weigh(K key, V value);
    }

    /**
     * One cached value, or the computation that will give it: the caller that made the slot computes it,
     * others wait for it. A monitor rather than a CompletableFuture, whose class starts the fork-join pool's
     * (a few milliseconds of every cold OpenWrt lint).
     */
    private static final class Slot<V> {
        long weight;
        private V value;
        private Throwable failure;
        private boolean done;

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

    private final int maxEntries;
    private final long maxWeight;
    private final Weigher<K, V> weigher;
    private final LinkedHashMap<K, Slot<V>> slots = new LinkedHashMap<>(16, 0.75f, true);
    private long weight;

    public BoundedCache(int maxEntries, long maxWeight, Weigher<K, V> weigher) {
        this.maxEntries = maxEntries;
        this.maxWeight = maxWeight;
        this.weigher = weigher;
    }

    /** A cache bounded by its number of entries alone (small values of about one size, such as parsed names). */
    public BoundedCache(int maxEntries) {
        this(maxEntries, Long.MAX_VALUE, (k, v) -> 0);
    }

    /** The value for {@code key}, computed by {@code compute} when it is not kept. */
    public V get(K key, Supplier<V> compute) {
        return get(key, compute, v -> true);
    }

    /** As {@link #get(Object, Supplier)}; a computed value that {@code keep} rejects is handed out but not kept. */
    public V get(K key, Supplier<V> compute, Predicate<V> keep) {
        Slot<V> slot;
        boolean mine = false;
        synchronized (this) {
            slot = slots.get(key);
            if (slot == null) {
                slot = new Slot<>();
                slots.put(key, slot);
                mine = true;
            }
        }
        if (mine) {
            V value;
            try {
                value = compute.get();
            } catch (RuntimeException | Error e) {
                slot.fail(e);
                remove(key, slot);
                throw e;
            }
            slot.complete(value);
            if (keep.test(value)) weigh(key, slot, weigher.weigh(key, value));
            else remove(key, slot);
        }
        return slot.join();
    }

    /** Forgets the value of {@code key} (its source changed); a computation under way still answers its callers. */
    public synchronized void remove(K key) {
        Slot<V> slot = slots.remove(key);
        if (slot != null) weight -= slot.weight;
    }

    public synchronized int size() {
        return slots.size();
    }

    private synchronized void weigh(K key, Slot<V> slot, long w) {
        if (slots.get(key) != slot) return;   // evicted or removed while it was computed
        slot.weight = w;
        weight += w;
        var it = slots.entrySet().iterator();
        while ((weight > maxWeight || slots.size() > maxEntries) && slots.size() > 1 && it.hasNext()) {
            weight -= it.next().getValue().weight;
            it.remove();
        }
    }

    private synchronized void remove(K key, Slot<V> slot) {
        if (slots.remove(key, slot)) weight -= slot.weight;
    }
}
