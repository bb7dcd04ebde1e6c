package dev.routerls.openwrt.uci;

import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.SourceFile;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.LanguageId;
import dev.routerls.core.TextDecoder;
import dev.routerls.analysis.OpenWrtAnalyzer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every UCI file of the shared corpus (real configs shipped by OpenWrt packages, all of which libuci
 * loads) must read without any finding of any rule.
 */
class UciCorpusTest {

    static Path shared() {
        return Path.of(System.getProperty("routerls.sharedDir", "../../shared")).toAbsolutePath().normalize();
    }

    /** The corpus names files after their place in the source tree; the package is the last part. */
    static String packageOf(Path p) {
        String name = p.getFileName().toString();
        for (String marker : new String[]{"_etc_config_", "_files_"}) {
            int i = name.lastIndexOf(marker);
            if (i >= 0) {
                name = name.substring(i + marker.length());
                break;
            }
        }
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    @Test
    void everyCorpusFileReadsWithoutSyntaxFindings() throws IOException {
        Path dir = shared().resolve("corpus/uci");
        assertTrue(Files.isDirectory(dir), "corpus not found at " + dir);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        Map<String, Integer> counts = new TreeMap<>();
        List<String> syntax = new ArrayList<>();
        List<String> ownPackageFindings = new ArrayList<>();
        for (Path p : files) {
            String text = TextDecoder.decode(Files.readAllBytes(p));
            // each file is its own router, under its package's name
            String uri = "file:///corpus/etc/config/" + packageOf(p);
            Map<String, List<Diagnostic>> result = new OpenWrtAnalyzer().analyze(
                    List.of(new SourceFile(uri, text, LanguageId.OPENWRT_UCI, null)), AnalysisSettings.DEFAULT);
            for (Diagnostic d : result.getOrDefault(uri, List.of())) {
                counts.merge(d.ruleId(), 1, Integer::sum);
                String line = p.getFileName() + " " + d.range() + " " + d.ruleId() + ": " + d.message();
                if (d.ruleId().equals("openwrt/uci-syntax")) syntax.add(line);
                if (d.ruleId().equals("openwrt/unknown-option") || d.ruleId().equals("openwrt/invalid-value")) {
                    ownPackageFindings.add(line);
                }
            }
        }
        System.out.println("UCI corpus: " + files.size() + " files; findings by rule: " + counts);
        ownPackageFindings.forEach(l -> System.out.println("  " + l));
        assertEquals(List.of(), syntax);
        assertEquals(List.of(), ownPackageFindings);
        assertEquals(Map.of(), counts, "findings of any kind");
        assertTrue(files.size() >= 100, "expected the whole corpus, found " + files.size());
    }

    @Test
    void seedRouterFilesReadClean() throws IOException {
        String seed;
        try (Stream<Path> s = Files.list(shared().resolve("seeds"))) {
            Path p = s.filter(f -> f.getFileName().toString().startsWith("000_")).findFirst().orElseThrow();
            seed = Files.readString(p);
        }
        for (String pkg : new String[]{"network", "dhcp"}) {
            String text = seedSection(seed, "/etc/config/" + pkg);
            UciFile f = UciReader.read("file:///seed/etc/config/" + pkg, text);
            assertEquals(List.of(), f.problems(), pkg);
            assertTrue(f.sections().size() >= 3, pkg + " sections: " + f.sections());
        }
    }

    /** The lines after a "/etc/config/x" heading up to the next heading (a line that is not UCI). */
    static String seedSection(String seed, String heading) {
        int at = seed.indexOf("\n" + heading + "\n");
        assertTrue(at >= 0, "seed has no " + heading);
        StringBuilder out = new StringBuilder();
        for (String line : seed.substring(at + heading.length() + 2).split("\n", -1)) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("config ") && !t.startsWith("option ") && !t.startsWith("list ")) break;
            out.append(line).append('\n');
        }
        return out.toString();
    }
}
