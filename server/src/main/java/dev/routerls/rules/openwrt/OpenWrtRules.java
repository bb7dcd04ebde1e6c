package dev.routerls.rules.openwrt;

import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.router.script.ScriptEvaluator;
import dev.routerls.openwrt.uci.UciFile;
import dev.routerls.core.Severity;
import dev.routerls.rules.Rule;
import dev.routerls.rules.RuleInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * The OpenWrt rules, in the order they run: rules over one UCI file ({@link #uciRules()}), then rules
 * over the whole router ({@link #routerRules()}).
 */
public final class OpenWrtRules {
    private OpenWrtRules() {
    }

    /** Notes of the firewall.user evaluator (what it could not follow, the step limit). */
    public static final RuleInfo SHELL_EVALUATION = new RuleInfo(ScriptEvaluator.RULE_ID, Severity.INFO,
            "parts of firewall.user that routerls cannot evaluate, so the commands there are not checked");

    /** Rules over one UCI file (syntax, schema); filled in by the UCI work. */
    public static List<Rule<UciFile>> uciRules() {
        return List.of();
    }

    /** Rules over the router as a whole (MAP-E, zones, fw4). */
    public static List<Rule<Router>> routerRules() {
        return List.of(
                new MapeEalenRule(),
                new MapeRuleMismatchRule(),
                new MapeLegacymapRule(),
                new MapePortRangeRule(),
                new MapePsidMismatchRule(),
                new MapeTunnelDeviceRule(),
                new MapeNthSpreadRule(),
                new FirewallZoneMissingRule(),
                new Fw4FirewallUserRule());
    }

    public static List<RuleInfo> infos() {
        List<RuleInfo> out = new ArrayList<>();
        uciRules().forEach(r -> out.add(r.info()));
        routerRules().forEach(r -> out.add(r.info()));
        out.add(SHELL_EVALUATION);
        return out;
    }
}
