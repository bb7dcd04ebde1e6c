package dev.routerls.analysis;

import dev.routerls.rules.Findings;
import dev.routerls.rules.Rule;
import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.Cancellation;
import dev.routerls.core.Diagnostic;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a list of rules over one model, honouring the user's disable/severity settings. A rule that
 * throws is reported as an internal finding instead of taking the rest of the analysis down.
 */
public final class RuleRunner {
    private RuleRunner() {
    }

    public static <M> List<Diagnostic> run(List<? extends Rule<M>> rules, M model, String uri,
                                           AnalysisSettings settings) {
        return run(rules, model, uri, settings, Cancellation.NONE);
    }

    /** As above, looking at {@code cancel} before each rule (a cancelled run throws, see {@link Cancellation}). */
    public static <M> List<Diagnostic> run(List<? extends Rule<M>> rules, M model, String uri,
                                           AnalysisSettings settings, Cancellation cancel) {
        List<Diagnostic> out = new ArrayList<>();
        for (Rule<M> rule : rules) {
            cancel.check();
            if (!settings.enabled(rule.info().id())) continue;
            List<Diagnostic> found = new ArrayList<>();
            try {
                rule.check(model, new Findings(rule.info(), uri, found));
            } catch (RuntimeException e) {
                found.clear();
                found.add(InternalFailure.at(uri, "rule " + rule.info().id(), e));
            }
            for (Diagnostic d : found) out.add(settings.apply(d));
        }
        return out;
    }
}
