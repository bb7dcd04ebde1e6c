package dev.routerls.rules.openwrt;

import dev.routerls.openwrt.shell.ShellProblem;
import dev.routerls.rules.BaseRule;
import dev.routerls.rules.Findings;
import dev.routerls.rules.RuleInfo;
import dev.routerls.openwrt.router.Router;

import java.util.List;

/**
 * A rule that reports one kind of the problems the shell reader or evaluator found in the router's scripts:
 * the reader says what and where, the rule gives it its id and severity.
 */
public abstract class ShellProblemRule extends BaseRule<Router> {
    private final ShellProblem.Kind kind;

    ShellProblemRule(RuleInfo info, ShellProblem.Kind kind) {
        super(info);
        this.kind = kind;
    }

    /** Reports the problems of this rule's kind among {@code problems}, found in document {@code uri}. */
    public final void check(String uri, List<ShellProblem> problems, Findings out) {
        for (ShellProblem p : problems) {
            if (p.kind() == kind) out.report(uri, p.range(), p.message());
        }
    }
}
