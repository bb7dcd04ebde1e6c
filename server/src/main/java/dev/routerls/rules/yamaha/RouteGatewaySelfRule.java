package dev.routerls.rules.yamaha;

import dev.routerls.core.Severity;
import dev.routerls.rules.Findings;
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
        super(ID, Severity.WARNING, "static route via the router's own interface address");
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
