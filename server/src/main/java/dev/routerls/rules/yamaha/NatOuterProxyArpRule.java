package dev.routerls.rules.yamaha;

import dev.routerls.core.Fix;
import dev.routerls.core.Severity;
import dev.routerls.rules.Example;
import dev.routerls.rules.Findings;
import dev.routerls.rules.RuleInfo;
import dev.routerls.yamaha.model.Ipv4;
import dev.routerls.yamaha.model.YamahaConfig;
import dev.routerls.yamaha.model.YamahaConfig.*;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code yamaha/nat-outer-proxy-arp}: a descriptor applied forward on a LAN interface whose outer
 * addresses lie in that interface's own subnet. The router answers ARP for forward descriptors' outer
 * addresses on that LAN (this cannot be turned off), so it claims addresses hosts there use (seed 002).
 * The router's own addresses (written out, or as {@code primary}/{@code secondary}) are never a clash, and
 * neither is the interface the default route leaves by, where the outer addresses are the provider's.
 */
public final class NatOuterProxyArpRule extends YamahaRule {
    public static final String ID = "yamaha/nat-outer-proxy-arp";

    public NatOuterProxyArpRule() {
        super(RuleInfo.rule(ID, Severity.WARNING)
                .summary("forward NAT on a LAN whose outer addresses are inside that LAN's subnet")
                .rationale("""
                        On a LAN interface the router answers ARP for the outer addresses of every NAT descriptor \
                        applied there in the forward direction, and this cannot be switched off (`ip lan1 proxyarp \
                        off` does not stop it). When those outer addresses lie inside the LAN's own subnet, the \
                        router claims addresses that hosts on that LAN use, and their traffic goes to the router \
                        instead. Apply the descriptor with `reverse`, or pick outer addresses outside the subnet. \
                        The router's own address on that interface (written out, or as `primary`/`secondary`) is no \
                        clash, and neither is the interface the default route leaves by, where the outer addresses \
                        are a block the provider routes to the router.""")
                .bad(Example.yamaha("""
                        ip lan1 address 192.168.11.250/24
                        ip lan1 nat descriptor 31
                        nat descriptor type 31 nat
                        nat descriptor address outer 31 192.168.11.254
                        nat descriptor address inner 31 192.168.253.254
                        nat descriptor static 31 1 192.168.11.2=192.168.253.2 253
                        """))
                .good(Example.yamaha("""
                        ip lan1 address 192.168.11.250/24
                        ip lan1 nat descriptor reverse 31
                        nat descriptor type 31 nat
                        nat descriptor address outer 31 192.168.11.254
                        nat descriptor address inner 31 192.168.253.254
                        nat descriptor static 31 1 192.168.11.2=192.168.253.2 253
                        """))
                .tags("nat")
                .build());
    }

    @Override
    public void check(YamahaConfig m, Findings out) {
        List<Long> defaultGateways = defaultGateways(m);
        for (NatUse use : m.natUses()) {
            if (use.reverse() || !use.onLan()) continue;
            NetInterface lan = m.interfaces().get(use.iface());
            NatDescriptor d = m.natDescriptors().get(use.descriptor());
            if (lan == null || d == null || facesUpstream(defaultGateways, lan)) continue;
            List<String> clashes = new ArrayList<>();
            Ipv4.Subnet hit = null;
            for (InterfaceAddress a : lan.addresses()) {
                for (NatAddressItem item : d.outer()) {
                    // keywords (primary, secondary, ipcp …) name the router's own address: no clash
                    if (item.addresses() == null || onlyOwn(lan, item.addresses())) continue;
                    if (a.subnet().range().overlaps(item.addresses())) {
                        clashes.add(item.addresses() + " (address outer)");
                        hit = a.subnet();
                    }
                }
                for (NatStatic s : d.statics()) {
                    if (!onlyOwn(lan, s.outer()) && a.subnet().range().overlaps(s.outer())) {
                        clashes.add(s.outer() + " (static entry " + s.entry() + ")");
                        hit = a.subnet();
                    }
                }
            }
            if (clashes.isEmpty()) continue;
            List<Fix> fixes = innerOnLan(d, lan) ? YamahaFixes.applyReverse(m, use, out.defaultUri()).stream().toList()
                    : List.of();
            out.report(out.defaultUri(), use.range(), "NAT descriptor " + d.id() + " is applied in the forward direction on " + lan.name()
                    + ", and its outer addresses " + String.join(", ", clashes) + " are inside " + lan.name()
                    + "'s own subnet " + hit + ". The router answers ARP on " + lan.name() + " for those addresses "
                    + "(`proxyarp off` does not stop it), so it collides with hosts that use them. Apply the "
                    + "descriptor with `reverse`, or choose outer addresses outside " + hit + ".", fixes);
        }
    }

    /** Whether every address of {@code range} is one the router itself has on {@code lan}: nothing else can use it. */
    private static boolean onlyOwn(NetInterface lan, Ipv4.Range range) {
        long own = lan.addresses().stream().mapToLong(InterfaceAddress::address).distinct().filter(range::contains).count();
        return own >= range.size();
    }

    /**
     * Whether the interface leads to the provider: a default route's gateway is in its subnet. There the
     * answered ARP is what makes a block of provider addresses reach the router (the outer addresses are
     * the provider's, not hosts' on a LAN).
     */
    private static boolean facesUpstream(List<Long> defaultGateways, NetInterface lan) {
        for (long g : defaultGateways) {
            for (InterfaceAddress a : lan.addresses()) if (a.subnet().contains(g)) return true;
        }
        return false;
    }

    /** The addresses default routes lead to. */
    private static List<Long> defaultGateways(YamahaConfig m) {
        List<Long> out = new ArrayList<>();
        for (Route r : m.routes()) {
            if (!r.destination().equalsIgnoreCase("default")) continue;
            for (RouteGateway g : r.gateways()) if (g.address() >= 0) out.add(g.address());
        }
        return out;
    }

    /**
     * Every inner address of the descriptor (address inner, static entries) lies in the LAN's own subnets: the
     * hosts it translates are on that LAN, whose traffic enters the router there, so only the reverse direction
     * translates them and applying it forward is the mistake. Then {@code reverse} is the certain repair.
     */
    private static boolean innerOnLan(NatDescriptor d, NetInterface lan) {
        List<Ipv4.Range> inner = new ArrayList<>();
        for (NatAddressItem i : d.inner()) {
            if (i.addresses() == null) return false;   // auto or another keyword: the hosts are not known
            inner.add(i.addresses());
        }
        for (NatStatic s : d.statics()) inner.add(s.inner());
        if (inner.isEmpty()) return false;
        for (Ipv4.Range r : inner) {
            boolean onLan = false;
            for (InterfaceAddress a : lan.addresses()) {
                if (a.subnet().range().first() <= r.first() && r.last() <= a.subnet().range().last()) onLan = true;
            }
            if (!onLan) return false;
        }
        return true;
    }
}
