package dev.routerls.services;

import dev.routerls.analysis.Analyzer;
import dev.routerls.analysis.YamahaAnalyzer;
import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.Cancellation;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A superseded analysis stops; a request that was waiting for it still gets the analysis of its text. */
class AnalysisEngineCancellationTest {
    @Test
    void aRequestWaitingForACancelledRunComputesTheResultItself() throws Exception {
        AnalysisEngine engine = new AnalysisEngine(new Analyzer());
        StringBuilder b = new StringBuilder("ip lan1 address 192.168.100.1/24\n");
        for (int i = 1; i <= 3000; i++) b.append("ip filter ").append(i).append(" pass * * tcp * ").append(1000 + i).append('\n');
        b.append("ip route 10.0.0.0/8 gateway 192.168.100.1\n");
        String text = b.toString();
        String uri = "file:///c.conf";

        CountDownLatch waiting = new CountDownLatch(1);
        // the diagnostics run: superseded once the request below waits for it
        Cancellation superseded = () -> {
            try {
                assertTrue(waiting.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new CancellationException("a newer version came");
        };
        CompletableFuture<YamahaAnalyzer.Result> diagnosticsRun = CompletableFuture.supplyAsync(
                () -> engine.yamaha(uri, text, AnalysisSettings.DEFAULT, superseded));
        Thread.sleep(200); // the run is registered and waits at its first safe point
        YamahaAnalyzer.Result forRequest = engine.yamaha(uri, text, AnalysisSettings.DEFAULT, waiting::countDown);

        ExecutionException stopped = assertThrows(ExecutionException.class, () -> diagnosticsRun.get(10, TimeUnit.SECONDS));
        assertInstanceOf(CancellationException.class, stopped.getCause());
        YamahaAnalyzer.Result fresh = new Analyzer().yamaha().analyze(uri, text, AnalysisSettings.DEFAULT);
        assertEquals(fresh.diagnostics(), forRequest.diagnostics());
        assertEquals(1, forRequest.diagnostics().stream().filter(d -> d.ruleId().equals("yamaha/route-gateway-self")).count());
        assertTrue(engine.isCurrent(uri, text, AnalysisSettings.DEFAULT), "the request's result is kept for the next caller");
    }
}
