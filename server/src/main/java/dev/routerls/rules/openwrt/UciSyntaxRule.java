package dev.routerls.rules.openwrt;

import dev.routerls.core.Severity;
import dev.routerls.openwrt.uci.UciConfigs;
import dev.routerls.openwrt.uci.UciFile;
import dev.routerls.openwrt.uci.UciProblem;
import dev.routerls.rules.Findings;
import dev.routerls.rules.Rule;
import dev.routerls.rules.RuleInfo;

/** Reports what the UCI reader found while reading each file, in libuci's own words. */
public final class UciSyntaxRule implements Rule<UciConfigs> {
    public static final RuleInfo INFO = new RuleInfo("openwrt/uci-syntax", Severity.ERROR,
            "UCI syntax that libuci rejects (it then ignores the whole file) or reads differently than it looks");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(UciConfigs model, Findings out) {
        for (UciFile f : model.uciFiles()) {
            for (UciProblem p : f.problems()) out.report(p.severity(), f.uri(), p.range(), p.message());
        }
    }
}
