package dev.routerls.services.uci;

import java.util.List;
import java.util.Optional;

/**
 * Which UCI options name other things of the router: a network interface (a {@code config interface}
 * section of /etc/config/network) or a firewall zone (the {@code name} option of a {@code config zone}).
 * Facts from netifd, firewall3/4 and dnsmasq; go-to-definition, references, rename and completion all
 * read this one table.
 */
final class UciNames {
    enum Kind { INTERFACE, ZONE }

    private record Ref(String pkg, String type, String option, Kind kind) {
    }

    private static final List<Ref> REFERENCES = List.of(
            new Ref("firewall", "zone", "network", Kind.INTERFACE),
            new Ref("firewall", "rule", "src", Kind.ZONE),
            new Ref("firewall", "rule", "dest", Kind.ZONE),
            new Ref("firewall", "redirect", "src", Kind.ZONE),
            new Ref("firewall", "redirect", "dest", Kind.ZONE),
            new Ref("firewall", "forwarding", "src", Kind.ZONE),
            new Ref("firewall", "forwarding", "dest", Kind.ZONE),
            new Ref("firewall", "nat", "src", Kind.ZONE),
            new Ref("dhcp", "dhcp", "interface", Kind.INTERFACE),
            new Ref("dhcp", "dnsmasq", "interface", Kind.INTERFACE),
            new Ref("dhcp", "dnsmasq", "notinterface", Kind.INTERFACE),
            new Ref("network", "route", "interface", Kind.INTERFACE),
            new Ref("network", "route6", "interface", Kind.INTERFACE),
            new Ref("network", "rule", "in", Kind.INTERFACE),
            new Ref("network", "rule", "out", Kind.INTERFACE),
            new Ref("network", "rule6", "in", Kind.INTERFACE),
            new Ref("network", "rule6", "out", Kind.INTERFACE),
            new Ref("network", "interface", "tunlink", Kind.INTERFACE));

    private UciNames() {
    }

    /** What the values of {@code option} in a section of {@code type} in {@code pkg} name, if anything. */
    static Optional<Kind> referenceKind(String pkg, String type, String option) {
        return REFERENCES.stream().filter(r -> r.pkg.equals(pkg) && r.type.equals(type) && r.option.equals(option))
                .map(Ref::kind).findFirst();
    }

    /** True when the option is where a zone gets its name. */
    static boolean isZoneName(String pkg, String type, String option) {
        return pkg.equals("firewall") && type.equals("zone") && option.equals("name");
    }
}
