package dev.routerls.robustness;

import dev.routerls.testing.ScriptFindings;
import dev.routerls.core.Diagnostic;
import dev.routerls.openwrt.shell.EvaluationResult;
import dev.routerls.openwrt.shell.ShellEvaluator;
import dev.routerls.openwrt.shell.ShellScript;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scripts written to run forever or blow up: the evaluator must stop on its own, say why, and keep its
 * findings inside the document. (It never runs anything; these only test its bounds.)
 */
class ShellAdversarialTest {
    private static final Map<String, String> SCRIPTS = new LinkedHashMap<>();

    static {
        SCRIPTS.put("endless loop", "while :; do :; done\niptables -A INPUT -j ACCEPT\n");
        SCRIPTS.put("endless until", "until false; do x=1; done\n");
        SCRIPTS.put("self recursion", "f() { f; }\nf\n");
        SCRIPTS.put("fork bomb", ":(){ :|:& };:\n");
        SCRIPTS.put("mutual recursion", "a() { b \"$1$1\"; }\nb() { a \"$1\"; }\na x\n");
        SCRIPTS.put("string doubling", "x=ab\nwhile :; do x=\"$x$x\"; done\necho \"$x\"\n");
        SCRIPTS.put("string doubling in a for", "x=ab\nfor i in $(seq 1 64); do x=\"$x$x$x$x\"; done\niptables -A X -m comment --comment \"$x\"\n");
        SCRIPTS.put("doubling recursion", "f() { f \"$1$1\"; }\nf ab\n");
        SCRIPTS.put("huge seq", "for i in $(seq 1 2000000000); do iptables -A X -p tcp --dport $i -j ACCEPT; done\n");
        SCRIPTS.put("huge arithmetic", "x=$(( 1 << 62 ))\ny=$(( x * x * x ))\nz=$(( 1 / 0 ))\nw=$(( -9223372036854775807 - 1 ))\nv=$(( w / -1 ))\n");
        SCRIPTS.put("nested loops", "for a in $(seq 1 1000); do for b in $(seq 1 1000); do for c in $(seq 1 1000); do :; done; done; done\n");
        SCRIPTS.put("deep substitution", "x=" + "$(echo ".repeat(200) + "1" + ")".repeat(200) + "\n");
        SCRIPTS.put("deep subshells", "(".repeat(3000) + "echo hi" + ")".repeat(3000) + "\niptables -A INPUT -j DROP\n");
        SCRIPTS.put("deep if", "if true; then ".repeat(500) + ":" + "; fi".repeat(500) + "\n");
        SCRIPTS.put("printf width", "printf '%999999999d' 1\nx=$(printf '%*s' 2000000000 a)\n");
        SCRIPTS.put("read forever", "while read line; do echo \"$line\"; done\n");
        SCRIPTS.put("eval self", "s='eval \"$s\"'\neval \"$s\"\n");
    }

    @Test
    void adversarialScriptsFinishWithFindingsInsideTheDocument() {
        List<String> failures = new ArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> SCRIPTS.forEach((name, text) -> {
            String uri = "file:///adversarial/" + name.replace(' ', '-');
            try {
                ShellScript script = ShellScript.parse(uri, text);
                EvaluationResult r = ShellEvaluator.evaluate(script, Map.of());
                List<Diagnostic> all = ScriptFindings.of(script, r);
                List<String> p = DocumentChecks.problems(all, Map.of(uri, text), uri);
                if (!p.isEmpty()) failures.add(name + ": " + p);
                System.out.printf("adversarial %-26s steps %6d complete %-5s findings %s%n", name, r.steps(), r.complete(),
                        all.stream().map(Diagnostic::ruleId).distinct().toList());
            } catch (Throwable t) {
                failures.add(name + ": threw " + t);
            }
        }), "an adversarial script did not finish");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void anEndlessLoopIsReportedAndTheCommandsAfterItAreNotGuessed() {
        String text = SCRIPTS.get("endless loop");
        ShellScript script = ShellScript.parse("file:///loop", text);
        EvaluationResult r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> ShellEvaluator.evaluate(script, Map.of()));
        List<Diagnostic> found = ScriptFindings.evaluation(script, r);
        assertTrue(found.stream().anyMatch(d -> d.ruleId().equals("openwrt/shell-loop-limit")
                && d.range().startLine() == 0), found.toString());
        assertTrue(!r.complete(), "evaluation stopped at the step limit");
    }

    @Test
    void tooDeepNestingIsOneSyntaxFindingAndTheRestOfTheScriptIsRead() {
        String text = "(".repeat(5000) + "\niptables -A INPUT -j DROP\n";
        ShellScript s = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> ShellScript.parse("file:///deep", text));
        List<Diagnostic> found = ScriptFindings.syntax(s);
        assertTrue(found.stream().anyMatch(d -> d.ruleId().equals("openwrt/shell-syntax") && d.range().startLine() == 0),
                found.toString());
        EvaluationResult r = ShellEvaluator.evaluate(s, Map.of());
        assertTrue(r.commands().stream().anyMatch(c -> c.isIptables() && c.range().startLine() == 1), r.commands().toString());
    }
}
