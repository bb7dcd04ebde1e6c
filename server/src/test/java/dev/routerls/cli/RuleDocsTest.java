package dev.routerls.cli;

import dev.routerls.analysis.RuleRegistry;
import dev.routerls.robustness.LintRun;
import dev.routerls.rules.RuleInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rule pages, the README table, {@code routerls rules} and {@code explain} all come from the rule metadata. */
class RuleDocsTest {
    private static final Path PROJECT = Path.of(System.getProperty("routerls.projectDir", ".."));

    @Test
    void committedDocsAreWhatTheMetadataGenerates() throws IOException {
        List<String> stale = GenerateDocsCommand.drift(PROJECT);
        assertEquals(List.of(), stale, "rule docs drifted from the rule metadata; regenerate them with "
                + "`mvn -B -q package -DskipTests && java -jar server/target/routerls.jar generate-docs .` and commit");
    }

    @Test
    void generateDocsWritesPagesRemovesStaleOnesAndChecks(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("README.md"), "# x\n\n" + RuleDocs.TABLE_BEGIN + "\nold\n" + RuleDocs.TABLE_END + "\ntail\n");
        Files.createDirectories(dir.resolve("docs/rules/yamaha"));
        Files.writeString(dir.resolve("docs/rules/yamaha/gone.md"), "old rule");
        LintRun check = LintRun.of("generate-docs", "--check", dir.toString());
        assertEquals(1, check.exit(), check.describe());
        assertTrue(check.out().contains("docs/rules/yamaha/gone.md (no such rule)"), check.describe());
        assertEquals(0, LintRun.of("generate-docs", dir.toString()).exit());
        assertEquals(0, LintRun.of("generate-docs", "--check", dir.toString()).exit());
        assertTrue(Files.notExists(dir.resolve("docs/rules/yamaha/gone.md")));
        String readme = Files.readString(dir.resolve("README.md"));
        assertTrue(readme.startsWith("# x\n") && readme.endsWith(RuleDocs.TABLE_END + "\ntail\n"), readme);
        for (RuleInfo r : RuleRegistry.all()) {
            assertTrue(readme.contains("[`" + r.id() + "`](docs/rules/" + r.id() + ".md) | " + r.defaultSeverity().label()), r.id());
        }
    }

    @Test
    void explainPrintsTheRulePageForEveryRule() {
        for (RuleInfo r : RuleRegistry.all()) {
            LintRun run = LintRun.of("explain", r.id());
            assertEquals(0, run.exit(), run.describe());
            assertEquals(RuleDocs.page(r), run.out());
            assertTrue(run.out().contains(r.rationale()) && run.out().contains("routerls-disable-next-line " + r.id()), r.id());
            r.bad().ifPresent(e -> e.files().forEach(f -> assertTrue(run.out().contains(f.text()), r.id())));
        }
    }

    @Test
    void explainOfAnUnknownRuleSuggestsTheNearestAndExits2() {
        LintRun run = LintRun.of("explain", "yamaha/nat-outer-proxyarp");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("did you mean yamaha/nat-outer-proxy-arp"), run.describe());
    }

    @Test
    void rulesListsEveryRegisteredRule() {
        LintRun run = LintRun.of("rules");
        assertEquals(RuleRegistry.all().size(), run.lines().size(), run.describe());
        for (RuleInfo r : RuleRegistry.all()) {
            assertTrue(run.lines().stream().anyMatch(l -> l.startsWith(r.id() + " ") && l.contains(r.summary())), r.id());
        }
    }
}
