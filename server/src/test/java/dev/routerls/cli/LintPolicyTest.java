package dev.routerls.cli;

import com.google.gson.JsonObject;
import dev.routerls.robustness.LintRun;
import dev.routerls.testing.SampleRouters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Baselines, settings files (discovery, --config, errors, ignore), --stdin, --help and completion. */
class LintPolicyTest {
    private static final String ROUTES = """
            # RTX830 Rev.15.02.20 (Mon Jan  1 00:00:00 2024)
            ip lan1 address 192.168.11.250/24
            ip route 192.168.253.0/24 gateway 192.168.11.250
            """;

    private static Path write(Path dir, String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static List<String> rules(LintRun r) {
        return r.diagnostics().stream().map(d -> d.get("rule").getAsString() + "@" + d.get("line").getAsInt()).toList();
    }

    @Test
    void baselineHidesRecordedFindingsEvenAfterLinesMoveAndShowsNewOnes(@TempDir Path dir) throws IOException {
        Path conf = write(dir, "r.conf", ROUTES);
        Path baseline = dir.resolve("baseline.json");
        LintRun w = LintRun.of("lint", "--write-baseline", baseline.toString(), conf.toString());
        assertEquals(0, w.exit(), w.describe());
        assertTrue(w.err().contains("recorded 1 finding"), w.describe());
        // two lines added above: the old finding moves to line 5 but keeps its identity; a new one appears
        Files.writeString(conf, ROUTES.replace("ip lan1 address 192.168.11.250/24\n",
                "ip lan1 address 192.168.11.250/24\nip route 10.0.0.0/8 gateway 192.168.11.250\n# comment\n"));
        LintRun all = LintRun.of("lint", "--format", "json", "--fail-on", "warning", conf.toString());
        assertEquals(List.of("yamaha/route-gateway-self@3", "yamaha/route-gateway-self@5"), rules(all));
        LintRun fresh = LintRun.of("lint", "--format", "json", "--fail-on", "warning", "--baseline", baseline.toString(), conf.toString());
        assertEquals(List.of("yamaha/route-gateway-self@3"), rules(fresh), fresh.describe());
        assertEquals(1, fresh.exit());
        Files.writeString(conf, ROUTES);
        assertEquals(0, LintRun.of("lint", "--fail-on", "warning", "--baseline", baseline.toString(), conf.toString()).exit());
        Files.writeString(baseline, "[]");
        LintRun bad = LintRun.of("lint", "--baseline", baseline.toString(), conf.toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("not a routerls baseline"), bad.describe());
    }

    @Test
    void nearestSettingsFileWinsPerFile(@TempDir Path dir) throws IOException {
        write(dir, ".routerls.json", "{\"rules\": {\"yamaha/route-gateway-self\": \"error\"}}");
        write(dir, "quiet/.routerls.json", "{\"rules\": {\"yamaha/route-gateway-self\": \"off\"}}");
        write(dir, "a.conf", ROUTES);
        write(dir, "quiet/b.conf", ROUTES);
        LintRun r = LintRun.of("lint", "--format", "json", dir.toString());
        assertEquals(1, r.exit(), r.describe());
        List<JsonObject> files = r.files();
        assertEquals(2, files.size());
        for (JsonObject f : files) {
            int n = f.getAsJsonArray("diagnostics").size();
            assertEquals(f.get("path").getAsString().contains("quiet") ? 0 : 1, n, r.out());
        }
        assertTrue(r.diagnostics().stream().allMatch(d -> d.get("severity").getAsString().equals("error")));
    }

    @Test
    void explicitConfigAppliesToEveryFileAndIgnoreGlobsSkipFiles(@TempDir Path dir) throws IOException {
        write(dir, "a.conf", ROUTES);
        write(dir, "backup/old.conf", ROUTES);
        Path cfg = write(dir, "ci/routerls.json", "{\"rules\": {\"yamaha/route-gateway-self\": \"hint\"}}");
        LintRun r = LintRun.of("lint", "--format", "json", "--config", cfg.toString(), dir.toString());
        assertTrue(r.diagnostics().stream().allMatch(d -> d.get("severity").getAsString().equals("hint")), r.out());
        write(dir, ".routerls.json", "{\"ignore\": [\"backup/**\"]}");
        LintRun ignored = LintRun.of("lint", "--format", "json", dir.toString());
        assertEquals(1, ignored.files().size(), ignored.out());
        assertTrue(ignored.files().get(0).get("path").getAsString().endsWith("a.conf"));
    }

    @Test
    void invalidSettingsStopTheRunWithExit2AndSayWhatIsWrong(@TempDir Path dir) throws IOException {
        Path conf = write(dir, "a.conf", ROUTES);
        record Case(String json, String says) {
        }
        for (Case c : List.of(
                new Case("{\"rules\": {\"yamaha/route-gateway-slef\": \"off\"}}", "did you mean 'yamaha/route-gateway-self'"),
                new Case("{\"rules\": {\"yamaha/syntax\": \"loud\"}}", "is not one of off, error, warning, info, hint"),
                new Case("{\"modle\": \"RTX830\"}", "unknown setting 'modle' (did you mean 'model'?)"),
                new Case("{\"openwrtRelease\": \"latest\"}", "'openwrtRelease' must be a release"),
                new Case("{\"ignore\": \"*.bak\"}", "'ignore' must be a list"),
                new Case("{\"ignore\": [\"a[\"]}", "is not a glob pattern"),
                new Case("{ \"rules\": ", "not valid JSON"))) {
            Files.writeString(dir.resolve(".routerls.json"), c.json());
            LintRun r = LintRun.of("lint", conf.toString());
            assertEquals(2, r.exit(), c.json() + ": " + r.describe());
            assertTrue(r.err().contains("invalid settings") && r.err().contains(".routerls.json") && r.err().contains(c.says()),
                    c.json() + ": " + r.describe());
            assertEquals("", r.out(), "nothing is linted with settings the user did not mean");
        }
        LintRun missing = LintRun.of("lint", "--config", dir.resolve("nope.json").toString(), conf.toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("nope.json"), missing.describe());
    }

    @Test
    void stdinIsLintedAsIfItWereAtTheGivenPath(@TempDir Path dir) throws IOException {
        Path router = SampleRouters.copy("good", dir.resolve("site"));
        Path network = router.resolve("etc/config/network");
        // the editor's unsaved text: the map interface's legacymap removed; the router's other files come from disk
        String edited = Files.readString(network).replace("\toption legacymap '1'\n", "");
        LintRun r = withStdin(edited, "lint", "--format", "json", "--stdin", "--stdin-filename", network.toString());
        assertEquals(1, r.exit(), r.describe());
        assertEquals(1, r.files().size());
        assertEquals(network.toString(), r.files().get(0).get("path").getAsString());
        assertEquals("openwrt-uci", r.files().get(0).get("language").getAsString());
        assertTrue(rules(r).stream().anyMatch(s -> s.startsWith("openwrt/mape-legacymap@")), r.out());
        LintRun alone = withStdin(ROUTES, "lint", "--format", "compact", "--stdin", "--stdin-filename", "virtual/r.conf");
        assertTrue(alone.out().startsWith("virtual/r.conf:3:"), alone.describe());
        assertEquals(2, LintRun.of("lint", "--stdin").exit());
        assertEquals(2, LintRun.of("lint", "--stdin", "--stdin-filename", "x.conf", network.toString()).exit());
    }

    private static synchronized LintRun withStdin(String text, String... args) {
        InputStream old = System.in;
        try {
            System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            return LintRun.of(args);
        } finally {
            System.setIn(old);
        }
    }

    @Test
    void helpWorksOnEverySubcommand() {
        CommandLine root = new CommandLine(new Main());
        List<String> names = List.copyOf(root.getSubcommands().keySet());
        assertTrue(names.containsAll(List.of("lint", "fix", "rules", "explain", "mape", "lsp", "completion")), names.toString());
        for (String name : names) {
            LintRun r = LintRun.of(name, "--help");
            assertEquals(0, r.exit(), name + ": " + r.describe());
            assertTrue(r.out().startsWith("Usage: routerls " + name), name + ": " + r.describe());
            assertEquals("", r.err(), name);
        }
    }

    @Test
    void completionScriptIsValidBashThatCompletesSubcommandsAndOptions(@TempDir Path dir) throws Exception {
        LintRun r = LintRun.of("completion");
        assertEquals(0, r.exit());
        Path script = dir.resolve("routerls_completion");
        Files.writeString(script, r.out());
        Process bash = new ProcessBuilder("bash", "-c", "source " + script + " && COMP_WORDS=(routerls lint --fo) && COMP_CWORD=2"
                + " && COMP_LINE='routerls lint --fo' && _complete_routerls && printf '%s\\n' \"${COMPREPLY[@]}\"")
                .redirectErrorStream(true).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(bash.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, bash.exitValue(), out);
        assertTrue(out.contains("--format"), out);
        assertFalse(r.out().isBlank());
    }
}
