package dev.routerls.rules.yamaha;

import org.junit.jupiter.api.Test;

class RouteGatewaySelfRuleTest {
    @Test
    void routeViaOwnAddressFires() {
        YamahaFixture.assertRule(RouteGatewaySelfRule.ID, """
                ip lan1 address 192.168.11.250/24
                ip route 192.168.253.0/24 gateway «yamaha/route-gateway-self~own address on lan1|192.168.11.250»
                """);
    }

    @Test
    void routeViaAnotherHostDoesNotFire() {
        YamahaFixture.assertRule(RouteGatewaySelfRule.ID, """
                ip lan1 address 192.168.11.250/24
                ip route 192.168.253.240/32 gateway 192.168.11.240
                ip route default gateway pp 1
                """);
    }
}
