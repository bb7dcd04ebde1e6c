package dev.routerls.rules.openwrt;

import dev.routerls.openwrt.uci.UciConfigs;
import dev.routerls.rules.Rule;
import dev.routerls.rules.RuleInfo;

import java.util.ArrayList;
import java.util.List;

/** The OpenWrt rules, in the order they run. */
public final class OpenWrtRules {
    private OpenWrtRules() {
    }

    /** The rules over a router's UCI files. */
    public static List<Rule<UciConfigs>> uciRules() {
        return List.of(new UciSyntaxRule(), new UciUnknownOptionRule(), new UciInvalidValueRule(),
                new UciUndefinedReferenceRule());
    }

    public static List<RuleInfo> infos() {
        List<RuleInfo> out = new ArrayList<>();
        for (Rule<UciConfigs> r : uciRules()) out.add(r.info());
        return out;
    }
}
