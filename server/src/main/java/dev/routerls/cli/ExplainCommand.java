package dev.routerls.cli;

import dev.routerls.analysis.RuleRegistry;
import dev.routerls.core.Spelling;
import dev.routerls.rules.RuleInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code routerls explain RULE}: the rule's documentation page (what it finds, why, examples, how to turn it off). */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain a rule: what it finds, why it matters, a reported and a clean example, how to suppress it.")
final class ExplainCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RULE", description = "a rule id, e.g. yamaha/nat-outer-proxy-arp (routerls rules lists them)")
    String rule;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Optional<RuleInfo> r = RuleRegistry.find(rule);
        if (r.isEmpty()) {
            String hint = Spelling.closest(rule, RuleRegistry.all().stream().map(RuleInfo::id).toList(), 6)
                    .map(s -> "; did you mean " + s + "?").orElse(" (routerls rules lists them)");
            System.err.println("routerls explain: unknown rule '" + rule + "'" + hint);
            return 2;
        }
        out.print(RuleDocs.page(r.get()));
        return 0;
    }
}
