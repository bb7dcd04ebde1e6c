package dev.routerls.rules.openwrt;

import dev.routerls.core.Severity;
import dev.routerls.openwrt.shell.ShellProblem;
import dev.routerls.rules.Example;
import dev.routerls.rules.RuleInfo;

/** {@code openwrt/shell-loop-limit}: firewall.user evaluation that hit the step limit. */
public final class ShellLoopLimitRule extends ShellProblemRule {

    public ShellLoopLimitRule() {
        super(RuleInfo.rule("openwrt/shell-loop-limit", Severity.WARNING)
                .summary("firewall.user evaluation stopped at the step limit (a loop that does not end)")
                .rationale("""
                        routerls evaluates firewall.user step by step and stops after a fixed number of steps. A \
                        loop that reaches the limit usually never ends on the router either (a counter that is \
                        never increased, a condition that stays true), which keeps the firewall start-up script \
                        from finishing. The commands after that point are not checked.""")
                .bad(Example.openwrt("etc/firewall.user", """
                        rule=1
                        while [ $rule -le 15 ]; do
                          iptables -t nat -A POSTROUTING -o map-wan_map -j MASQUERADE
                        done
                        """))
                .good(Example.openwrt("etc/firewall.user", """
                        rule=1
                        while [ $rule -le 15 ]; do
                          iptables -t nat -A POSTROUTING -o map-wan_map -j MASQUERADE
                          rule=$((rule + 1))
                        done
                        """))
                .tags("shell")
                .build(), ShellProblem.Kind.STEP_LIMIT);
    }
}
