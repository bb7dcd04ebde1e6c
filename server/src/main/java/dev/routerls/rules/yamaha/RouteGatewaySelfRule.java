package dev.routerls.rules.yamaha;

import dev.routerls.core.Severity;
import dev.routerls.rules.Example;
import dev.routerls.rules.Findings;
import dev.routerls.rules.RuleInfo;
import dev.routerls.yamaha.model.YamahaConfig;
import dev.routerls.yamaha.model.YamahaConfig.InterfaceAddress;
import dev.routerls.yamaha.model.YamahaConfig.Route;
import dev.routerls.yamaha.model.YamahaConfig.RouteGateway;

import java.util.List;

/**
 * {@code yamaha/route-gateway-self}: a static route whose gateway is one of the router's own interface
 * addresses. Such traffic is handed to the router itself, not NATed by that interface's descriptor
 * (seed 002, "router self-address and NAT").
 */
public final class RouteGatewaySelfRule extends YamahaRule {
    public static final String ID = "yamaha/route-gateway-self";

    public RouteGatewaySelfRule() {
        super(RuleInfo.rule(ID, Severity.WARNING)
                .summary("static route via the router's own interface address")
                .rationale("""
                        A static route whose gateway is one of the router's own interface addresses hands the \
                        packets to the router itself instead of to a next hop. Traffic routed that way is not \
                        translated by the NAT descriptor of that interface either, which breaks setups that rely on \
                        it. The gateway must be another host or router in the subnet.""")
                .bad(Example.yamaha("""
                        ip lan1 address 192.168.11.250/24
                        ip route 192.168.253.0/24 gateway 192.168.11.250
                        """))
                .good(Example.yamaha("""
                        ip lan1 address 192.168.11.250/24
                        ip route 192.168.253.0/24 gateway 192.168.11.240
                        """))
                .tags("routing", "nat")
                .build());
    }

    @Override
    public void check(YamahaConfig m, Findings out) {
        List<InterfaceAddress> own = m.ownAddresses();
        for (Route r : m.routes()) {
            for (RouteGateway g : r.gateways()) {
                if (g.address() < 0) continue;
                for (InterfaceAddress a : own) {
                    if (a.address() != g.address()) continue;
                    out.report(g.range(), "the gateway " + g.target() + " of the route to " + r.destination()
                            + " is the router's own address on " + a.iface() + ": packets are delivered to the router "
                            + "itself instead of a next hop, and the NAT descriptor of " + a.iface()
                            + " does not translate them. Use the address of another host or router in "
                            + a.subnet() + " as the gateway.");
                    break;
                }
            }
        }
    }
}
