package dev.routerls.openwrt.router;

import dev.routerls.core.AnalysisSettings;
import dev.routerls.analysis.Analyzer;
import dev.routerls.analysis.LanguageDetector;
import dev.routerls.core.SourceFile;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.LanguageId;
import dev.routerls.core.Severity;
import dev.routerls.core.TextDecoder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The routers under samples/openwrt give exactly the findings (warning and above) they were made to show. */
class SamplesTest {
    private static final Path SAMPLES = Path.of(System.getProperty("routerls.projectDir", "..")).resolve("samples/openwrt");

    private static final Map<String, List<String>> EXPECTED = Map.ofEntries(
            Map.entry("good", List.of()),
            Map.entry("wrong-psid", List.of("firewall.user:36 openwrt/mape-psid-mismatch")),
            Map.entry("wrong-device", List.of("firewall.user:36 openwrt/mape-tunnel-device",
                    "firewall.user:37 openwrt/mape-tunnel-device", "firewall.user:38 openwrt/mape-tunnel-device",
                    "firewall.user:46 openwrt/mape-tunnel-device", "firewall.user:47 openwrt/mape-tunnel-device",
                    "firewall.user:48 openwrt/mape-tunnel-device")),
            Map.entry("ocn-units-on-biglobe", List.of("firewall.user:33 openwrt/mape-nth-spread",
                    "firewall.user:34 openwrt/mape-nth-spread", "firewall.user:36 openwrt/mape-port-range",
                    "firewall.user:37 openwrt/mape-port-range", "firewall.user:38 openwrt/mape-port-range",
                    "firewall.user:46 openwrt/mape-port-range", "firewall.user:47 openwrt/mape-port-range",
                    "firewall.user:48 openwrt/mape-port-range")),
            Map.entry("missing-zone", List.of("config/firewall:18 openwrt/firewall-zone-missing")),
            Map.entry("fw4-no-compat", List.of("config/firewall:31 openwrt/fw4-firewall-user",
                    "firewall.user:11 openwrt/fw4-firewall-user")),
            Map.entry("bad-ealen", List.of("config/network:50 openwrt/mape-ealen", "config/network:50 openwrt/mape-rule-mismatch")),
            Map.entry("fw3-chain-flush", List.of("firewall.user:12 openwrt/fw3-chain-flush",
                    "firewall.user:13 openwrt/fw3-chain-flush", "firewall.user:14 openwrt/fw3-chain-flush")),
            Map.entry("fw4-nftables", List.of()),
            Map.entry("fw4-nftables-range-in-map", List.of("nftables.d/10-mape.nft:8 openwrt/nft-map-range")),
            Map.entry("fw4-nftables-wrong-psid", List.of("nftables.d/10-mape.nft:9 openwrt/mape-psid-mismatch")),
            Map.entry("fw4-nftables-wrong-device", List.of("nftables.d/10-mape.nft:8 openwrt/mape-tunnel-device")));

    @Test
    void eachSampleShowsItsFindings() throws IOException {
        for (Map.Entry<String, List<String>> e : EXPECTED.entrySet()) {
            Path etc = SAMPLES.resolve(e.getKey()).resolve("etc");
            List<SourceFile> files = new ArrayList<>();
            try (Stream<Path> s = Files.walk(etc)) {
                for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                    String text = TextDecoder.decode(Files.readAllBytes(p));
                    LanguageId lang = LanguageDetector.detect(p.toString(), text);
                    if (lang != LanguageId.UNKNOWN) {
                        files.add(new SourceFile(p.toUri().toString(), text, lang, etc.toUri().toString()));
                    }
                }
            }
            Map<String, List<Diagnostic>> result = new Analyzer().analyze(files, AnalysisSettings.DEFAULT);
            TreeSet<String> got = new TreeSet<>();
            String root = etc.toUri().toString();
            for (List<Diagnostic> ds : result.values()) {
                for (Diagnostic d : ds) {
                    if (!d.severity().atLeast(Severity.WARNING)) continue;
                    got.add(d.uri().substring(root.length()) + ":" + (d.range().startLine() + 1) + " " + d.ruleId());
                }
            }
            assertEquals(new TreeSet<>(e.getValue()), got, e.getKey());
        }
    }
}
