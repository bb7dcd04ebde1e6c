package dev.routerls.openwrt.router;

import dev.routerls.core.SourceRange;
import dev.routerls.mape.Ipv4Address;
import dev.routerls.mape.PortRange;
import dev.routerls.openwrt.shell.IptablesCommand;

import java.util.Optional;

/**
 * The {@code --to-source IP[:lo-hi]} of an iptables SNAT rule. {@code ipv4} and {@code ports} are
 * empty when the text does not give them or the value is unknown (see {@link #known()}).
 */
public record SnatTarget(IptablesRule rule, IptablesCommand.NatTarget target, Optional<Ipv4Address> ipv4,
                         Optional<PortRange> ports) {

    /** The SNAT target of {@code rule}, if it is an IPv4 SNAT rule that adds to a chain. */
    public static Optional<SnatTarget> of(IptablesRule rule) {
        if (!rule.adds() || !"SNAT".equals(rule.command().target())) return Optional.empty();
        Optional<IptablesCommand.NatTarget> t = rule.command().natTarget();
        if (t.isEmpty() || t.get().word() == null) return Optional.empty();
        Optional<Ipv4Address> addr = Optional.empty();
        if (t.get().address() != null && !t.get().address().contains("-")) {
            try {
                addr = Optional.of(Ipv4Address.parse(t.get().address()));
            } catch (IllegalArgumentException e) {
                addr = Optional.empty();
            }
        }
        Optional<PortRange> ports = t.get().portLow() == null ? Optional.empty()
                : Optional.of(new PortRange(t.get().portLow(), t.get().portHigh()));
        return Optional.of(new SnatTarget(rule, t.get(), addr, ports));
    }

    /** True when the whole {@code --to} value is known. */
    public boolean known() {
        return target.word().known();
    }

    /** Where the {@code --to} value is in the script. */
    public SourceRange range() {
        return target.word().range();
    }
}
