package dev.routerls.robustness;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end over the shared corpus (real configs written by others), through the CLI's JSON output:
 * every file is recognised and analysed without an internal failure, and OpenWrt's own UCI files read
 * without a syntax finding. Prints the findings per rule (a figure, not an assertion).
 */
class CorpusLintTest {
    private static final Map<String, String> FOLDER_LANGUAGE = Map.of(
            "uci", "openwrt-uci", "yamaha", "yamaha-rtx", "firewall-user", "openwrt-firewall-user");

    private static Path corpus() {
        String base = System.getProperty("routerls.sharedDir");
        Path dir = base == null ? null : Path.of(base).resolve("corpus");
        dev.routerls.testing.Shared.require(dir != null && Files.isDirectory(dir), "../shared/corpus");
        return dir;
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void everyCorpusFileLintsWithoutInternalFailureAndUciReadsClean() throws IOException {
        Path corpus = corpus();
        List<String> args = new ArrayList<>(List.of("lint", "--format", "json", "--fail-on", "none"));
        for (String folder : new TreeMap<>(FOLDER_LANGUAGE).keySet()) args.add(corpus.resolve(folder).toString());
        LintRun r = LintRun.of(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.describe());
        assertEquals("", r.err());

        Map<String, JsonObject> byPath = new TreeMap<>();
        for (JsonObject f : r.files()) byPath.put(f.get("path").getAsString(), f);

        Map<String, Integer> perRule = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        int fileCount = 0;
        for (String folder : new TreeMap<>(FOLDER_LANGUAGE).keySet()) {
            for (Path file : filesUnder(corpus.resolve(folder))) {
                fileCount++;
                JsonObject f = byPath.get(file.toString());
                if (f == null) {
                    problems.add(file + ": not recognised, so not analysed");
                    continue;
                }
                if (!f.get("language").getAsString().equals(FOLDER_LANGUAGE.get(folder))) {
                    problems.add(file + ": recognised as " + f.get("language").getAsString());
                }
                for (JsonElement e : f.getAsJsonArray("diagnostics")) {
                    JsonObject d = e.getAsJsonObject();
                    String rule = d.get("rule").getAsString();
                    perRule.merge(rule, 1, Integer::sum);
                    String at = file + ":" + d.get("line") + ":" + d.get("column") + " " + rule + ": " + d.get("message").getAsString();
                    if (rule.equals("routerls/internal")) problems.add(at);
                    if (folder.equals("uci") && rule.equals("openwrt/uci-syntax")) problems.add(at);
                    if (d.get("line").getAsInt() < 1 || d.get("column").getAsInt() < 1) problems.add("position not 1-based: " + at);
                }
            }
        }
        System.out.printf("corpus lint: %d files, %d findings%n", fileCount, perRule.values().stream().mapToInt(Integer::intValue).sum());
        perRule.forEach((rule, n) -> System.out.printf("  %-36s %5d%n", rule, n));
        assertFalse(byPath.isEmpty());
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void eachCorpusFileAloneAlsoLints() throws IOException {
        Path corpus = corpus();
        List<String> problems = new ArrayList<>();
        for (Path file : filesUnder(corpus)) {
            LintRun r = LintRun.of("lint", "--format", "json", "--fail-on", "none", file.toString());
            if (r.exit() != 0 || !r.err().isEmpty()) {
                problems.add(file + ": " + r.describe());
                continue;
            }
            if (r.out().contains("routerls/internal")) problems.add(file + ": internal finding");
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
