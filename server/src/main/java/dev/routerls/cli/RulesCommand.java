package dev.routerls.cli;

import dev.routerls.rules.RuleInfo;
import dev.routerls.analysis.RuleRegistry;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code routerls rules}: every rule id with its default severity and what it checks. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "List the rules with their ids and default severities.")
final class RulesCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        for (RuleInfo r : RuleRegistry.all()) {
            System.out.printf("%-36s %-8s %s%n", r.id(), r.defaultSeverity().label(), r.summary());
        }
        return 0;
    }
}
