package dev.routerls.yamaha.catalog;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Real configurations must not be called unknown: every line of the corpus {@code *.conf} files, and
 * the config lines of seed 002 (checked as the NVR510 they come from), yields no UNKNOWN_COMMAND.
 */
class CatalogCorpusTest {
    private static final Path SHARED = Path.of(System.getProperty("routerls.sharedDir", "../shared"));

    @Test
    void corpusConfLinesAreKnown() throws IOException {
        Path dir = SHARED.resolve("corpus/yamaha");
        dev.routerls.testing.Shared.require(Files.isDirectory(dir), "../shared/corpus/yamaha");
        List<String> unknown = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".conf")).sorted().toList()) {
                String model = headerModel(f);
                int n = 0;
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    List<CatalogToken> words = LineWords.split(line, n++);
                    if (words.isEmpty()) continue;
                    checked++;
                    for (CatalogFinding c : CommandCatalog.standard().check(words, model, null)) {
                        if (c.kind() == CatalogFinding.Kind.UNKNOWN_COMMAND) unknown.add(f.getFileName() + ":" + n + ": " + line + " → " + c.message());
                    }
                }
            }
        }
        assertEquals(List.of(), unknown);
        assertTrue(checked >= 100, "corpus lines checked: " + checked);
    }

    @Test
    void seed002ConfigLinesAreKnown() throws IOException {
        Path seed;
        try (Stream<Path> s = Files.list(SHARED.resolve("seeds"))) {
            seed = s.filter(p -> p.getFileName().toString().startsWith("002")).findFirst().orElse(null);
        } catch (IOException e) {
            seed = null;
        }
        dev.routerls.testing.Shared.require(seed != null, "../shared/seeds");
        CommandCatalog catalog = CommandCatalog.standard();
        List<String> unknown = new ArrayList<>();
        int checked = 0, n = 0;
        for (String line : Files.readAllLines(seed, StandardCharsets.UTF_8)) {
            n++;
            // config lines are the ASCII lines whose first word starts a catalog command (the rest is prose and logs)
            if (!line.chars().allMatch(c -> c < 0x80)) continue;
            List<CatalogToken> words = LineWords.split(line, n);
            if (words.isEmpty()) continue;
            // show config writes commands in lower case; "NAT descriptor 31", "PP NAT for NVR500" are the post's prose
            if (!words.get(0).text().equals(words.get(0).text().toLowerCase(Locale.ROOT))) continue;
            String first = words.get(0).text().toLowerCase(Locale.ROOT);
            if (catalog.completions(List.of(), null).stream().noneMatch(c -> c.text().equals(first))) continue;
            checked++;
            for (String model : new String[]{"NVR510", "NVR500", null}) {
                for (CatalogFinding c : catalog.check(words, model, null)) {
                    if (c.kind() == CatalogFinding.Kind.UNKNOWN_COMMAND) unknown.add(n + ": " + line + " → " + c.message());
                }
            }
        }
        assertEquals(List.of(), unknown);
        assertTrue(checked > 50, "seed lines checked: " + checked);
    }

    private static void assertTrue(boolean condition, String message) {
        org.junit.jupiter.api.Assertions.assertTrue(condition, message);
    }

    /** The model named in a "# RTX1210 Rev.14.01.34 (…)" header line, or null. */
    private static String headerModel(Path f) throws IOException {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            String s = line.replaceFirst("^#\\s*", "");
            if (s.matches("[A-Za-z]+\\d+\\w* Rev\\..*")) return s.split("\\s+")[0];
        }
        return null;
    }
}
