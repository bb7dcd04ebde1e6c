package dev.routerls.rules.openwrt;

import dev.routerls.openwrt.shell.ShellProblem;
import dev.routerls.rules.BaseRule;
import dev.routerls.rules.Findings;
import dev.routerls.rules.RuleInfo;
import dev.routerls.openwrt.router.Router;

import java.util.List;

/**
 * A rule that reports one kind of the problems the shell reader or evaluator found in the router's scripts:
 * the reader says what and where, the rule gives it its id and severity. Syntax problems are the reader's (of
 * firewall.user and rc.local), the other kinds the evaluator's (of firewall.user).
 */
public abstract class ShellProblemRule extends BaseRule<Router> {
    private final ShellProblem.Kind kind;

    ShellProblemRule(RuleInfo info, ShellProblem.Kind kind) {
        super(info);
        this.kind = kind;
    }

    @Override
    public final void check(Router router, Findings out) {
        if (kind == ShellProblem.Kind.SYNTAX) {
            router.firewallUser().ifPresent(s -> check(s.uri(), s.problems(), out));
            router.rcLocal().ifPresent(s -> check(s.uri(), s.problems(), out));
        } else {
            router.firewallUserRun().ifPresent(run -> check(router.firewallUser().orElseThrow().uri(), run.problems(), out));
        }
    }

    /** Reports the problems of this rule's kind among {@code problems}, found in document {@code uri}. */
    public final void check(String uri, List<ShellProblem> problems, Findings out) {
        for (ShellProblem p : problems) {
            if (p.kind() == kind) out.report(uri, p.range(), p.message());
        }
    }
}
