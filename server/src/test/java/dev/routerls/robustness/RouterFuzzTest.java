package dev.routerls.robustness;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.BeforeAll;
import dev.routerls.core.AnalysisSettings;
import dev.routerls.analysis.Analyzer;
import dev.routerls.core.SourceFile;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.LanguageId;
import dev.routerls.core.TextDecoder;
import dev.routerls.testing.SampleRouters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Coverage-guided fuzzing of the OpenWrt analysis across a router's files: the input is split at
 * {@value #SEPARATOR_NAME} bytes into network, firewall, firewall.user and an nftables.d snippet (a part
 * left out keeps the sample router's file), analysed together as one router. Findings of every file
 * hold the common properties; a fresh analyser gives the same findings as one that read earlier routers.
 */
class RouterFuzzTest {
    static final char SEPARATOR = '\u0001';
    static final String SEPARATOR_NAME = "U+0001";
    static final List<String> FILES = List.of("config/network", "config/firewall", "firewall.user", "nftables.d/10-mape.nft");
    private static final Map<String, String> DEFAULTS = defaults();
    private static final Analyzer SHARED = new Analyzer();
    private static final String[] RELEASES = {null, "21.02", "22.03", "23.05"};

    @BeforeAll
    static void seeds() {
        FuzzSeeds.install(RouterFuzzTest.class, "router", FuzzSeeds.routerInputs());
    }

    @FuzzTest(maxDuration = "30s")
    void router(FuzzedDataProvider data) {
        check(data);
    }

    static void check(FuzzedDataProvider data) {
        int release = data.consumeInt(), into = data.consumeInt(), template = data.consumeInt(), key = data.consumeInt(),
                at = data.consumeInt();
        check(release, into, new int[]{template, key, at}, data.consumeRemainingAsBytes());
    }

    /**
     * {@code release} picks the OpenWrt release setting and {@code into} the file that a text without separators
     * replaces (both modulo); {@code secret} is the template, key and line of the secret planted into the network file.
     */
    static void check(int release, int into0, int[] secret, byte[] bytes) {
        AnalysisSettings settings = new AnalysisSettings(null, RELEASES[Math.floorMod(release, RELEASES.length)], Map.of());
        int into = Math.floorMod(into0, FILES.size());
        String input = TextDecoder.decode(bytes);
        String[] parts = input.split(String.valueOf(SEPARATOR), -1);
        Map<String, String> texts = new LinkedHashMap<>();
        for (int i = 0; i < FILES.size(); i++) {
            texts.put(FILES.get(i), i < parts.length && (parts.length > 1 || i == into) ? parts[i] : DEFAULTS.get(FILES.get(i)));
        }
        if (parts.length == 1) texts.put(FILES.get(into), input);
        PlantedSecret planted = PlantedSecret.plant(PlantedSecret.UCI, secret[0], secret[1], secret[2], texts.get("config/network"));
        texts.put("config/network", planted.text());

        Map<String, String> docs = new LinkedHashMap<>();
        List<SourceFile> files = new java.util.ArrayList<>();
        texts.forEach((rel, text) -> {
            String uri = SampleRouters.uri(rel);
            docs.put(uri, text);
            LanguageId language = rel.endsWith(".nft") ? LanguageId.OPENWRT_NFTABLES
                    : rel.equals("firewall.user") ? LanguageId.OPENWRT_FIREWALL_USER : LanguageId.OPENWRT_UCI;
            files.add(new SourceFile(uri, text, language, SampleRouters.ROOT));
        });
        Map<String, List<Diagnostic>> found = SHARED.analyze(files, settings);
        String network = texts.get("config/network");
        // the fuzzer learns the secret from the checks and may write it into another file, where quoting it is no leak
        boolean onlyPlanted = docs.values().stream().filter(t -> t.contains(planted.secret())).count() == 1;
        FuzzChecks.findings(found, docs, planted.secretsIf(onlyPlanted && UciFuzzTest.ownOption(
                dev.routerls.openwrt.uci.UciReader.read(SampleRouters.uri("config/network"), network), network, planted.line())));
        FuzzChecks.same(found, new Analyzer().analyze(files, settings), "router findings");
    }

    private static Map<String, String> defaults() {
        Map<String, String> out = new LinkedHashMap<>(SampleRouters.texts("good"));
        out.put("nftables.d/10-mape.nft", SampleRouters.texts("fw4-nftables").get("nftables.d/10-mape.nft"));
        return out;
    }
}
