package dev.routerls.rules.openwrt;

import dev.routerls.rules.RuleInfo;

import java.util.List;

/** The OpenWrt rules, in the order they run. (Filled in by issue 3.) */
public final class OpenWrtRules {
    private OpenWrtRules() {
    }

    public static List<RuleInfo> infos() {
        return List.of();
    }
}
