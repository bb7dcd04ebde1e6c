package dev.routerls.rules.openwrt;

import dev.routerls.core.Severity;
import dev.routerls.openwrt.shell.ShellProblem;
import dev.routerls.rules.Example;
import dev.routerls.rules.RuleInfo;

/** {@code openwrt/shell-unevaluated} (info): the parts of firewall.user the evaluator could not follow. */
public final class ShellUnevaluatedRule extends ShellProblemRule {

    public ShellUnevaluatedRule() {
        super(RuleInfo.rule("openwrt/shell-unevaluated", Severity.INFO)
                .summary("parts of firewall.user routerls cannot evaluate, so the commands there are not checked")
                .rationale("""
                        routerls runs firewall.user in its own evaluator to see the iptables commands it really \
                        issues, with every loop and variable worked out. Some things are only known on the router: \
                        the output of a command, a variable set elsewhere, a test of a file. The commands that \
                        depend on them cannot be checked, and this note marks where, so that no finding is not \
                        mistaken for a checked script.""")
                .bad(Example.openwrt("etc/firewall.user", """
                        for dev in $(ls /sys/class/net); do
                          iptables -A forwarding_rule -i "$dev" -j ACCEPT
                        done
                        """))
                .good(Example.openwrt("etc/firewall.user", """
                        for dev in br-lan wg0; do
                          iptables -A forwarding_rule -i "$dev" -j ACCEPT
                        done
                        """))
                .tags("shell")
                .build(), ShellProblem.Kind.UNEVALUATED);
    }
}
