package dev.routerls.openwrt.router;

import dev.routerls.core.SourceRange;
import dev.routerls.mape.Ipv4Address;
import dev.routerls.mape.PortRange;
import dev.routerls.openwrt.nft.NftNat;
import dev.routerls.openwrt.shell.IptablesCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One source-NAT target of the router, whichever file it comes from: the {@code --to-source IP[:lo-hi]}
 * of an iptables SNAT rule firewall.user runs, or one port range of an nftables.d {@code snat}/
 * {@code masquerade} statement. {@code ipv4} and {@code ports} are empty when the text does not give
 * them or the value is unknown (see {@link #known()}); {@code range} is where the target is written and
 * {@code statementRange} the whole rule; {@code out} the outgoing-device match, if the rule has one.
 * {@code firstPortOnly} is set for a range written as the data of an nft map after a separate address
 * ({@code IP : numgen … map { K : LO-HI }}): the kernel then uses only LO (rule {@code openwrt/nft-map-range}).
 */
public record SnatTarget(Source source, String uri, SourceRange range, SourceRange statementRange, boolean known,
                         boolean ipv4Nat, Optional<Ipv4Address> ipv4, Optional<PortRange> ports,
                         Optional<OutDevice> out, boolean firstPortOnly) {

    public enum Source {
        FIREWALL_USER, NFTABLES;

        /** How a rule of this source names its outgoing device, for messages ({@code -o map-wan}). */
        public String deviceMatch(String device) {
            return this == FIREWALL_USER ? "-o " + device : "oifname \"" + device + "\"";
        }

        public String deviceKeyword() {
            return this == FIREWALL_USER ? "-o" : "oifname";
        }
    }

    /** The outgoing-device match: {@code name} null when its value is unknown or not one name. */
    public record OutDevice(String name, SourceRange range, boolean negated) { }

    /** The SNAT target of {@code rule} (in the script at {@code uri}), if it is a SNAT rule that adds to a chain. */
    public static Optional<SnatTarget> of(IptablesRule rule, String uri) {
        if (!rule.adds() || !"SNAT".equals(rule.command().target())) return Optional.empty();
        Optional<IptablesCommand.NatTarget> t = rule.command().natTarget();
        if (t.isEmpty() || t.get().word() == null) return Optional.empty();
        Optional<PortRange> ports = t.get().portLow() == null ? Optional.empty()
                : Optional.of(new PortRange(t.get().portLow(), t.get().portHigh()));
        Optional<OutDevice> out = rule.command().option("-o").filter(o -> o.valueWord() != null)
                .map(o -> new OutDevice(o.value(), o.valueWord().range(), o.negated()));
        return Optional.of(new SnatTarget(Source.FIREWALL_USER, uri, t.get().word().range(), rule.source().range(),
                t.get().word().known(), rule.isIpv4Nat(), address(t.get().address()), ports, out, false));
    }

    /** One target per port range of an nftables statement (a map gives one per element). */
    public static List<SnatTarget> of(NftNat s, String uri) {
        List<SnatTarget> out = new ArrayList<>();
        Optional<OutDevice> dev = s.oifname().map(d -> new OutDevice(d.name(), d.range(), d.negated()));
        for (NftNat.Target t : s.targets()) {
            Optional<Ipv4Address> ip = t.address().flatMap(a -> address(a.text()));
            Optional<PortRange> ports = PortRange.read(t.ports().text());
            out.add(new SnatTarget(Source.NFTABLES, uri, t.ports().range(), s.rule().range(), ports.isPresent(), s.ipv4(),
                    ip, ports, dev, t.bareMapData()));
        }
        return out;
    }

    private static Optional<Ipv4Address> address(String text) {
        if (text == null || text.contains("-") || text.contains("/")) return Optional.empty();
        try {
            return Optional.of(Ipv4Address.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
