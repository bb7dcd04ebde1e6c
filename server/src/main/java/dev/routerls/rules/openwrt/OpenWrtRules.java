package dev.routerls.rules.openwrt;

import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.uci.UciConfigs;
import dev.routerls.rules.Rule;
import dev.routerls.rules.RuleInfo;

import java.util.ArrayList;
import java.util.List;

/** The OpenWrt rules, in the order they run: UCI rules, then rules over the router as a whole. */
public final class OpenWrtRules {
    private OpenWrtRules() {
    }

    /** The rules over a router's UCI files. */
    public static List<Rule<UciConfigs>> uciRules() {
        return UCI_RULES;
    }

    // rules hold no state between runs, so one instance of each serves every analysis
    private static final List<Rule<UciConfigs>> UCI_RULES = List.of(new UciSyntaxRule(), new UciIgnoredTextRule(),
            new UciUnknownOptionRule(),
            new UciInvalidValueRule(), new UciUndefinedReferenceRule());

    /** The rules over a whole router: MAP-E parameters and SNAT script, zones, fw4, and the script readers' findings. */
    public static List<Rule<Router>> routerRules() {
        return ROUTER_RULES;
    }

    private static final List<Rule<Router>> ROUTER_RULES = List.of(
                new MapeEalenRule(),
                new MapeRuleMismatchRule(),
                new MapeLegacymapRule(),
                new MapePortRangeRule(),
                new MapePsidMismatchRule(),
                new MapeSnatUnknownRule(),
                new MapeTunnelDeviceRule(),
                new MapeNthSpreadRule(),
                new FirewallZoneMissingRule(),
                new Fw4FirewallUserRule(),
                new Fw3ChainFlushRule(),
                new NftMapRangeRule(),
                // what the script readers found, passed on under their ids
                new ShellSyntaxRule(),
                new ShellUnevaluatedRule(),
                new ShellLoopLimitRule(),
                new NftSyntaxRule());

    public static List<RuleInfo> infos() {
        List<RuleInfo> out = new ArrayList<>();
        for (Rule<UciConfigs> r : uciRules()) out.add(r.info());
        for (Rule<Router> r : routerRules()) out.add(r.info());
        return out;
    }
}
