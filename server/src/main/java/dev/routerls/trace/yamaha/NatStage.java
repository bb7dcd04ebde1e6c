package dev.routerls.trace.yamaha;

import dev.routerls.core.SourceRange;
import dev.routerls.core.net.Packet;
import dev.routerls.mape.MapeCalculator;
import dev.routerls.mape.MapeRuleTable;
import dev.routerls.mape.PortRange;
import dev.routerls.yamaha.mape.MapeMapping;
import dev.routerls.yamaha.mape.MapeMappingResolver;
import dev.routerls.yamaha.model.Ipv4;
import dev.routerls.yamaha.model.ModelFacts;
import dev.routerls.yamaha.model.YamahaConfig;
import dev.routerls.yamaha.model.YamahaConfig.InterfaceAddress;
import dev.routerls.yamaha.model.YamahaConfig.NatAddressItem;
import dev.routerls.yamaha.model.YamahaConfig.NatDescriptor;
import dev.routerls.yamaha.model.YamahaConfig.NatMasqueradeStatic;
import dev.routerls.yamaha.model.YamahaConfig.NatStatic;
import dev.routerls.yamaha.model.YamahaConfig.NatUse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * NAT descriptors on one interface, applied to a packet (reference chapter 23; seed 002). A descriptor
 * applied forward translates the source of packets the interface sends (inner → outer) and the destination
 * of packets it receives (outer → inner); one applied with {@code reverse} does the opposite. Static entries
 * come first; then static masquerade entries, then the dynamic part of the type (nat: one address of the
 * outer list, masquerade: the outer address with a port of the port ranges). A new connection from outside
 * that no entry matches passes untranslated on types nat and nat-masquerade (seed 002's measurement); on
 * masquerade it meets {@code masquerade incoming} (reject unless set).
 */
final class NatStage {
    private static final MapeMappingResolver MAPE = new MapeMappingResolver(MapeRuleTable.bundled());

    private final YamahaConfig m;

    NatStage(YamahaConfig m) {
        this.m = m;
    }

    /**
     * NAT of a packet that arrives on {@code iface} (forward descriptors: destination outer → inner; reverse:
     * source inner → outer); false when NAT discards it. Each address is translated at most once per crossing.
     */
    boolean ingress(String iface, Walk w) {
        return cross(iface, w, "nat-in", true);
    }

    /** NAT of a packet that leaves by {@code iface} (forward: source inner → outer; reverse: destination outer → inner). */
    void egress(String iface, Walk w) {
        cross(iface, w, "nat-out", false);
    }

    private boolean cross(String iface, Walk w, String kind, boolean incoming) {
        boolean sourceDone = false, destinationDone = false;
        for (NatUse use : uses(iface)) {
            boolean source = use.reverse() == incoming;
            if (source ? sourceDone : destinationDone) continue;
            NatDescriptor d = descriptor(use, w, kind);
            if (d == null) continue;
            Boolean done = source ? source(d, use, iface, w, kind) : destination(d, use, iface, w, kind, incoming);
            if (done == null) return false;
            if (source) sourceDone = done;
            else destinationDone = done;
        }
        return true;
    }

    private List<NatUse> uses(String iface) {
        List<NatUse> out = new ArrayList<>();
        for (NatUse u : m.natUses()) if (iface.equals(InterfaceNames.keyOf(u))) out.add(u);
        return out;
    }

    private NatDescriptor descriptor(NatUse use, Walk w, String kind) {
        NatDescriptor d = m.natDescriptors().get(use.descriptor());
        if (d == null) {
            w.step(kind, use.range(), "NAT descriptor " + use.descriptor() + " is applied here but never defined, so it "
                    + "translates nothing.");
            return null;
        }
        if (d.effectiveType().equals("none")) {
            w.step(kind, d.typeRange() != null ? d.typeRange() : use.range(), "NAT descriptor " + d.id() + " has type none"
                    + (d.type() == null ? " (the default: no `nat descriptor type` line)" : "") + ", so it translates nothing.");
            return null;
        }
        return d;
    }

    // ---- inner → outer of the source ----

    /** True when translated, false when this descriptor does not apply. */
    private Boolean source(NatDescriptor d, NatUse use, String iface, Walk w, String kind) {
        Packet p = w.packet;
        String dir = direction(use);
        for (NatStatic s : d.statics()) {
            if (!s.inner().contains(p.src())) continue;
            long to = s.outer().first() + (p.src() - s.inner().first());
            w.step(kind, s.range(), "NAT descriptor " + d.id() + " (" + dir + ") static entry " + s.entry() + " turns source "
                    + Ipv4.format(p.src()) + " into " + Ipv4.format(to) + ".");
            w.packet = p.withSrc(to, p.srcPort());
            w.srcName = null;
            w.nat(d.id(), "static", s.range());
            return true;
        }
        String type = d.effectiveType();
        boolean masquerade = type.equals("masquerade") || type.equals("nat-masquerade");
        if (masquerade) {
            for (NatMasqueradeStatic ms : d.masqueradeStatics()) {
                if (ms.inner() != p.src() || !protocolMatches(ms.protocol(), p)) continue;
                if (ms.innerPort() != null && p.srcPort() != ms.innerPort()) continue;
                Outer outer = outer(d, iface);
                int port = ms.publicPort() != null ? ms.publicPort() : p.srcPort();
                w.step(kind, ms.range(), "NAT descriptor " + d.id() + " (" + dir + ") static masquerade entry " + ms.entry()
                        + " turns source " + Ipv4.format(p.src()) + " into " + outer.text + (port >= 0 ? " port " + port : "")
                        + outer.note + ".");
                setSource(w, outer, port);
                w.srcPorts = port >= 0 && p.isTcpOrUdp() ? port + "-" + port : null;
                w.nat(d.id(), "masquerade-static", ms.range());
                return true;
            }
        }
        if (!innerContains(d, p.src())) return false;
        Outer outer = outer(d, iface);
        SourceRange at = d.outerLine() != null ? d.outerLine() : d.typeRange() != null ? d.typeRange() : use.range();
        if (type.equals("nat") || type.equals("nat-masquerade")) {
            String pool = outerList(d, outer);
            String more = type.equals("nat-masquerade") ? "; once every outer address is taken, masquerade shares "
                    + outer.text + " with ports " + ports(d, iface).text : "";
            w.step(kind, at, "NAT descriptor " + d.id() + " (" + dir + ", type " + type + ") gives source " + Ipv4.format(p.src())
                    + " the first free address of " + pool + " (which one depends on the hosts already translated)" + more + ".");
            w.srcName = pool;
            w.nat(d.id(), type, at);
            return true;
        }
        Ports ports = ports(d, iface);
        w.step(kind, at, "NAT descriptor " + d.id() + " (" + dir + ", masquerade) turns source " + Ipv4.format(p.src())
                + " into " + outer.text + outer.note + ", source port from " + ports.text + ports.note + ".");
        setSource(w, outer, p.srcPort());
        w.srcPorts = p.isTcpOrUdp() ? ports.json : null;
        w.nat(d.id(), "masquerade", at);
        return true;
    }

    private static void setSource(Walk w, Outer outer, int port) {
        w.packet = w.packet.withSrc(outer.address != null ? outer.address : w.packet.src(), port);
        w.srcName = outer.address != null ? null : outer.text;
    }

    // ---- outer → inner of the destination ----

    /** True when translated, false when this descriptor does not apply, null when it discards the packet. */
    private Boolean destination(NatDescriptor d, NatUse use, String iface, Walk w, String kind, boolean incoming) {
        Packet p = w.packet;
        String dir = direction(use);
        for (NatStatic s : d.statics()) {
            if (!s.outer().contains(p.dst())) continue;
            long to = s.inner().first() + (p.dst() - s.outer().first());
            w.step(kind, s.range(), "NAT descriptor " + d.id() + " (" + dir + ") static entry " + s.entry()
                    + " turns destination " + Ipv4.format(p.dst()) + " into " + Ipv4.format(to) + ".");
            w.packet = p.withDst(to, p.dstPort());
            w.nat(d.id(), "static", s.range());
            return true;
        }
        if (!incoming) return false;
        String type = d.effectiveType();
        boolean masquerade = type.equals("masquerade") || type.equals("nat-masquerade");
        Outer outer = outer(d, iface);
        boolean toOuter = outer.address != null ? outerContains(d, outer, p.dst()) : !knownElsewhere(p.dst());
        if (!toOuter) return false;
        String assumed = outer.address == null
                ? " (the trace takes " + Ipv4.format(p.dst()) + " to be " + outer.text + bare(outer.note) + ")" : "";
        if (masquerade) {
            for (NatMasqueradeStatic ms : d.masqueradeStatics()) {
                if (!protocolMatches(ms.protocol(), p)) continue;
                if (ms.publicPort() != null && p.dstPort() != ms.publicPort()) continue;
                int port = ms.innerPort() != null ? ms.innerPort() : p.dstPort();
                w.step(kind, ms.range(), "NAT descriptor " + d.id() + " (" + dir + ") static masquerade entry " + ms.entry()
                        + " sends " + Ipv4.format(p.dst()) + (p.dstPort() >= 0 ? " port " + p.dstPort() : "") + assumed
                        + " to " + Ipv4.format(ms.inner()) + (port >= 0 && p.isTcpOrUdp() ? " port " + port : "") + ".");
                w.packet = p.withDst(ms.inner(), p.isTcpOrUdp() ? port : p.dstPort());
                w.nat(d.id(), "masquerade-static", ms.range());
                return true;
            }
        }
        if (outer.address == null) {
            // the peer-given address is the router's own: a packet no entry translates is for the router
            w.dstIsRouterPeerAddress = true;
            w.step(kind, use.range(), "NAT descriptor " + d.id() + " (" + dir + ") has no entry for this new connection"
                    + assumed + "; it stays addressed to the router itself.");
            return true;
        }
        if (!type.equals("masquerade")) {
            w.step(kind, d.typeRange() != null ? d.typeRange() : use.range(), "NAT descriptor " + d.id() + " (" + dir + ", type "
                    + type + ") has no entry for this new connection to " + Ipv4.format(p.dst())
                    + "; such packets pass untranslated (measured in seed 002).");
            return true;
        }
        String action = d.incoming() == null ? "reject" : d.incoming().value();
        SourceRange at = d.incoming() != null ? d.incoming().range() : d.typeRange() != null ? d.typeRange() : use.range();
        String why = "NAT descriptor " + d.id() + " (" + dir + ", masquerade) has no entry for this new connection to "
                + Ipv4.format(p.dst()) + " and its `masquerade incoming` action is " + action
                + (d.incoming() == null ? " (the default)" : "");
        switch (action) {
            case "through" -> {
                if (p.protocol() == Packet.TCP && p.dstPort() >= 0 && p.dstPort() <= 1023) {
                    w.step(kind, at, why + ": TCP to ports 0-1023 is discarded with a RST.");
                    return null;
                }
                w.step(kind, at, why + ": it passes untranslated.");
                return true;
            }
            case "forward" -> {
                if (d.incomingAddress() == null || d.incomingAddress() < 0) {
                    w.step(kind, at, why + " but names no valid host, so it is discarded.");
                    return null;
                }
                w.step(kind, at, why + ": it goes to " + Ipv4.format(d.incomingAddress()) + ".");
                w.packet = p.withDst(d.incomingAddress(), p.dstPort());
                w.nat(d.id(), "masquerade-incoming", at);
                return true;
            }
            case "discard" -> {
                w.step(kind, at, why + ": it is discarded silently.");
                return null;
            }
            default -> {
                w.step(kind, at, why + ": it is discarded" + (p.protocol() == Packet.TCP ? " (TCP to ports 0-1023 gets a RST)" : "") + ".");
                return null;
            }
        }
    }

    /** An address the config places elsewhere: the router's own, a LAN subnet, a static outer, a pool. */
    private boolean knownElsewhere(long a) {
        for (InterfaceAddress ia : m.ownAddresses()) if (ia.subnet().contains(a)) return true;
        for (NatDescriptor d : m.natDescriptors().values()) for (NatStatic s : d.statics()) if (s.outer().contains(a)) return true;
        for (YamahaConfig.PpBlock pp : m.pps().values()) {
            for (YamahaConfig.PoolItem i : pp.pool()) if (i.addresses() != null && i.addresses().contains(a)) return true;
        }
        return false;
    }

    // ---- descriptor values ----

    /** The outer address masquerade uses: a number, or (address null) a value the config does not give. */
    private record Outer(Long address, String text, String note) { }

    private record Ports(String text, String json, String note) { }

    private Outer outer(NatDescriptor d, String iface) {
        String spelled = InterfaceNames.spelled(iface);
        if (d.outer().isEmpty()) {
            return new Outer(null, "ipcp(" + spelled + ")", " (the address " + spelled + " gets from its peer by IPCP,"
                    + " the default outer address; not in the config)");
        }
        NatAddressItem first = d.outer().get(0);
        if (!first.isKeyword()) return new Outer(first.addresses().first(), Ipv4.format(first.addresses().first()), "");
        String k = first.text().toLowerCase(Locale.ROOT);
        switch (k) {
            case "primary", "secondary" -> {
                YamahaConfig.NetInterface ni = m.interfaces().get(iface);
                if (ni != null && ni.dhcpAddress() != null && k.equals("primary")) {
                    return new Outer(null, "dhcp(" + spelled + ")", " (the address " + spelled + " gets by DHCP; not in the config)");
                }
                if (ni != null) {
                    for (InterfaceAddress a : ni.addresses()) {
                        if (a.secondary() == k.equals("secondary")) return new Outer(a.address(), Ipv4.format(a.address()), "");
                    }
                }
                return new Outer(null, k + "(" + spelled + ")", " (the " + k + " address of " + spelled + ", which the config"
                        + " does not set)");
            }
            case "map-e" -> {
                MapeMapping mapping = MAPE.resolve(m, d.id(), List.of());
                if (mapping.ipv4() != null) {
                    return new Outer(mapping.ipv4().unsigned(), mapping.ipv4().toString(), " (MAP-E: the address of PSID "
                            + mapping.psid().getAsInt() + " for the CE address " + mapping.ce() + " under the " + mapping.family()
                            + " rule " + mapping.rule().ip6prefix() + " -> " + mapping.rule().ip4prefix() + ")");
                }
                return new Outer(null, "map-e(" + spelled + ")", " (the MAP-E address the tunnel computes from its delegated"
                        + " IPv6 prefix, which the config does not give)");
            }
            default -> {
                return new Outer(null, k + "(" + spelled + ")", " (the address the " + k + " keyword stands for; not in the config)");
            }
        }
    }

    /** The outer list as written, for the dynamic NAT types. */
    private static String outerList(NatDescriptor d, Outer outer) {
        if (d.outer().isEmpty() || d.outer().get(0).isKeyword()) return outer.text;
        return d.outer().stream().map(NatAddressItem::text).collect(Collectors.joining(","));
    }

    private static boolean outerContains(NatDescriptor d, Outer outer, long a) {
        for (NatAddressItem i : d.outer()) if (!i.isKeyword() && i.addresses().contains(a)) return true;
        return outer.address != null && outer.address == a;
    }

    private static boolean innerContains(NatDescriptor d, long a) {
        if (d.inner().isEmpty()) return true;   // auto, the default
        for (NatAddressItem i : d.inner()) {
            if (i.isKeyword() ? i.text().equalsIgnoreCase("auto") : i.addresses().contains(a)) return true;
        }
        return false;
    }

    private Ports ports(NatDescriptor d, String iface) {
        if (!d.portBlocks().isEmpty()) {
            String list = d.portBlocks().stream().map(b -> b.first() + "-" + b.last()).collect(Collectors.joining(","));
            return new Ports(list + " (line " + (d.portRangeLine().startLine() + 1) + ")", list, "");
        }
        if (!d.outer().isEmpty() && d.outer().get(0).text().equalsIgnoreCase("map-e")) {
            MapeMapping mapping = MAPE.resolve(m, d.id(), List.of());
            if (mapping.psid().isPresent()) {
                List<PortRange> set = MapeCalculator.portSet(mapping.offset(), mapping.psidlen(), mapping.psid().getAsInt());
                String list = set.stream().map(PortRange::toString).collect(Collectors.joining(","));
                return new Ports("PSID " + mapping.psid().getAsInt() + "'s MAP-E port set (" + set.size() + " blocks)", list, "");
            }
            return new Ports("the PSID's MAP-E port set", null, " (the PSID comes from the delegated prefix, not in the config)");
        }
        return ModelFacts.defaultMasqueradePorts(m.revision().orElse(null))
                .map(set -> {
                    String list = set.stream().map(PortRange::toString).collect(Collectors.joining(","));
                    return new Ports(list, list, " (the default ranges of Rev." + m.revision().orElse("") + "; no port range line)");
                })
                .orElse(new Ports("the firmware's default ranges", null,
                        " (they depend on the firmware and its maximum port count, which the config does not give)"));
    }

    /** A parenthesised note as a clause after a comma, for use inside other parentheses. */
    private static String bare(String note) {
        String t = note.strip();
        return t.startsWith("(") && t.endsWith(")") ? ", " + t.substring(1, t.length() - 1) : note;
    }

    private static boolean protocolMatches(String protocol, Packet p) {
        String t = protocol.toLowerCase(Locale.ROOT);
        return switch (t) {
            case "tcp" -> p.protocol() == Packet.TCP;
            case "udp" -> p.protocol() == Packet.UDP;
            case "icmp" -> p.protocol() == Packet.ICMP;
            case "esp" -> p.protocol() == 50;
            case "gre" -> p.protocol() == 47;
            default -> t.chars().allMatch(Character::isDigit) && !t.isEmpty() && Integer.parseInt(t) == p.protocol();
        };
    }

    private static String direction(NatUse use) {
        return use.reverse() ? "reverse" : "forward";
    }
}
