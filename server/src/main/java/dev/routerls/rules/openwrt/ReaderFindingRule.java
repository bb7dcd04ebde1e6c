package dev.routerls.rules.openwrt;

import dev.routerls.core.Diagnostic;
import dev.routerls.openwrt.router.Router;
import dev.routerls.rules.BaseRule;
import dev.routerls.rules.Findings;
import dev.routerls.rules.RuleInfo;

import java.util.stream.Stream;

/**
 * A rule that passes on what a reader of the router's scripts found (the shell parser and evaluator, the
 * nftables.d reader) under its own id. The readers still name the id where they find the problem; the
 * rule gives it the registered metadata and severity, and the runner applies the user's settings.
 */
abstract class ReaderFindingRule extends BaseRule<Router> {

    ReaderFindingRule(RuleInfo info) {
        super(info);
    }

    /** What the readers of this router found (all ids); the rule keeps those with its own. */
    abstract Stream<Diagnostic> found(Router router);

    @Override
    public final void check(Router router, Findings out) {
        found(router).filter(d -> d.ruleId().equals(info().id()))
                .forEach(d -> out.report(d.uri(), d.range(), d.message(), d.fixes()));
    }
}
