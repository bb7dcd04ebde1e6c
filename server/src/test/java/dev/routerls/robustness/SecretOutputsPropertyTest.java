package dev.routerls.robustness;

import com.google.gson.Gson;
import dev.routerls.analysis.Analyzer;
import dev.routerls.analysis.LanguageDetector;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.LineIndex;
import dev.routerls.core.SourceRange;
import dev.routerls.services.AnalysisEngine;
import dev.routerls.services.types.CompletionEntry;
import dev.routerls.services.DiagnosticsScheduler;
import dev.routerls.services.Document;
import dev.routerls.services.types.EditorAction;
import dev.routerls.services.LanguageFeatures;
import dev.routerls.services.types.OutlineSymbol;
import dev.routerls.services.Uris;
import dev.routerls.services.Workspace;
import dev.routerls.testing.SampleRouters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property: random secrets written into every secret-bearing position the rules know (every YAMAHA secret
 * command of {@link PlantedSecret#YAMAHA}, every UCI option name that holds a secret) appear in no output at
 * all. The outputs are listed in {@link #OUTPUTS}, one entry each: every lint format the CLI offers (from
 * {@code OutputFormats}, so a new format is covered without touching this test), {@code fix --dry-run}
 * and {@code fix}, and the editor features (diagnostics, hover, completion, outline, code actions), with
 * standard error captured throughout as the log. A later output (inlay hints, semantic tokens, a trace) is one
 * more entry.
 */
class SecretOutputsPropertyTest {
    private static final int ROUNDS = 4;
    /** Characters a YAMAHA secret word may hold (no blank, quote, backslash or '#', which end or change the word). */
    private static final String YAMAHA_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!$%&()*+,-./:;<=>?@[]^_{|}~";
    /** Characters a single-quoted UCI value may hold. */
    private static final String UCI_CHARS = YAMAHA_CHARS + " \"#\\\\";
    private static final List<String> UCI_SECRET_OPTIONS = List.of("key", "password", "psk", "sae_password", "private_key",
            "preshared_key", "auth_secret", "acct_secret", "key1", "priv_key_pwd", "wpa_psk_file");

    /** What routerls shows for a folder of documents: one rendering per output. */
    @FunctionalInterface
    interface Output {
        String render(Path dir) throws IOException;

        @FunctionalInterface
        interface Call {
            String call() throws IOException;
        }
    }

    private static final Map<String, Output> OUTPUTS = outputs();

    private static Map<String, Output> outputs() {
        Map<String, Output> out = new LinkedHashMap<>();
        for (String format : lintFormats()) out.put("lint --format " + format, dir -> cli("lint", "--format", format, "--fail-on", "none", dir.toString()));
        out.put("fix --dry-run", dir -> cli("fix", "--dry-run", dir.toString()));
        out.put("fix", dir -> cli("fix", copy(dir).toString()));
        out.put("editor: diagnostics, hover, completion, outline, code actions", SecretOutputsPropertyTest::editor);
        return out;
    }

    /** The lint formats as the CLI offers them (the list `--format` is checked against). */
    static List<String> lintFormats() {
        return dev.routerls.cli.OutputFormats.names();
    }

    @Test
    void noSecretReachesAnyOutput(@TempDir Path tmp) throws IOException {
        assertTrue(lintFormats().containsAll(List.of("text", "json")), "the lint formats are declared: " + lintFormats());
        Random random = new Random(0x5ec7e7L);
        for (int round = 0; round < ROUNDS; round++) {
            Path dir = Files.createDirectories(tmp.resolve("round" + round));
            List<String> secrets = new ArrayList<>();
            int firstPlanted = writeYamaha(dir.resolve("rtx/router.conf"), random, secrets);
            writeRouter(dir.resolve("owrt"), random, secrets);
            for (Map.Entry<String, Output> o : OUTPUTS.entrySet()) {
                String shown = captured(() -> o.getValue().render(dir));
                for (String secret : secrets) {
                    String json = new Gson().toJson(secret);
                    assertTrue(!shown.contains(secret) && !shown.contains(json.substring(1, json.length() - 1)),
                            "round " + round + ": " + o.getKey() + " shows the secret " + secret + ":\n" + shown);
                }
            }
            // the silence is not for lack of output: every YAMAHA secret is reported where it is
            LintRun lint = LintRun.of("lint", "--format", "json", "--fail-on", "none", dir.resolve("rtx").toString());
            for (int i = 0; i < PlantedSecret.YAMAHA.size(); i++) {
                int line = firstPlanted + i;
                assertTrue(lint.diagnostics().stream().anyMatch(d -> d.get("line").getAsInt() == line
                                && d.get("rule").getAsString().equals("yamaha/plaintext-secret")),
                        "the secret of `" + PlantedSecret.YAMAHA.get(i) + "` is reported on its line:\n" + lint.out());
            }
        }
    }

    /** An exception that quotes a secret (a parser echoing its input, say) never reaches a finding. */
    @Test
    void exceptionMessagesAreNeverShown() throws Exception {
        String secret = "SxThrown42x9";
        dev.routerls.rules.Rule<Object> failing = new dev.routerls.rules.Rule<>() {
            @Override
            public dev.routerls.rules.RuleInfo info() {
                return dev.routerls.rules.RuleInfo.rule("test/failing", dev.routerls.core.Severity.WARNING).summary("fails").build();
            }

            @Override
            public void check(Object model, dev.routerls.rules.Findings out) {
                throw new IllegalStateException("cannot read " + secret);
            }
        };
        List<Diagnostic> ds = dev.routerls.analysis.RuleRunner.run(List.of(failing), new Object(), "file:///x",
                dev.routerls.core.AnalysisSettings.DEFAULT);
        assertTrue(ds.stream().anyMatch(d -> d.ruleId().equals("routerls/internal")), ds::toString);
        assertTrue(ds.stream().noneMatch(d -> d.message().contains(secret)), ds::toString);

        Workspace ws = new Workspace();
        ws.documents().open("file:///tmp/x.rtx", 1, "login password " + secret + "\n", "yamaha-rtx");
        List<String> shown = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch published = new java.util.concurrent.CountDownLatch(1);
        try (DiagnosticsScheduler scheduler = new DiagnosticsScheduler(ws, (f, st) -> {
            throw new IllegalArgumentException("bad token " + secret);
        }, (u, v, d) -> {
            d.forEach(x -> shown.add(x.message()));
            published.countDown();
        }, 0)) {
            String log = captured(() -> {
                scheduler.now("file:///tmp/x.rtx");
                try {
                    published.await(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "";
            });
            assertTrue(!shown.isEmpty(), "the failure is published");
            assertTrue(shown.stream().noneMatch(m -> m.contains(secret)) && !log.contains(secret), shown + log);
        }
    }

    // ---- inputs ----

    private static String secret(Random random, String chars) {
        StringBuilder sb = new StringBuilder("S");
        int n = 8 + random.nextInt(12);
        for (int i = 0; i < n; i++) sb.append(chars.charAt(random.nextInt(chars.length())));
        return sb.append('9').toString();
    }

    /**
     * One line per secret-bearing YAMAHA command, each with its own secret, after a config with a fixable finding;
     * returns the 1-based line of the first of them.
     */
    private static int writeYamaha(Path file, Random random, List<String> secrets) throws IOException {
        StringBuilder sb = new StringBuilder(Files.readString(FuzzSeeds.project().resolve("samples/yamaha/variant-pp-anonymous-nat-nvr510.conf")));
        sb.append("pp select none\ntunnel select none\n");
        int first = (int) sb.chars().filter(c -> c == '\n').count() + 1;
        for (String template : PlantedSecret.YAMAHA) {
            String s = secret(random, YAMAHA_CHARS);
            secrets.add(s);
            sb.append(template.formatted(s)).append('\n');
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        return first;
    }

    /** A sample router with a fixable finding, and every secret UCI option in its network and wireless files. */
    private static void writeRouter(Path root, Random random, List<String> secrets) throws IOException {
        SampleRouters.copy("missing-zone", root);
        StringBuilder network = new StringBuilder(Files.readString(root.resolve("etc/config/network")));
        StringBuilder wireless = new StringBuilder("config wifi-iface 'default_radio0'\n\toption device 'radio0'\n\toption mode 'ap'\n");
        network.append("\nconfig interface 'vpn'\n\toption proto 'wireguard'\n");
        for (String option : UCI_SECRET_OPTIONS) {
            for (StringBuilder file : List.of(network, wireless)) {
                String s = secret(random, UCI_CHARS);
                secrets.add(s);
                file.append("\toption ").append(option).append(" '").append(s).append("'\n");
            }
        }
        Files.writeString(root.resolve("etc/config/network"), network.toString(), StandardCharsets.UTF_8);
        Files.writeString(root.resolve("etc/config/wireless"), wireless.toString(), StandardCharsets.UTF_8);
    }

    private static Path copy(Path dir) throws IOException {
        Path to = Files.createTempDirectory("routerls-secrets-fix");
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(dir.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        return to;
    }

    // ---- outputs ----

    private static String cli(String... args) {
        LintRun r = LintRun.of(args);
        return r.out() + r.err();
    }

    /** Every document opened in a workspace; the editor features probed on every line. */
    private static String editor(Path dir) throws IOException {
        StringBuilder shown = new StringBuilder();
        Workspace ws = new Workspace();
        AnalysisEngine engine = new AnalysisEngine(new Analyzer());
        List<String> uris = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String text = Files.readString(p);
                if (LanguageDetector.detect(p.toString(), text) == dev.routerls.core.LanguageId.UNKNOWN) continue;
                String uri = Uris.fromPath(p);
                ws.documents().open(uri, 1, text, "");
                uris.add(uri);
            }
        }
        Map<String, List<Diagnostic>> published = new LinkedHashMap<>();
        try (DiagnosticsScheduler scheduler = new DiagnosticsScheduler(ws, engine, (u, v, d) -> { }, 0)) {
            LanguageFeatures features = new LanguageFeatures(ws, scheduler, engine);
            for (String group : ws.openGroups()) {
                published.putAll(engine.analyze(ws.snapshot(group).files(), ws.settings()));
                scheduler.now(group);   // code actions read the findings the scheduler published
            }
            long until = System.currentTimeMillis() + 20_000;
            while (uris.stream().anyMatch(u -> scheduler.latest(u).isEmpty() && !published.getOrDefault(u, List.of()).isEmpty())
                    && System.currentTimeMillis() < until) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            published.values().forEach(ds -> ds.forEach(d -> shown.append(d.message()).append('\n')));
            for (String uri : uris) {
                Document d = ws.documents().get(uri).orElseThrow();
                for (OutlineSymbol o : features.outline(uri)) outline(o, shown);
                LineIndex lines = d.lines();
                for (int line = 0; line < lines.lineCount(); line++) {
                    String text = lines.line(line);
                    for (int col = 0; col <= text.length(); col++) {
                        boolean edge = col == 0 || col == text.length() || text.charAt(col - 1) == ' ' || text.charAt(col) == ' '
                                || col % 4 == 0;
                        if (!edge) continue;
                        features.hover(uri, line, col).ifPresent(h -> shown.append(h.markdown()).append('\n'));
                        for (CompletionEntry c : features.complete(uri, line, col)) {
                            shown.append(c.label()).append(' ').append(c.detail()).append(' ').append(c.documentation())
                                    .append(' ').append(c.insertText()).append('\n');
                        }
                    }
                    for (EditorAction a : features.codeActions(uri, SourceRange.line(line, text.length()))) {
                        shown.append(a.title()).append('\n');
                    }
                }
            }
        }
        return shown.toString();
    }

    private static void outline(OutlineSymbol o, StringBuilder out) {
        out.append(o.name()).append(' ').append(o.detail()).append('\n');
        for (OutlineSymbol c : o.children()) outline(c, out);
    }

    /** Runs {@code output} with standard error captured (the log), returning what it rendered plus the log. */
    private static String captured(Output.Call output) throws IOException {
        PrintStream old = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            return output.call() + "\n" + log.toString(StandardCharsets.UTF_8);
        } finally {
            System.setErr(old);
        }
    }
}
