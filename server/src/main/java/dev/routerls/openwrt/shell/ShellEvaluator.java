package dev.routerls.openwrt.shell;

import java.util.Map;

/**
 * Evaluates a parsed firewall.user-style script without running anything on a router and returns
 * the iptables/ip6tables/nft commands it would run. Values that depend on the router stay unknown
 * (never guessed); loops are bounded by a step limit.
 */
public final class ShellEvaluator {
    /** Commands run, loop passes and words past the 64th of a command line, before evaluation gives up. */
    public static final int DEFAULT_STEP_LIMIT = 100_000;

    private ShellEvaluator() {
    }

    /**
     * @param presets variables set before the script starts (e.g. values a caller took from UCI);
     *                everything else starts unset, as in a fresh shell
     */
    public static EvaluationResult evaluate(ShellScript script, Map<String, String> presets) {
        return evaluate(script, presets, DEFAULT_STEP_LIMIT);
    }

    public static EvaluationResult evaluate(ShellScript script, Map<String, String> presets, int stepLimit) {
        return new Interpreter(script.uri(), stepLimit, presets).run(script);
    }
}
