package dev.routerls.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.routerls.robustness.LintRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code routerls lint}: exit codes, usage errors, both output formats, folder walking and router context. */
class LintCommandTest {

    /** Worst finding: info (a plain-text login password). */
    private static final String YAMAHA_INFO = """
            # RTX830 Rev.15.02.30 (Fri Oct 23 12:00:00 2020)
            ip lan1 address 192.168.100.1/24
            login password Pl4inLogin
            """;

    /** Worst finding: warning (NAT on pp anonymous of a port-saving model, seed 002). */
    private static final String YAMAHA_WARNING = """
            # NVR510 Rev.15.01.21 (Fri Mar 27 15:30:12 2020)
            ip lan1 address 192.168.11.250/24
            pp select anonymous
             pp bind tunnel2
             ip pp remote address pool 192.168.254.1-192.168.254.3
             ip pp nat descriptor 20
             pp enable anonymous
            tunnel select 2
             tunnel encapsulation l2tp
             tunnel enable 2
            tunnel select none
            nat descriptor type 20 nat
            nat descriptor address outer 20 192.168.254.240
            nat descriptor address inner 20 192.168.11.240
            """;

    /** Worst finding: error (a quote that is never closed, line 3). */
    private static final String YAMAHA_ERROR = """
            # RTX830 Rev.15.02.30 (Fri Oct 23 12:00:00 2020)
            ip lan1 address 192.168.100.1/24
            description lan1 "never closed
            ip lan2 address 192.168.200.1/24
            """;

    private static final String YAMAHA_CLEAN = """
            # RTX830 Rev.15.02.30 (Fri Oct 23 12:00:00 2020)
            ip lan1 address 192.168.100.1/24
            """;

    private static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static String worst(LintRun r) {
        String worst = "none";
        List<String> order = List.of("none", "hint", "info", "warning", "error");
        for (JsonObject d : r.diagnostics()) {
            String s = d.get("severity").getAsString();
            if (order.indexOf(s) > order.indexOf(worst)) worst = s;
        }
        return worst;
    }

    @ParameterizedTest(name = "{0} config, --fail-on {1} -> exit {2}")
    @CsvSource({
            "clean,   error,   0", "clean,   warning, 0", "clean,   info,    0", "clean,   none,    0",
            "info,    error,   0", "info,    warning, 0", "info,    info,    1", "info,    none,    0",
            "warning, error,   0", "warning, warning, 1", "warning, info,    1", "warning, none,    0",
            "error,   error,   1", "error,   warning, 1", "error,   info,    1", "error,   none,    0",
    })
    void exitCodeFollowsTheWorstFindingAndFailOn(String kind, String failOn, int exit, @TempDir Path dir) throws IOException {
        String text = Map.of("clean", YAMAHA_CLEAN, "info", YAMAHA_INFO, "warning", YAMAHA_WARNING, "error", YAMAHA_ERROR).get(kind);
        Path f = write(dir, "router.conf", text);
        // the fixture really has that worst severity (otherwise the exit code would prove nothing)
        LintRun json = LintRun.of("lint", "--format", "json", "--fail-on", "none", f.toString());
        assertEquals(0, json.exit(), json.describe());
        assertEquals(kind.equals("clean") ? "none" : kind, worst(json), json.describe());

        LintRun r = LintRun.of("lint", "--fail-on", failOn, f.toString());
        assertEquals(exit, r.exit(), r.describe());
        assertEquals("", r.err());
    }

    @Test
    void defaultFailOnIsError(@TempDir Path dir) throws IOException {
        assertEquals(0, LintRun.of("lint", write(dir, "w.conf", YAMAHA_WARNING).toString()).exit());
        assertEquals(1, LintRun.of("lint", write(dir, "e.conf", YAMAHA_ERROR).toString()).exit());
    }

    @Test
    void usageAndIoErrorsExit2WithAMessageOnStderr(@TempDir Path dir) throws IOException {
        String f = write(dir, "router.conf", YAMAHA_ERROR).toString();
        record Case(String why, String[] args, String stderrPart) {
        }
        List<Case> cases = List.of(
                new Case("bad format", new String[]{"lint", "--format", "xml", f}, "--format"),
                new Case("bad fail-on", new String[]{"lint", "--fail-on", "fatal", f}, "--fail-on"),
                new Case("missing path", new String[]{"lint", dir.resolve("no-such-file.conf").toString()}, "no-such-file.conf"),
                new Case("missing path among good ones", new String[]{"lint", f, dir.resolve("gone").toString()}, "gone"),
                new Case("no path at all", new String[]{"lint"}, "PATH"),
                new Case("unknown option", new String[]{"lint", "--frobnicate", f}, "--frobnicate"),
                new Case("option without value", new String[]{"lint", f, "--format"}, "--format"));
        for (Case c : cases) {
            LintRun r = LintRun.of(c.args());
            assertEquals(2, r.exit(), c.why() + ": " + r.describe());
            assertTrue(r.err().contains(c.stderrPart()), c.why() + ": " + r.describe());
            assertFalse(r.out().contains("error yamaha/syntax"), c.why() + ": nothing is linted on a usage error");
        }
    }

    @Test
    void jsonHasTheDocumentedShapeWithOneBasedPositions(@TempDir Path dir) throws IOException {
        Path f = write(dir, "router.conf", YAMAHA_ERROR);
        LintRun r = LintRun.of("lint", "--format", "json", f.toString());
        assertEquals(1, r.exit(), r.describe());
        JsonObject root = r.json();
        assertEquals(List.of("files"), new ArrayList<>(root.keySet()));
        List<JsonObject> files = r.files();
        assertEquals(1, files.size());
        JsonObject file = files.get(0);
        assertEquals(List.of("path", "language", "diagnostics"), new ArrayList<>(file.keySet()));
        assertEquals(f.toString(), file.get("path").getAsString());
        assertEquals("yamaha-rtx", file.get("language").getAsString());
        List<JsonObject> syntax = new ArrayList<>();
        for (JsonElement e : file.getAsJsonArray("diagnostics")) {
            JsonObject d = e.getAsJsonObject();
            assertEquals(List.of("rule", "severity", "message", "line", "column", "endLine", "endColumn"),
                    new ArrayList<>(d.keySet()));
            if (d.get("rule").getAsString().equals("yamaha/syntax")) syntax.add(d);
        }
        assertEquals(1, syntax.size(), r.out());
        JsonObject d = syntax.get(0);
        assertEquals("error", d.get("severity").getAsString());
        assertFalse(d.get("message").getAsString().isBlank());
        // the unclosed quote: line 3, 1-based column of the '"' in `description lan1 "never closed`
        int quoteColumn = "description lan1 ".length() + 1;
        assertEquals(3, d.get("line").getAsInt());
        assertEquals(quoteColumn, d.get("column").getAsInt());
        assertEquals(3, d.get("endLine").getAsInt());
        assertTrue(d.get("endColumn").getAsInt() > quoteColumn);
        assertTrue(d.get("endColumn").getAsInt() <= "description lan1 \"never closed".length() + 1);
    }

    @Test
    void compactPrintsOneLinePerFindingThenASummary(@TempDir Path dir) throws IOException {
        Path e = write(dir, "a-error.conf", YAMAHA_ERROR);
        Path i = write(dir, "b-info.conf", YAMAHA_INFO);
        Path c = write(dir, "c-clean.conf", YAMAHA_CLEAN);
        LintRun r = LintRun.of("lint", "--format", "compact", "--fail-on", "none", e.toString(), i.toString(), c.toString());
        assertEquals(0, r.exit(), r.describe());
        List<String> lines = r.lines();
        Pattern finding = Pattern.compile("^(.+):(\\d+):(\\d+): (error|warning|info|hint) ([a-z]+/[a-z0-9-]+): (.+)$");
        List<String> findings = lines.subList(0, lines.size() - 1);
        int errors = 0, infos = 0;
        for (String l : findings) {
            var m = finding.matcher(l);
            assertTrue(m.matches(), "not a finding line: " + l);
            assertTrue(Integer.parseInt(m.group(2)) >= 1 && Integer.parseInt(m.group(3)) >= 1, l);
            if (m.group(4).equals("error")) errors++;
            if (m.group(4).equals("info")) infos++;
        }
        String errorStart = e + ":3:" + ("description lan1 ".length() + 1) + ": error yamaha/syntax: ";
        assertTrue(findings.stream().anyMatch(l -> l.startsWith(errorStart)), r.out());
        assertTrue(findings.stream().anyMatch(l -> l.startsWith(i + ":3:") && l.contains(" info yamaha/plaintext-secret: ")), r.out());
        assertTrue(findings.stream().noneMatch(l -> l.startsWith(c.toString())), "clean file has no findings: " + r.out());
        String summary = lines.get(lines.size() - 1);
        assertTrue(summary.startsWith("3 file(s) checked: " + errors + " error(s), "), summary);
        assertTrue(summary.contains(" " + infos + " info"), summary);
    }

    @Test
    void foldersAreWalkedAndLanguagesRecognisedByContent(@TempDir Path dir) throws IOException {
        write(dir, "router.txt", YAMAHA_CLEAN);
        write(dir, "site/etc/config/network", """
                config interface 'lan'
                \toption proto 'static'
                \toption ipaddr '192.168.1.1'
                \toption netmask '255.255.255.0'
                """);
        write(dir, "site/etc/firewall.user", """
                # custom rules
                iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE
                """);
        write(dir, "notes.md", "Things to remember: buy milk.\n");
        write(dir, ".git/config", "config core\n\toption x 'y'\n");
        LintRun r = LintRun.of("lint", "--format", "json", dir.toString());
        assertEquals(0, r.exit(), r.describe());
        Map<String, String> languages = new TreeMap<>();
        for (JsonObject f : r.files()) {
            languages.put(dir.relativize(Path.of(f.get("path").getAsString())).toString().replace('\\', '/'),
                    f.get("language").getAsString());
        }
        assertEquals(Map.of(
                "router.txt", "yamaha-rtx",
                "site/etc/config/network", "openwrt-uci",
                "site/etc/firewall.user", "openwrt-firewall-user"), languages, r.out());
    }

    @Test
    void modelFlagOverridesTheHeaderForModelDependentRules(@TempDir Path dir) throws IOException {
        // the same config under an NVR500 header: that model does not port-save, so no finding
        Path f = write(dir, "nvr.conf", YAMAHA_WARNING.replace("# NVR510 Rev.15.01.21", "# NVR500 Rev.11.00.38"));
        LintRun plain = LintRun.of("lint", "--format", "json", f.toString());
        assertTrue(plain.diagnostics().stream().noneMatch(d -> d.get("rule").getAsString().equals("yamaha/nat-backward-compatibility")),
                plain.out());
        assertEquals(0, LintRun.of("lint", "--fail-on", "warning", f.toString()).exit());

        LintRun overridden = LintRun.of("lint", "--format", "json", "--model", "NVR510", f.toString());
        List<JsonObject> found = overridden.diagnostics().stream()
                .filter(d -> d.get("rule").getAsString().equals("yamaha/nat-backward-compatibility")).toList();
        assertEquals(1, found.size(), overridden.out());
        assertEquals(6, found.get(0).get("line").getAsInt(), "on `ip pp nat descriptor 20`");
        assertTrue(found.get(0).get("message").getAsString().contains("NVR510"), found.get(0).toString());
        assertEquals(1, LintRun.of("lint", "--fail-on", "warning", "--model", "NVR510", f.toString()).exit());
    }

    @Test
    void workspaceSettingsFileIsReadAndFlagsOverrideIt(@TempDir Path dir) throws IOException {
        Path f = write(dir.resolve("site/routers"), "nvr.conf", YAMAHA_WARNING);
        String rule = "yamaha/nat-backward-compatibility";
        assertEquals(1, LintRun.of("lint", "--fail-on", "warning", f.toString()).exit());

        // the nearest .routerls.json above the file turns the rule off, as it does in the editor
        write(dir.resolve("site"), ".routerls.json", "{\"rules\": {\"" + rule + "\": \"off\"}}");
        LintRun off = LintRun.of("lint", "--format", "json", f.toString());
        assertTrue(off.diagnostics().stream().noneMatch(d -> d.get("rule").getAsString().equals(rule)), off.out());
        assertEquals(0, LintRun.of("lint", "--fail-on", "warning", f.toString()).exit());

        // a severity from the file, and a model from the file that --model overrides
        write(dir.resolve("site"), ".routerls.json",
                "{\"model\": \"NVR500\", \"rules\": {\"" + rule + "\": \"error\"}}");
        assertEquals(0, LintRun.of("lint", f.toString()).exit(), "NVR500 does not port-save: no finding");
        LintRun graded = LintRun.of("lint", "--format", "json", "--model", "NVR510", f.toString());
        assertTrue(graded.diagnostics().stream().anyMatch(d -> d.get("rule").getAsString().equals(rule)
                && d.get("severity").getAsString().equals("error")), graded.out());
    }

    private static final String NETWORK = """
            config interface 'lan'
            \toption proto 'static'
            \toption ipaddr '192.168.1.1'
            \toption netmask '255.255.255.0'
            config interface 'wan'
            \toption proto 'dhcp'
            \toption mtu 'not-a-number'
            """;

    private static final String FIREWALL = """
            config zone
            \toption name 'lan'
            \tlist network 'lan'
            config zone
            \toption name 'wan'
            \tlist network 'wan'
            \tlist network 'wan7'
            """;

    @Test
    void openWrtSiblingsAreContextButOnlyNamedFilesAreReported(@TempDir Path dir) throws IOException {
        Path router = dir.resolve("router/etc");
        write(router, "config/network", NETWORK);
        Path firewall = write(router, "config/firewall", FIREWALL);

        LintRun r = LintRun.of("lint", "--format", "json", "--fail-on", "none", firewall.toString());
        assertEquals(0, r.exit(), r.describe());
        assertEquals(1, r.files().size(), "only the named file is reported: " + r.out());
        assertEquals(firewall.toString(), r.files().get(0).get("path").getAsString());
        List<String> found = r.diagnostics().stream()
                .map(d -> d.get("rule").getAsString() + "@" + d.get("line").getAsInt()).toList();
        // wan7 is undefined: known only because network was read; wan and lan resolve against it
        assertEquals(List.of("openwrt/undefined-reference@7"), found, r.out());

        // the network file's own problem (mtu) appears once network is named too
        LintRun both = LintRun.of("lint", "--format", "json", "--fail-on", "none", router.resolve("config").toString());
        assertEquals(2, both.files().size(), both.out());
        assertTrue(both.out().contains("openwrt/invalid-value"), both.out());

        // without the router around it, the same file cannot know which networks exist: no guess
        Path alone = write(dir, "loose/firewall", FIREWALL);
        LintRun l = LintRun.of("lint", "--format", "json", "--fail-on", "none", alone.toString());
        assertTrue(l.diagnostics().stream().noneMatch(d -> d.get("rule").getAsString().equals("openwrt/undefined-reference")),
                l.out());
    }

    @Test
    void aFileNamedTwiceIsReportedOnce(@TempDir Path dir) throws IOException {
        Path f = write(dir, "router.conf", YAMAHA_INFO);
        LintRun r = LintRun.of("lint", "--format", "json", f.toString(), dir.toString());
        assertEquals(1, r.files().size(), r.out());
    }
}
