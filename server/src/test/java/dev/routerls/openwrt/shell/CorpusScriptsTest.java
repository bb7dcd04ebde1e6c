package dev.routerls.openwrt.shell;

import dev.routerls.testing.ScriptFindings;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The firewall.user scripts others published (../shared/corpus/firewall-user) parse and evaluate. */
class CorpusScriptsTest {

    private static Path corpus() {
        String shared = System.getProperty("routerls.sharedDir");
        dev.routerls.testing.Shared.require(shared != null && Files.isDirectory(Path.of(shared, "corpus", "firewall-user")), "../shared/corpus/firewall-user");
        return Path.of(shared, "corpus", "firewall-user");
    }

    private static EvaluationResult evaluate(Path file, ShellScript[] parsed) throws Exception {
        parsed[0] = ShellScript.parse(file.toUri().toString(), Files.readString(file));
        EvaluationResult r = ShellEvaluator.evaluate(parsed[0], Map.of());
        System.out.printf("%s: %d syntax problems, %d commands collected, %d findings, %d steps%n",
                file.getFileName(), parsed[0].problems().size(), r.commands().size(), ScriptFindings.evaluation(parsed[0], r).size(), r.steps());
        return r;
    }

    @Test
    void everyCorpusScriptEvaluates() throws Exception {
        try (var files = Files.list(corpus())) {
            for (Path p : files.sorted().toList()) {
                ShellScript[] parsed = new ShellScript[1];
                EvaluationResult r = evaluate(p, parsed);
                assertTrue(parsed[0].problems().isEmpty(), parsed[0].problems()::toString);
                assertTrue(r.complete());
            }
        }
    }

    @Test
    void unrolledNthMarksAreCollectedInOrder() throws Exception {
        ShellScript[] parsed = new ShellScript[1];
        EvaluationResult r = evaluate(corpus().resolve("site-u2023-map-e-firewall.user.new"), parsed);
        assertEquals(30, r.commands().size());
        for (int k = 0; k < 30; k++) {
            IptablesCommand c = IptablesCommand.parse(r.commands().get(k));
            assertEquals(k < 15 ? "PREROUTING" : "OUTPUT", c.chain());
            assertEquals((long) (k % 15), c.statistic().orElseThrow().packet());
            assertEquals(10L + k % 15, c.setMark().orElseThrow().value());
        }
    }

    @Test
    void scriptThatOnlyDefinesFunctionsRunsNothing() throws Exception {
        ShellScript[] parsed = new ShellScript[1];
        EvaluationResult r = evaluate(corpus().resolve("marcelocf-linux-map-e-ocn-iptables.sh"), parsed);
        assertEquals(List.of(), r.commands());
        // the four functions are defined (three with `function name()`), none is called
        assertEquals(4, parsed[0].commands().stream().filter(c -> c instanceof ShellCommand.FunctionDefinition).count());
    }

    @Test
    void corpusHereDocumentGeneratorProducesTheSeedBlocks() throws Exception {
        Path p = corpus().resolve("marcelocf-linux-map-e-ocn-iptables.sh");
        // the script prints iptables lines through here-documents: call its generator, then run what it printed
        String text = Files.readString(p) + """

                PSID=110
                IP4=192.0.2.1
                TUNNEL_NAME=map-wan
                generated=$(iptables_ports_contents)
                echo "$generated" | while read cmd rest; do
                  [ "$cmd" = iptables ] && iptables $rest
                done
                """;
        ShellScript script = ShellScript.parse("u", text);
        assertTrue(script.problems().isEmpty(), script.problems()::toString);
        EvaluationResult r = ShellEvaluator.evaluate(script, Map.of());
        assertTrue(r.complete());
        assertEquals(75, r.commands().size(), r.problems()::toString);
        List<String> blocks = r.commands().stream().map(IptablesCommand::parse)
                .filter(c -> "icmp".equals(c.protocol()))
                .map(c -> c.natTarget().orElseThrow())
                .map(t -> t.portLow() + "-" + t.portHigh()).toList();
        assertEquals(SeedScriptEvaluationTest.SEED_PORT_BLOCKS, blocks);
    }
}
