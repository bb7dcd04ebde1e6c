package dev.routerls.openwrt.router;

import dev.routerls.mape.Ipv4Address;
import dev.routerls.mape.PortRange;
import dev.routerls.openwrt.router.script.ScriptArgument;

import java.util.Optional;

/**
 * The {@code --to-source IP[:lo-hi]} of an iptables SNAT rule. {@code ipv4} and {@code ports} are
 * empty when the text does not give them or the value is unknown (see {@link #known()}).
 */
public record SnatTarget(IptablesCall rule, ScriptArgument argument, Optional<Ipv4Address> ipv4,
                         Optional<PortRange> ports) {

    /** The SNAT target of {@code rule}, if it is a SNAT rule that adds to a chain. */
    public static Optional<SnatTarget> of(IptablesCall rule) {
        if (!rule.adds() || !rule.targetName().equals("SNAT")) return Optional.empty();
        Optional<ScriptArgument> to = rule.targetOption("--to-source", "--to");
        if (to.isEmpty()) return Optional.empty();
        ScriptArgument a = to.get();
        if (!a.known()) return Optional.of(new SnatTarget(rule, a, Optional.empty(), Optional.empty()));
        String v = a.value();
        int colon = v.indexOf(':');
        String ip = colon >= 0 ? v.substring(0, colon) : v;
        Optional<Ipv4Address> addr;
        try {
            addr = ip.contains("-") ? Optional.empty() : Optional.of(Ipv4Address.parse(ip));
        } catch (IllegalArgumentException e) {
            addr = Optional.empty();
        }
        Optional<PortRange> ports;
        try {
            ports = colon >= 0 ? Optional.of(PortRange.parse(v.substring(colon + 1))) : Optional.empty();
        } catch (IllegalArgumentException e) {
            ports = Optional.empty();
        }
        return Optional.of(new SnatTarget(rule, a, addr, ports));
    }

    public boolean known() {
        return argument.known();
    }

    /** The protocol the rule is limited to ({@code -p}), or "all". */
    public String protocol() {
        return rule.option("-p", "--protocol").map(ScriptArgument::value).orElse("all");
    }
}
