package dev.routerls.trace.yamaha;

import dev.routerls.core.net.Packet;
import dev.routerls.trace.ArpAnswer;
import dev.routerls.trace.TraceException;
import dev.routerls.yamaha.model.Ipv4;
import dev.routerls.yamaha.model.YamahaConfig;
import dev.routerls.yamaha.model.YamahaConfig.DhcpScope;
import dev.routerls.yamaha.model.YamahaConfig.InterfaceAddress;
import dev.routerls.yamaha.model.YamahaConfig.NatAddressItem;
import dev.routerls.yamaha.model.YamahaConfig.NatDescriptor;
import dev.routerls.yamaha.model.YamahaConfig.NatStatic;
import dev.routerls.yamaha.model.YamahaConfig.NatUse;
import dev.routerls.yamaha.model.YamahaConfig.NetInterface;
import dev.routerls.yamaha.model.YamahaConfig.PoolItem;
import dev.routerls.yamaha.model.YamahaConfig.PpBlock;

/**
 * Who answers ARP for an address on a LAN interface. The router answers for its own addresses there; for
 * the outer addresses of NAT descriptors applied forward on that interface (reference 23.2; seed 002: this
 * cannot be turned off, {@code proxyarp off} does not stop it); and, with {@code proxyarp on}, for addresses
 * it routes through another interface — the PP remote address pools of VPN clients among them.
 */
public final class ArpResponder {
    private final YamahaConfig m;
    private final String uri;

    public ArpResponder(YamahaConfig m, String uri) {
        this.m = m;
        this.uri = uri;
    }

    public ArpAnswer answer(long address, String on) throws TraceException {
        String iface = InterfaceNames.key(on);
        if (!InterfaceNames.isLan(iface)) {
            throw new TraceException("--on " + on + ": ARP is asked on a LAN interface (lan1, lan1/1, bridge1 …), not on "
                    + InterfaceNames.spelled(iface));
        }
        NetInterface lan = m.interfaces().get(iface);
        if (lan == null) throw new TraceException("unknown interface '" + on + "': the config has no `ip " + on + "` lines");
        String a = Ipv4.format(address);
        for (InterfaceAddress own : lan.addresses()) {
            if (own.address() == address) {
                return new ArpAnswer(true, a + " is the router's own address on " + on + ".", uri, own.range());
            }
        }
        for (NatUse use : m.natUses()) {
            if (use.reverse() || !iface.equals(InterfaceNames.keyOf(use))) continue;
            NatDescriptor d = m.natDescriptors().get(use.descriptor());
            if (d == null) continue;
            String outer = outerHit(d, address);
            if (outer == null) continue;
            return new ArpAnswer(true, "NAT descriptor " + d.id() + " is applied forward on " + on + " and " + a + " is one of its"
                    + " outer addresses (" + outer + "): the router answers ARP for those on " + on
                    + (lan.proxyArp() != null && !lan.proxyArpOn() ? " even with `proxyarp off`" : "")
                    + " and cannot be told not to. Apply the descriptor with `reverse`, or use outer addresses outside "
                    + on + "'s subnet.", uri, use.range());
        }
        if (lan.proxyArpOn()) {
            ArpAnswer pool = pool(address, on, lan);
            if (pool != null) return pool;
            RouteLookup.Choice route = new RouteLookup(m, new TraceFilters(m)).lookup(new Packet(0, address, 0, Packet.NO_PORT, Packet.NO_PORT, 0));
            if (route.egress() != null && !route.egress().equals(iface)) {
                return new ArpAnswer(true, "`proxyarp on` on " + on + ", and the router routes " + a + " out of "
                        + InterfaceNames.spelled(route.egress()) + " (" + route.detail() + ")", uri, lan.proxyArpRange());
            }
            return new ArpAnswer(false, "`proxyarp on` answers only for addresses the router routes through another"
                    + " interface, and " + a + " is " + (route.egress() == null ? "routed nowhere" : "on " + on + " itself")
                    + "; a host on " + on + " that has it answers.", uri, lan.proxyArpRange());
        }
        return new ArpAnswer(false, a + " is neither the router's address on " + on + " nor an outer address of a NAT descriptor"
                + " applied forward there, and " + on + " has no `proxyarp on`; a host on " + on + " that has it answers.", uri,
                lan.proxyArpRange());
    }

    /** A PP remote address pool (a range, or {@code dhcp}: the DHCP scopes) that holds {@code address}. */
    private ArpAnswer pool(long address, String on, NetInterface lan) {
        for (PpBlock pp : m.pps().values()) {
            for (PoolItem item : pp.pool()) {
                boolean in = item.addresses() != null ? item.addresses().contains(address)
                        : m.dhcpScopes().values().stream().map(DhcpScope::addresses).anyMatch(r -> r.contains(address));
                if (!in) continue;
                String from = item.addresses() != null ? "the pool " + item.addresses() : "the DHCP scope the pool `dhcp` draws from";
                return new ArpAnswer(true, "`proxyarp on` on " + on + ", and " + Ipv4.format(address) + " is in " + from
                        + " of " + InterfaceNames.spelled("pp " + pp.id()) + ": the router answers while a VPN client holds it"
                        + " (which client holds which address is not in the config).", uri, item.range());
            }
        }
        return null;
    }

    /** The outer address item or static entry of {@code d} that holds {@code a}, described; null when none. */
    private static String outerHit(NatDescriptor d, long a) {
        for (NatStatic s : d.statics()) {
            if (s.outer().contains(a)) return "static entry " + s.entry() + ", " + s.outer() + ", line " + (s.range().startLine() + 1);
        }
        for (NatAddressItem i : d.outer()) {
            if (!i.isKeyword() && i.addresses().contains(a)) {
                return "address outer " + i.addresses() + ", line " + (d.outerLine().startLine() + 1);
            }
        }
        return null;
    }
}
