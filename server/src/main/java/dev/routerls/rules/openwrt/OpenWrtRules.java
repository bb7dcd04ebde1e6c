package dev.routerls.rules.openwrt;

import dev.routerls.core.Severity;
import dev.routerls.openwrt.nft.NftSnippet;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.shell.ShellEvaluator;
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
    private static final List<Rule<UciConfigs>> UCI_RULES = List.of(new UciSyntaxRule(), new UciUnknownOptionRule(),
            new UciInvalidValueRule(), new UciUndefinedReferenceRule());

    /** The rules over a whole router: MAP-E parameters and SNAT script, zones, fw4. */
    public static List<Rule<Router>> routerRules() {
        return ROUTER_RULES;
    }

    private static final List<Rule<Router>> ROUTER_RULES = List.of(
                new MapeEalenRule(),
                new MapeRuleMismatchRule(),
                new MapeLegacymapRule(),
                new MapePortRangeRule(),
                new MapePsidMismatchRule(),
                new MapeTunnelDeviceRule(),
                new MapeNthSpreadRule(),
                new FirewallZoneMissingRule(),
                new Fw4FirewallUserRule(),
                new Fw3ChainFlushRule(),
                new NftMapRangeRule());

    /**
     * Findings of the firewall.user parser and evaluator and of the nftables.d reader, which the analyzer passes on (they are not
     * Rule classes but users disable and re-grade them by these ids too).
     */
    public static final List<RuleInfo> SHELL_INFOS = List.of(
            new RuleInfo(ShellEvaluator.RULE_SYNTAX, Severity.ERROR, "firewall.user / rc.local shell syntax errors"),
            new RuleInfo(ShellEvaluator.RULE_UNEVALUATED, Severity.INFO,
                    "parts of firewall.user routerls cannot evaluate, so the commands there are not checked"),
            new RuleInfo(ShellEvaluator.RULE_LOOP_LIMIT, Severity.WARNING,
                    "firewall.user evaluation stopped at the step limit"),
            new RuleInfo(NftSnippet.SYNTAX_RULE, Severity.ERROR, "nftables.d snippet syntax errors (nft then rejects it)"));

    public static List<RuleInfo> infos() {
        List<RuleInfo> out = new ArrayList<>();
        for (Rule<UciConfigs> r : uciRules()) out.add(r.info());
        for (Rule<Router> r : routerRules()) out.add(r.info());
        out.addAll(SHELL_INFOS);
        return out;
    }
}
