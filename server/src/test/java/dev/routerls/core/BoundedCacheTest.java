package dev.routerls.core;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundedCacheTest {

    @Test
    void theLeastRecentlyUsedGoFirstPastTheWeight() {
        List<String> computed = new ArrayList<>();
        BoundedCache<String, String> cache = new BoundedCache<>(100, 10, (k, v) -> v.length());
        for (String k : List.of("aaaa", "bbbb", "aaaa", "cccc")) cache.get(k, () -> { computed.add(k); return k; });
        // 12 characters > 10: "bbbb", the least recently used, went when "cccc" came
        cache.get("aaaa", () -> { computed.add("aaaa"); return "aaaa"; });
        cache.get("bbbb", () -> { computed.add("bbbb"); return "bbbb"; });
        assertEquals(List.of("aaaa", "bbbb", "cccc", "bbbb"), computed);
    }

    @Test
    void boundedByEntriesAndRemovable() {
        AtomicInteger computed = new AtomicInteger();
        BoundedCache<Integer, Integer> cache = new BoundedCache<>(3, Long.MAX_VALUE, (k, v) -> 1);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 10; i++) cache.get(i, () -> { computed.incrementAndGet(); return 0; });
        }
        assertEquals(3, cache.size());
        assertEquals(20, computed.get());
        cache.get(9, computed::incrementAndGet);
        assertEquals(20, computed.get(), "kept");
        cache.remove(9);
        cache.get(9, computed::incrementAndGet);
        assertEquals(21, computed.get(), "read again after it was removed");
    }

    @Test
    void boundedByEntriesAlone() {
        List<String> computed = new ArrayList<>();
        BoundedCache<String, String> cache = new BoundedCache<>(2);
        for (String k : List.of("a", "b", "a", "c", "a", "b")) cache.get(k, () -> { computed.add(k); return k.toUpperCase(); });
        // "b" went when "c" came ("a" had been used since); "c" went when "b" came back
        assertEquals(List.of("a", "b", "c", "b"), computed);
        assertEquals(2, cache.size());
        assertEquals("A", cache.get("a", () -> "computed again"));
    }

    @Test
    void aRejectedValueIsHandedOutButNotKept() {
        AtomicInteger computed = new AtomicInteger();
        BoundedCache<String, Integer> cache = new BoundedCache<>(10, 10, (k, v) -> 1);
        assertEquals(1, cache.get("x", computed::incrementAndGet, v -> false));
        assertEquals(2, cache.get("x", computed::incrementAndGet, v -> false));
        assertEquals(0, cache.size());
    }

    @Test
    void callersOfOneKeyShareOneComputationAndOthersDoNotWait() throws Exception {
        BoundedCache<String, String> cache = new BoundedCache<>(10, 100, (k, v) -> 1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger computed = new AtomicInteger();
        Thread slow = new Thread(() -> cache.get("slow", () -> {
            computed.incrementAndGet();
            started.countDown();
            await(release);
            return "done";
        }));
        slow.start();
        started.await();
        assertEquals("fast", cache.get("fast", () -> "fast"), "another key is served while one is computed");
        String[] second = new String[1];
        Thread waiter = new Thread(() -> second[0] = cache.get("slow", () -> {
            computed.incrementAndGet();
            return "again";
        }));
        waiter.start();
        release.countDown();
        slow.join(10_000);
        waiter.join(10_000);
        assertEquals("done", second[0]);
        assertEquals(1, computed.get());
        assertTrue(cache.size() <= 10);
    }

    private static void await(CountDownLatch l) {
        try {
            l.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
