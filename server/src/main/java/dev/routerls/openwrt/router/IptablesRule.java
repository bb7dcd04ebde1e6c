package dev.routerls.openwrt.router;

import dev.routerls.openwrt.shell.EvaluatedCommand;
import dev.routerls.openwrt.shell.IptablesCommand;

/**
 * One iptables/ip6tables command firewall.user would run: the evaluated command (where it is in the
 * script) and its options read by {@link IptablesCommand}.
 */
public record IptablesRule(EvaluatedCommand source, IptablesCommand command) {

    /** True for commands that add a rule (-A, -I, -R), as opposed to flushes, deletions and checks. */
    public boolean adds() {
        return switch (command.operation()) {
            case APPEND, INSERT, REPLACE -> true;
            default -> false;
        };
    }

    public boolean isIpv4Nat() {
        return command.family() == IptablesCommand.Family.IPV4 && "nat".equals(command.table());
    }
}
