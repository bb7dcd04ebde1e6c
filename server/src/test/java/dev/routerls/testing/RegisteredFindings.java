package dev.routerls.testing;

import dev.routerls.analysis.RuleRegistry;
import dev.routerls.core.Diagnostic;
import dev.routerls.rules.RuleInfo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every finding routerls emits must carry a registered rule id and, with default settings, that rule's
 * severity: users configure, suppress and look up findings by id, so an unregistered id or a second
 * severity under one id is a defect. The fixture helpers check every finding they see with this.
 */
public final class RegisteredFindings {
    private RegisteredFindings() {
    }

    /** The findings that break the contract, described; empty when all are fine. */
    public static List<String> violations(Collection<Diagnostic> found) {
        List<String> out = new ArrayList<>();
        for (Diagnostic d : found) {
            Optional<RuleInfo> rule = RuleRegistry.find(d.ruleId());
            if (rule.isEmpty()) {
                out.add("unregistered rule id " + d.ruleId() + " @" + d.range() + ": " + d.message());
            } else if (rule.get().defaultSeverity() != d.severity()) {
                out.add(d.ruleId() + " @" + d.range() + " is " + d.severity().label() + ", but the rule's severity is "
                        + rule.get().defaultSeverity().label());
            }
        }
        return out;
    }

    /** Asserts the contract for findings computed with default settings. */
    public static void check(Collection<Diagnostic> found) {
        List<String> bad = violations(found);
        assertTrue(bad.isEmpty(), () -> String.join("\n", bad));
    }
}
