package dev.routerls.rules.openwrt;

import dev.routerls.core.Severity;
import dev.routerls.openwrt.shell.ShellProblem;
import dev.routerls.rules.Example;
import dev.routerls.rules.RuleInfo;

/** {@code openwrt/shell-syntax}: the syntax errors the shell parser found in firewall.user and rc.local. */
public final class ShellSyntaxRule extends ShellProblemRule {

    public ShellSyntaxRule() {
        super(RuleInfo.rule("openwrt/shell-syntax", Severity.ERROR)
                .summary("firewall.user / rc.local shell syntax errors")
                .rationale("""
                        /etc/firewall.user and /etc/rc.local are run by the shell when the firewall or the router \
                        starts. A syntax error makes the shell give up on the script, so its firewall commands \
                        never run, and the error only reaches a log nobody reads. routerls parses the scripts as a \
                        POSIX shell does and points at the error.""")
                .bad(Example.openwrt("etc/firewall.user", """
                        for dev in br-lan wg0; do
                          iptables -A forwarding_rule -i "$dev" -j ACCEPT
                        """))
                .good(Example.openwrt("etc/firewall.user", """
                        for dev in br-lan wg0; do
                          iptables -A forwarding_rule -i "$dev" -j ACCEPT
                        done
                        """))
                .tags("syntax", "shell")
                .build(), ShellProblem.Kind.SYNTAX);
    }
}
