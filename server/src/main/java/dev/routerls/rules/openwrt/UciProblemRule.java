package dev.routerls.rules.openwrt;

import dev.routerls.openwrt.uci.UciConfigs;
import dev.routerls.openwrt.uci.UciFile;
import dev.routerls.openwrt.uci.UciProblem;
import dev.routerls.rules.BaseRule;
import dev.routerls.rules.Findings;
import dev.routerls.rules.RuleInfo;

/**
 * A rule that reports the UCI reader's problems of one kind: those for which libuci refuses the whole file, or
 * those it reads silently differently. The reader says what and where; the rule gives the id and severity.
 */
abstract class UciProblemRule extends BaseRule<UciConfigs> {
    private final boolean rejectsFile;

    UciProblemRule(RuleInfo info, boolean rejectsFile) {
        super(info);
        this.rejectsFile = rejectsFile;
    }

    @Override
    public final void check(UciConfigs model, Findings out) {
        for (UciFile f : model.uciFiles()) {
            for (UciProblem p : f.problems()) {
                if (p.rejectsFile() == rejectsFile) out.report(f.uri(), p.range(), p.message());
            }
        }
    }
}
