package dev.routerls.robustness;

import dev.routerls.testing.ScriptFindings;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.BeforeAll;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.TextDecoder;
import dev.routerls.openwrt.shell.EvaluatedCommand;
import dev.routerls.openwrt.shell.EvaluationResult;
import dev.routerls.openwrt.shell.ShellEvaluator;
import dev.routerls.openwrt.shell.ShellScript;

import java.util.List;
import java.util.Map;

/**
 * Coverage-guided fuzzing of the firewall.user shell lexer, parser and evaluator: whatever the script,
 * parsing and evaluation finish (the evaluator within its step limit), every finding and every evaluated
 * command lies inside the script, the findings name registered rules, and two runs agree.
 */
class ShellFuzzTest {
    /** Smaller than the analysis default so that each input stays fast; the bound itself is what is tested. */
    private static final int STEPS = 5_000;

    @BeforeAll
    static void seeds() {
        FuzzSeeds.install(ShellFuzzTest.class, "firewallUser", FuzzSeeds.scripts());
    }

    @FuzzTest(maxDuration = "30s")
    void firewallUser(byte[] input) {
        check(input);
    }

    static void check(byte[] input) {
        String text = TextDecoder.decode(input);
        String uri = "file:///fuzz/etc/firewall.user";
        ShellScript script = ShellScript.parse(uri, text);
        EvaluationResult run = ShellEvaluator.evaluate(script, Map.of(), STEPS);
        List<Diagnostic> all = ScriptFindings.of(script, run);
        FuzzChecks.findings(all, uri, text, List.of());
        for (EvaluatedCommand c : run.commands()) FuzzChecks.inside(c.range(), text, "evaluated command");
        if (run.steps() > STEPS + 1) throw new AssertionError("evaluation ran " + run.steps() + " steps past its limit " + STEPS);

        ShellScript again = ShellScript.parse(uri, text);
        FuzzChecks.same(ScriptFindings.syntax(script), ScriptFindings.syntax(again), "shell syntax findings");
        EvaluationResult rerun = ShellEvaluator.evaluate(again, Map.of(), STEPS);
        FuzzChecks.same(ScriptFindings.evaluation(script, run), ScriptFindings.evaluation(again, rerun), "evaluation findings");
        FuzzChecks.same(run.commands().stream().map(EvaluatedCommand::toString).toList(),
                rerun.commands().stream().map(EvaluatedCommand::toString).toList(), "evaluated commands");
    }
}
