package dev.routerls.rules;

import dev.routerls.rules.openwrt.OpenWrtRules;
import dev.routerls.rules.yamaha.YamahaRules;

import java.util.ArrayList;
import java.util.List;

/**
 * Every rule routerls knows. Each language keeps its own ordered list ({@link YamahaRules},
 * {@link OpenWrtRules}); ids are stable because users disable and re-grade rules by id.
 */
public final class RuleRegistry {
    private RuleRegistry() {
    }

    public static List<RuleInfo> all() {
        List<RuleInfo> out = new ArrayList<>(YamahaRules.infos());
        out.addAll(OpenWrtRules.infos());
        out.add(new RuleInfo(dev.routerls.core.AnalysisBudget.RULE, dev.routerls.core.Severity.INFO,
                "a part of a file was not analysed because the analysis ran past its time budget"));
        return out;
    }
}
