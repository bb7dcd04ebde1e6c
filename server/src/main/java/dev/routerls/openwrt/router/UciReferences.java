package dev.routerls.openwrt.router;

import dev.routerls.core.SourceRange;
import dev.routerls.openwrt.uci.UciValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which UCI options name other things of the router: a network interface (a {@code config interface}
 * section of /etc/config/network) or a firewall zone (the {@code name} option of a {@code config zone}).
 * Facts from netifd, firewall3/4 and dnsmasq. The undefined-reference rule and the editor's
 * definition, references, rename and completion all read this one table.
 */
public final class UciReferences {
    public enum Kind { INTERFACE, ZONE }

    /** How the words of the option name their target. */
    public enum Form {
        /** each word is the name */
        NAME,
        /** each word is an interface name or a device name (dnsmasq resolves either), so a miss is not certain */
        NAME_OR_DEVICE,
        /** a word {@code @name} names an interface (netifd's alias device); other words are device names */
        AT_NAME
    }

    public record Reference(String pkg, String type, String option, Kind kind, Form form) {

        /**
         * The names a value of this option gives, each with the range of the name alone (without the
         * {@code @}). {@code exact} is false when escapes or line breaks keep the columns from being known;
         * the range is then the whole value's.
         */
        public List<Name> names(UciValue value) {
            List<Name> out = new ArrayList<>();
            boolean exact = value.hasExactColumns();
            for (UciValue w : value.words()) {
                String t = w.text();
                if (form == Form.AT_NAME) {
                    if (!t.startsWith("@") || t.length() < 2) continue;
                    SourceRange r = exact ? SourceRange.of(w.range().startLine(), w.range().startColumn() + 1,
                            w.range().endColumn()) : w.range();
                    out.add(new Name(t.substring(1), r, exact));
                } else if (!(kind == Kind.ZONE && t.equals("*"))) {   // '*': any zone
                    out.add(new Name(t, w.range(), exact));
                }
            }
            return out;
        }
    }

    /** One name written in a reference. */
    public record Name(String name, SourceRange range, boolean exact) {
    }

    private static final List<Reference> ALL = List.of(
            new Reference("firewall", "zone", "network", Kind.INTERFACE, Form.NAME),
            new Reference("firewall", "rule", "src", Kind.ZONE, Form.NAME),
            new Reference("firewall", "rule", "dest", Kind.ZONE, Form.NAME),
            new Reference("firewall", "redirect", "src", Kind.ZONE, Form.NAME),
            new Reference("firewall", "redirect", "dest", Kind.ZONE, Form.NAME),
            new Reference("firewall", "forwarding", "src", Kind.ZONE, Form.NAME),
            new Reference("firewall", "forwarding", "dest", Kind.ZONE, Form.NAME),
            new Reference("firewall", "nat", "src", Kind.ZONE, Form.NAME),
            new Reference("dhcp", "dhcp", "interface", Kind.INTERFACE, Form.NAME),
            new Reference("dhcp", "dnsmasq", "interface", Kind.INTERFACE, Form.NAME_OR_DEVICE),
            new Reference("dhcp", "dnsmasq", "notinterface", Kind.INTERFACE, Form.NAME_OR_DEVICE),
            new Reference("network", "route", "interface", Kind.INTERFACE, Form.NAME),
            new Reference("network", "route6", "interface", Kind.INTERFACE, Form.NAME),
            new Reference("network", "rule", "in", Kind.INTERFACE, Form.NAME),
            new Reference("network", "rule", "out", Kind.INTERFACE, Form.NAME),
            new Reference("network", "rule6", "in", Kind.INTERFACE, Form.NAME),
            new Reference("network", "rule6", "out", Kind.INTERFACE, Form.NAME),
            new Reference("network", "interface", "tunlink", Kind.INTERFACE, Form.NAME),
            new Reference("network", "interface", "device", Kind.INTERFACE, Form.AT_NAME),
            new Reference("network", "interface", "ifname", Kind.INTERFACE, Form.AT_NAME));

    private UciReferences() {
    }

    public static List<Reference> all() {
        return ALL;
    }

    /** What the values of {@code option} in a section of {@code type} in {@code pkg} name, if anything. */
    public static Optional<Reference> of(String pkg, String type, String option) {
        return ALL.stream().filter(r -> r.pkg().equals(pkg) && r.type().equals(type) && r.option().equals(option))
                .findFirst();
    }

    /** True when the option is where a zone gets its name. */
    public static boolean isZoneName(String pkg, String type, String option) {
        return pkg.equals("firewall") && type.equals("zone") && option.equals("name");
    }
}
