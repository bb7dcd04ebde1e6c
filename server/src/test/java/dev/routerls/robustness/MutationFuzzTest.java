package dev.routerls.robustness;

import dev.routerls.testing.ScriptFindings;
import dev.routerls.core.AnalysisSettings;
import dev.routerls.analysis.Analyzer;
import dev.routerls.core.SourceFile;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.LanguageId;
import dev.routerls.core.TextDecoder;
import dev.routerls.openwrt.shell.EvaluationResult;
import dev.routerls.openwrt.shell.ShellEvaluator;
import dev.routerls.openwrt.shell.ShellScript;
import dev.routerls.analysis.YamahaAnalyzer;
import dev.routerls.yamaha.catalog.CommandCatalog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzz-style robustness: real inputs (samples, the shared corpus, a realistic router) damaged in the
 * ways users damage them, through the same analysis the CLI and the server run. For every mutant:
 * nothing throws, every finding lies inside its document, no rule fails internally. Seeds are fixed,
 * so a failure reproduces; failing mutants are written to target/fuzz-failures/.
 */
class MutationFuzzTest {
    static final int MUTANTS_PER_LANGUAGE = 300;
    /** Only a hang guard: the batch normally takes a few seconds. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    enum Language { YAMAHA, UCI, FIREWALL_USER }

    private static final String ROOT = "file:///fuzz/etc/";

    private static final String NETWORK = """
            config interface 'loopback'
            \toption device 'lo'
            \toption proto 'static'
            \toption ipaddr '127.0.0.1'
            \toption netmask '255.0.0.0'

            config interface 'lan'
            \toption device 'br-lan'
            \toption proto 'static'
            \toption ipaddr '192.168.1.1'
            \toption netmask '255.255.255.0'
            \toption ip6assign '60'

            config interface 'wan6'
            \toption device 'eth1'
            \toption proto 'dhcpv6'
            \toption reqaddress 'try'
            \toption reqprefix 'auto'

            config interface 'wan_map'
            \toption proto 'map'
            \toption maptype 'map-e'
            \toption peeraddr '2001:380:a120::9'
            \toption ipaddr '153.240.0.0'
            \toption ip4prefixlen '17'
            \toption ip6prefix '240b:250::'
            \toption ip6prefixlen '31'
            \toption ealen '25'
            \toption psidlen '8'
            \toption offset '4'
            \toption legacymap '1'
            \toption tunlink 'wan6'
            \toption encaplimit 'ignore'
            """;

    private static final String FIREWALL = """
            config defaults
            \toption input 'ACCEPT'
            \toption output 'ACCEPT'
            \toption forward 'REJECT'
            \toption synflood_protect '1'

            config zone
            \toption name 'lan'
            \tlist network 'lan'
            \toption input 'ACCEPT'
            \toption output 'ACCEPT'
            \toption forward 'ACCEPT'

            config zone
            \toption name 'wan'
            \tlist network 'wan6'
            \tlist network 'wan_map'
            \toption input 'REJECT'
            \toption output 'ACCEPT'
            \toption forward 'REJECT'
            \toption masq '1'
            \toption mtu_fix '1'

            config forwarding
            \toption src 'lan'
            \toption dest 'wan'

            config include
            \toption path '/etc/firewall.user'
            \toption fw4_compatible '1'
            """;

    private static final String FIREWALL_USER = """
            #!/bin/sh
            # SNAT each port block of the PSID to spread connections (seed 000 style)
            PSID=110
            IPADDR=153.240.174.0
            RULE_NO=0
            PORT_OFFSET=1
            while [ $PORT_OFFSET -lt 16 ] ; do
              PORT_START=$(( (PORT_OFFSET << 12) | (PSID << 4) ))
              PORT_END=`expr $PORT_START + 15`
              RULE_NO=`expr $RULE_NO + 1`
              for proto in tcp udp icmp; do
                iptables -t nat -A SNAT_MAPE -p $proto -o map-wan_map -m statistic --mode nth --every 15 --packet $(( RULE_NO - 1 )) \\
                  -j SNAT --to-source $IPADDR:$PORT_START-$PORT_END
              done
              PORT_OFFSET=$(( PORT_OFFSET + 1 ))
            done
            case "$1" in
              start|'') echo "rules added" ;;
              *) exit 1 ;;
            esac
            cat <<EOF >/tmp/note
            added $RULE_NO rules
            EOF
            f() { local x="$1"; echo "${x:-none}"; }
            f "$IPADDR"
            """;

    private final Analyzer analyzer = new Analyzer();
    private final YamahaAnalyzer withCatalog = new YamahaAnalyzer(CommandCatalog.standard());

    @ParameterizedTest
    @EnumSource(Language.class)
    void mutantsOfRealInputsNeverBreakTheAnalysis(Language language) throws IOException {
        Map<String, String> seeds = seeds(language);
        List<String> names = new ArrayList<>(seeds.keySet());
        Mutator mutator = new Mutator(0x5eedL + language.ordinal());
        List<String> failures = new ArrayList<>();
        int[] run = {0};
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (int i = 0; i < MUTANTS_PER_LANGUAGE; i++) {
                String name = names.get(i % names.size());
                byte[] mutant = mutator.mutate(seeds.get(name));
                check(language, mutant, name + " mutant " + i, failures);
                run[0]++;
            }
        }, () -> language + ": the batch did not finish (a hang?) after " + run[0] + " mutants");
        System.out.printf("fuzz %s: %d mutants of %d inputs, %d failing%n", language, run[0], names.size(), failures.size());
        assertTrue(failures.isEmpty(), language + ":\n" + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void extremeInputsNeverBreakTheAnalysis(Language language) throws IOException {
        String seed = seeds(language).values().iterator().next();
        Charset sjis = Charset.forName("windows-31j");
        Mutator m = new Mutator(7);
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("empty", new byte[0]);
        cases.put("only LF", "\n".getBytes(StandardCharsets.UTF_8));
        cases.put("only CR", "\r\r\r".getBytes(StandardCharsets.UTF_8));
        cases.put("CR line ends", seed.replace("\n", "\r").getBytes(StandardCharsets.UTF_8));
        cases.put("CRLF line ends", seed.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        cases.put("UTF-8 BOM", ("\ufeff" + seed).getBytes(StandardCharsets.UTF_8));
        cases.put("NUL bytes", seed.replace(" ", " \0").getBytes(StandardCharsets.UTF_8));
        cases.put("all NUL", new byte[4096]);
        cases.put("Shift_JIS", ("# 日本語のコメント ﾊﾝｶｸ\n" + seed + "# 終わり\n").getBytes(sjis));
        cases.put("5,000-character line", (seed + "x".repeat(5000) + "\n" + seed).getBytes(StandardCharsets.UTF_8));
        cases.put("5,000-character real line", (m.longLineOf(seed, 5000) + "\n" + seed).getBytes(StandardCharsets.UTF_8));
        cases.put("1 MB one line", m.longLineOf(seed, 1 << 20).getBytes(StandardCharsets.UTF_8));
        cases.put("1 MB of quotes", "\"".repeat(1 << 20).getBytes(StandardCharsets.UTF_8));
        cases.put("1 MB of backslashes", "\\".repeat(1 << 20).getBytes(StandardCharsets.UTF_8));
        cases.put("unclosed quote at the end", (seed + "'\"").getBytes(StandardCharsets.UTF_8));
        cases.put("trailing backslash", (seed + "\\").getBytes(StandardCharsets.UTF_8));
        cases.put("lone surrogates", (seed + "\ud800 \udc00").getBytes(StandardCharsets.UTF_16LE));
        cases.put("10,000 short lines", "a\n".repeat(10_000).getBytes(StandardCharsets.UTF_8));
        StringBuilder filters = new StringBuilder("ip lan1 secure filter in");
        for (int i = 1; i <= 800; i++) filters.append(' ').append(i);
        cases.put("800-filter list within the router's line length", (seed + filters + "\n").getBytes(StandardCharsets.UTF_8));
        cases.put("nested command substitutions", ("x=" + "\"$(".repeat(100) + "\n" + "y=" + "${x:-$(".repeat(100) + "\n"
                + "z=" + "$((".repeat(100) + "1" + "))".repeat(100) + "\n" + seed).getBytes(StandardCharsets.UTF_8));
        cases.put("deep nesting", ("(".repeat(5000) + "$((".repeat(2000) + "{".repeat(2000)).getBytes(StandardCharsets.UTF_8));
        List<String> failures = new ArrayList<>();
        assertTimeoutPreemptively(HANG_GUARD, () -> cases.forEach((why, bytes) -> check(language, bytes, why, failures)),
                () -> language + ": extreme inputs did not finish (a hang?)");
        assertTrue(failures.isEmpty(), language + ":\n" + String.join("\n", failures));
    }

    // ---------------------------------------------------------------------------------------------

    private void check(Language language, byte[] bytes, String what, List<String> failures) {
        String text = TextDecoder.decode(bytes);
        List<String> problems = new ArrayList<>();
        try {
            switch (language) {
                case YAMAHA -> {
                    String uri = "file:///fuzz/router.conf";
                    Map<String, String> docs = Map.of(uri, text);
                    SourceFile f = new SourceFile(uri, text, LanguageId.YAMAHA_RTX, null);
                    analyzer.analyze(List.of(f), AnalysisSettings.DEFAULT)
                            .forEach((u, ds) -> problems.addAll(DocumentChecks.problems(ds, docs, u)));
                    List<Diagnostic> catalogued = withCatalog.analyze(uri, text, AnalysisSettings.DEFAULT).diagnostics();
                    problems.addAll(DocumentChecks.problems(catalogued, docs, uri));
                }
                case UCI -> {
                    // the mutant is the network file of a router whose other files are intact
                    Map<String, String> docs = Map.of(ROOT + "config/network", text, ROOT + "config/firewall", FIREWALL);
                    problems.addAll(analyseRouter(docs));
                }
                case FIREWALL_USER -> {
                    String uri = ROOT + "firewall.user";
                    Map<String, String> docs = Map.of(ROOT + "config/network", NETWORK,
                            ROOT + "config/firewall", FIREWALL, uri, text);
                    problems.addAll(analyseRouter(docs));
                    ShellScript script = ShellScript.parse(uri, text);
                    problems.addAll(DocumentChecks.problems(ScriptFindings.syntax(script), docs, uri));
                    EvaluationResult r = ShellEvaluator.evaluate(script, Map.of());
                    problems.addAll(DocumentChecks.problems(ScriptFindings.evaluation(script, r), docs, uri));
                    r.commands().forEach(c -> {
                        String why = DocumentChecks.outside(c.range(), new dev.routerls.core.LineIndex(text));
                        if (why != null) problems.add("evaluated command at " + c.range() + ": " + why);
                    });
                }
            }
        } catch (Throwable t) {
            problems.add("threw " + t);
        }
        if (!problems.isEmpty()) {
            failures.add(what + ": " + String.join("; ", problems.subList(0, Math.min(3, problems.size()))));
            save(language, what, bytes);
        }
    }

    private List<String> analyseRouter(Map<String, String> docs) {
        List<SourceFile> files = new ArrayList<>();
        docs.forEach((uri, text) -> files.add(new SourceFile(uri, text,
                uri.endsWith("firewall.user") ? LanguageId.OPENWRT_FIREWALL_USER : LanguageId.OPENWRT_UCI, ROOT)));
        List<String> problems = new ArrayList<>();
        analyzer.analyze(files, AnalysisSettings.DEFAULT).forEach((uri, ds) -> problems.addAll(DocumentChecks.problems(ds, docs, uri)));
        return problems;
    }

    private static void save(Language language, String what, byte[] bytes) {
        try {
            Path dir = Path.of("target", "fuzz-failures");
            Files.createDirectories(dir);
            Files.write(dir.resolve(language + "-" + what.replaceAll("[^A-Za-z0-9.-]+", "_")), bytes);
        } catch (IOException | RuntimeException e) {
            // keeping the mutant is a convenience; the failure message says what it was
        }
    }

    // ---- seed inputs ----

    private static Map<String, String> seeds(Language language) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        switch (language) {
            case YAMAHA -> {
                addFiles(out, project("samples/yamaha"));
                addFiles(out, shared("corpus/yamaha"));
                if (out.isEmpty()) out.put("inline", "# RTX830 Rev.15.02.30\nip lan1 address 192.168.0.1/24\nlogin password x\n");
            }
            case UCI -> {
                out.put("network", NETWORK);
                out.put("firewall", FIREWALL);
                addFiles(out, shared("corpus/uci"));
            }
            case FIREWALL_USER -> {
                out.put("firewall.user", FIREWALL_USER);
                addFiles(out, shared("corpus/firewall-user"));
            }
        }
        return out;
    }

    private static Path project(String sub) {
        String base = System.getProperty("routerls.projectDir");
        return base == null ? null : Path.of(base).resolve(sub);
    }

    private static Path shared(String sub) {
        String base = System.getProperty("routerls.sharedDir");
        return base == null ? null : Path.of(base).resolve(sub);
    }

    private static void addFiles(Map<String, String> out, Path dir) throws IOException {
        if (dir == null || !Files.isDirectory(dir)) return;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                out.put(p.getFileName().toString(), TextDecoder.decode(Files.readAllBytes(p)));
            }
        }
    }
}
