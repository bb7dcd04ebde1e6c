package dev.routerls.services;

import dev.routerls.services.types.TextChange;
import dev.routerls.analysis.SettingsReader;
import dev.routerls.core.SourceFile;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.LanguageId;
import dev.routerls.core.Severity;
import dev.routerls.core.SourceRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scheduling semantics with a stand-in engine that reports, for every file, one finding whose message is
 * the file's first line and, for firewall.user, what the router's network file says. That makes it
 * visible which text and which group members each analysis saw.
 */
class DiagnosticsSchedulerTest {
    record Published(String uri, Integer version, List<Diagnostic> diagnostics) {
        String message() {
            return diagnostics.isEmpty() ? null : diagnostics.get(0).message();
        }
    }

    private final BlockingQueue<Published> published = new LinkedBlockingQueue<>();
    private final List<List<String>> runs = new CopyOnWriteArrayList<>();
    private final Workspace workspace = new Workspace();
    private DiagnosticsScheduler scheduler;

    private DiagnosticsScheduler scheduler(long debounce) {
        scheduler = new DiagnosticsScheduler(workspace, (files, settings) -> {
            runs.add(files.stream().map(SourceFile::uri).toList());
            String network = files.stream().filter(f -> f.uri().endsWith("/network")).map(f -> firstLine(f.text()))
                    .findFirst().orElse("no network");
            Map<String, List<Diagnostic>> out = new LinkedHashMap<>();
            for (SourceFile f : files) {
                String msg = f.language() == LanguageId.OPENWRT_FIREWALL_USER ? "sees " + network : firstLine(f.text());
                out.put(f.uri(), List.of(new Diagnostic("test/echo", Severity.INFO, f.uri(), SourceRange.of(0, 0, 1), msg)));
            }
            return out;
        }, (uri, version, diags) -> published.add(new Published(uri, version, diags)), debounce);
        return scheduler;
    }

    @AfterEach
    void stop() {
        if (scheduler != null) scheduler.close();
    }

    private static String firstLine(String t) {
        int i = t.indexOf('\n');
        return i < 0 ? t : t.substring(0, i);
    }

    private Published next() throws InterruptedException {
        Published p = published.poll(5, TimeUnit.SECONDS);
        assertNotNull(p, "no diagnostics published");
        return p;
    }

    private void open(String uri, String text) {
        Document d = workspace.documents().open(uri, 1, text, "plaintext");
        scheduler.now(workspace.groupOf(d));
    }

    private void edit(String uri, int version, String text) {
        Document d = workspace.documents().change(uri, version, List.of(new TextChange(null, text))).orElseThrow();
        scheduler.soon(workspace.groupOf(d));
    }

    @Test
    void aBurstOfEditsPublishesOnlyTheLastVersion() throws Exception {
        scheduler(200);
        open("untitled:a", "ip lan1 address 10.0.0.1/8");
        assertEquals("ip lan1 address 10.0.0.1/8", next().message());
        for (int v = 2; v <= 6; v++) edit("untitled:a", v, "ip lan1 address 10.0.0." + v + "/8");
        Published p = next();
        assertEquals(6, p.version());
        assertEquals("ip lan1 address 10.0.0.6/8", p.message());
        assertNull(published.poll(400, TimeUnit.MILLISECONDS), "stale versions must not be published");
        assertEquals(2, runs.size(), "one analysis for the open, one for the whole burst");
    }

    @Test
    void closingClearsDiagnosticsAndCancelsPendingWork() throws Exception {
        scheduler(300);
        open("untitled:b", "pp select 1");
        next();
        edit("untitled:b", 2, "pp select 2");
        workspace.documents().close("untitled:b");
        scheduler.closed("untitled:b", "untitled:b");
        Published cleared = next();
        assertEquals("untitled:b", cleared.uri());
        assertTrue(cleared.diagnostics().isEmpty());
        assertNull(published.poll(600, TimeUnit.MILLISECONDS), "nothing may be published for a closed document");
    }

    @Test
    void anOpenWrtRouterIsAnalysedTogetherWithItsFilesOnDisk(@TempDir Path tmp) throws Exception {
        Path etc = tmp.resolve("r1/etc");
        Files.createDirectories(etc.resolve("config"));
        Files.writeString(etc.resolve("config/network"), "config interface 'wan_disk'\n");
        Files.writeString(etc.resolve("config/firewall"), "config zone\n");
        Files.writeString(etc.resolve("firewall.user"), "iptables -t nat -A x\n");
        scheduler(20);
        String fwUser = Uris.fromPath(etc.resolve("firewall.user"));
        String network = Uris.fromPath(etc.resolve("config/network"));

        open(fwUser, "iptables -t nat -A x\n");
        Published first = next();
        assertEquals(fwUser, first.uri());
        assertEquals("sees config interface 'wan_disk'", first.message(), "unopened network is read from disk");
        assertEquals(3, runs.get(0).size(), "the analysis saw the whole router: " + runs.get(0));

        // the file on disk changes: the watcher tells us, firewall.user is re-published
        Files.writeString(etc.resolve("config/network"), "config interface 'wan_changed'\n");
        workspace.fileChanged(network).forEach(scheduler::now);
        assertEquals("sees config interface 'wan_changed'", next().message());

        // network opened and edited in the editor: its unsaved text wins, both documents are re-published
        open(network, "config interface 'wan_open'\n");
        Map<String, String> got = new LinkedHashMap<>();
        for (int i = 0; i < 2; i++) {
            Published p = next();
            got.put(p.uri(), p.message());
        }
        assertEquals(Map.of(fwUser, "sees config interface 'wan_open'", network, "config interface 'wan_open'"), got);
        edit(network, 2, "config interface 'wan_typed'\n");
        got.clear();
        for (int i = 0; i < 2; i++) {
            Published p = next();
            got.put(p.uri(), p.message());
        }
        assertEquals("sees config interface 'wan_typed'", got.get(fwUser));

        // closing network: the router falls back to the disk text
        workspace.documents().close(network);
        scheduler.closed(network, Uris.fromPath(etc));
        List<Published> after = new ArrayList<>(List.of(next(), next()));
        assertTrue(after.stream().anyMatch(p -> p.uri().equals(network) && p.diagnostics().isEmpty()));
        assertTrue(after.stream().anyMatch(p -> p.uri().equals(fwUser) && "sees config interface 'wan_changed'".equals(p.message())));
    }

    @Test
    void aYamahaFileIsItsOwnGroup(@TempDir Path tmp) {
        scheduler(20);
        Document d = workspace.documents().open(Uris.fromPath(tmp.resolve("etc/rtx.conf")), 1, "ip lan1 address 1.1.1.1/24\n", "yamaha-rtx");
        assertEquals(d.uri(), workspace.groupOf(d));
    }

    @Test
    void settingsFileInTheWorkspaceRootIsRead(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve(".routerls.json"), "{\"model\":\"RTX830\",\"rules\":{\"yamaha/x\":\"off\"}}");
        workspace.setClientSettings(new SettingsReader.Layer("RTX1210", "22.03", Map.of()));
        workspace.setRoots(List.of(tmp));
        String inFolder = Uris.fromPath(tmp.resolve("office.conf"));
        assertEquals("RTX830", workspace.settingsFor(inFolder).yamahaModel());
        assertEquals("22.03", workspace.settingsFor(inFolder).openwrtRelease());
        Files.writeString(tmp.resolve(".routerls.json"), "{\"rules\":{}}");
        workspace.fileChanged(Uris.fromPath(tmp.resolve(".routerls.json")));
        assertEquals("RTX1210", workspace.settingsFor(inFolder).yamahaModel());
    }

    @Test
    void aNewerVersionStopsTheAnalysisOfTheOlderOneAtItsNextSafePoint() throws Exception {
        java.util.concurrent.atomic.AtomicInteger active = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger maxActive = new java.util.concurrent.atomic.AtomicInteger();
        List<String> stopped = new CopyOnWriteArrayList<>();
        scheduler = new DiagnosticsScheduler(workspace, new DiagnosticsScheduler.Engine() {
            @Override
            public Map<String, List<Diagnostic>> analyze(List<SourceFile> files, dev.routerls.core.AnalysisSettings settings) {
                throw new AssertionError("the scheduler passes its cancellation");
            }

            @Override
            public Map<String, List<Diagnostic>> analyze(List<SourceFile> files, dev.routerls.core.AnalysisSettings settings,
                                                         dev.routerls.core.Cancellation cancel) {
                String text = firstLine(files.get(0).text());
                maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
                try {
                    // "slow" versions take 10 s unless stopped; safe points every millisecond
                    for (int i = 0; i < (text.startsWith("slow") ? 10_000 : 1); i++) {
                        try {
                            cancel.check();
                        } catch (java.util.concurrent.CancellationException e) {
                            stopped.add(text);
                            throw e;
                        }
                        Thread.sleep(1);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    active.decrementAndGet();
                }
                return Map.of(files.get(0).uri(), List.of(new Diagnostic("test/echo", Severity.INFO, files.get(0).uri(),
                        SourceRange.of(0, 0, 1), text)));
            }
        }, (uri, version, diags) -> published.add(new Published(uri, version, diags)), 5);
        open("untitled:c", "quick v1");
        assertEquals("quick v1", next().message());
        edit("untitled:c", 2, "slow v2");
        Thread.sleep(100); // v2's analysis is running
        long t0 = System.nanoTime();
        edit("untitled:c", 3, "quick v3");
        Published p = next();
        assertEquals(3, p.version(), "the superseded version publishes nothing");
        assertEquals("quick v3", p.message());
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5), "v2 did not run to its end");
        assertEquals(List.of("slow v2"), stopped);
        assertEquals(1, maxActive.get(), "analyses of one document never overlap");
    }

    @Test
    void aSlowAnalysisIsNotRunTwiceAtOnceAndTheLatestVersionFollows() throws Exception {
        java.util.concurrent.atomic.AtomicInteger active = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger maxActive = new java.util.concurrent.atomic.AtomicInteger();
        scheduler = new DiagnosticsScheduler(workspace, (files, settings) -> {
            maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            active.decrementAndGet();
            return Map.of(files.get(0).uri(), List.of(new Diagnostic("test/echo", Severity.INFO, files.get(0).uri(),
                    SourceRange.of(0, 0, 1), firstLine(files.get(0).text()))));
        }, (uri, version, diags) -> published.add(new Published(uri, version, diags)), 5);
        open("untitled:slow", "v1");
        Thread.sleep(50); // the first analysis is running
        for (int v = 2; v <= 4; v++) {
            edit("untitled:slow", v, "v" + v);
            Thread.sleep(20);
        }
        Published last = next();
        while (last.version() != 4) last = next();
        assertEquals("v4", last.message());
        assertEquals(1, maxActive.get(), "analyses of one document never overlap");
    }
}
