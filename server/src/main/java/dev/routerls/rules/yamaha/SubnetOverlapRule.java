package dev.routerls.rules.yamaha;

import dev.routerls.core.Severity;
import dev.routerls.rules.Example;
import dev.routerls.rules.Findings;
import dev.routerls.rules.RuleInfo;
import dev.routerls.yamaha.model.Ipv4;
import dev.routerls.yamaha.model.YamahaConfig;
import dev.routerls.yamaha.model.YamahaConfig.DhcpScope;
import dev.routerls.yamaha.model.YamahaConfig.InterfaceAddress;
import dev.routerls.yamaha.model.YamahaConfig.NetInterface;
import dev.routerls.yamaha.model.YamahaConfig.PoolItem;
import dev.routerls.yamaha.model.YamahaConfig.PpBlock;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code yamaha/subnet-overlap}: interface subnets that overlap, and a PP remote address pool inside a
 * LAN subnet whose interface does not answer ARP for the pool ({@code proxyarp on} missing).
 */
public final class SubnetOverlapRule extends YamahaRule {
    public static final String ID = "yamaha/subnet-overlap";

    public SubnetOverlapRule() {
        super(RuleInfo.rule(ID, Severity.WARNING)
                .summary("overlapping interface subnets; PP address pool in a LAN without proxyarp")
                .rationale("""
                        When two interfaces have overlapping subnets the router cannot tell which of them owns an \
                        address, so routing and ARP break for some hosts. A related mistake: a PP remote address \
                        pool (for L2TP/IPsec clients) taken from a LAN's subnet only works when that LAN answers ARP \
                        for the pool (`ip lanN proxyarp on`); without it hosts on the LAN cannot reach the VPN \
                        clients.""")
                .bad(Example.yamaha("""
                        ip lan1 address 192.168.11.250/24
                        ip lan2 address 192.168.11.1/25
                        """))
                .good(Example.yamaha("""
                        ip lan1 address 192.168.11.250/24
                        ip lan2 address 192.168.12.1/24
                        """))
                .tags("routing", "vpn")
                .build());
    }

    private static boolean isLan(String iface) {
        return !iface.startsWith("pp") && !iface.startsWith("tunnel");
    }

    @Override
    public void check(YamahaConfig m, Findings out) {
        List<InterfaceAddress> lans = new ArrayList<>();
        for (InterfaceAddress a : m.ownAddresses()) if (isLan(a.iface())) lans.add(a);
        for (int i = 0; i < lans.size(); i++) {
            for (int j = 0; j < i; j++) {
                InterfaceAddress a = lans.get(j), b = lans.get(i);
                if (!a.subnet().overlaps(b.subnet())) continue;
                out.report(b.range(), b.iface() + " " + b.subnet() + " overlaps " + a.iface() + " " + a.subnet()
                        + " (line " + (a.range().startLine() + 1) + "): the router cannot tell which interface "
                        + "owns those addresses, so routing and ARP break for some hosts. Give each interface "
                        + "its own subnet.");
            }
        }
        for (PpBlock pp : m.pps().values()) {
            for (PoolItem item : pp.pool()) {
                List<Ipv4.Range> ranges = new ArrayList<>();
                if (item.addresses() != null) ranges.add(item.addresses());
                else for (DhcpScope s : m.dhcpScopes().values()) ranges.add(s.addresses());
                // when two LAN interfaces cover the pool (a bridge and its member), one answering ARP is enough;
                // the overlap itself is reported above
                boolean answered = m.interfaces().values().stream().anyMatch(lan -> isLan(lan.name()) && lan.proxyArpOn()
                        && lan.addresses().stream().anyMatch(a -> ranges.stream().anyMatch(r -> a.subnet().range().overlaps(r))));
                if (answered) continue;
                for (NetInterface lan : m.interfaces().values()) {
                    if (!isLan(lan.name()) || lan.proxyArpOn()) continue;
                    for (InterfaceAddress a : lan.addresses()) {
                        if (ranges.stream().noneMatch(r -> a.subnet().range().overlaps(r))) continue;
                        String what = item.addresses() != null ? "addresses " + item.addresses()
                                : "addresses from the DHCP scope";
                        out.report(item.range(), "the remote address pool of pp " + pp.id() + " hands out " + what
                                + " inside " + lan.name() + "'s subnet " + a.subnet() + ", but " + lan.name()
                                + " does not have `proxyarp on`: hosts on " + lan.name() + " cannot reach the VPN "
                                + "clients because nobody answers ARP for them. Add `ip " + lan.name()
                                + " proxyarp on`, or take the pool from a subnet of its own.");
                        break;
                    }
                }
            }
        }
    }
}
