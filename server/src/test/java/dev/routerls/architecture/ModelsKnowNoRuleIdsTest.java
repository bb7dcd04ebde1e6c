package dev.routerls.architecture;

import dev.routerls.analysis.RuleRegistry;
import dev.routerls.rules.RuleInfo;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The models and the value types below them never name a rule: a registered id written as a string in
 * their sources would mean a reader decides what a finding is called (the architecture test keeps
 * {@code Diagnostic} and {@code Severity} out of the models; this catches an id passed around as text).
 */
class ModelsKnowNoRuleIdsTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/routerls");

    @Test
    void noRegisteredRuleIdIsWrittenInAModelOrCoreSource() throws IOException {
        assertNoIdWrittenIn(List.of("core", "yamaha", "openwrt", "mape"));
    }

    /** Editor features and adapters that act on a rule's findings name it by the rule's constant, never as text. */
    @Test
    void noRegisteredRuleIdIsWrittenAboveTheRules() throws IOException {
        assertNoIdWrittenIn(List.of("trace", "services", "lsp", "cli"));
    }

    private static void assertNoIdWrittenIn(List<String> layers) throws IOException {
        List<String> ids = RuleRegistry.all().stream().map(RuleInfo::id).toList();
        List<String> found = new ArrayList<>();
        int read = 0;
        for (String layer : layers) {
            try (Stream<Path> files = Files.walk(SOURCES.resolve(layer))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(f);
                    read++;
                    for (String id : ids) {
                        if (text.contains('"' + id + '"')) found.add(SOURCES.relativize(f) + " names " + id);
                    }
                }
            }
        }
        assertTrue(read > 100, "read only " + read + " sources of " + layers + " from " + SOURCES.toAbsolutePath());
        assertEquals(List.of(), found);
    }
}
