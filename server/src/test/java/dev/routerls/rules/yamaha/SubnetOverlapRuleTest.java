package dev.routerls.rules.yamaha;

import org.junit.jupiter.api.Test;

class SubnetOverlapRuleTest {
    @Test
    void overlappingInterfacesAndPoolWithoutProxyArpFire() {
        YamahaFixture.assertRule(SubnetOverlapRule.ID, """
                ip lan1 address 192.168.11.250/24
                ip lan2 address «yamaha/subnet-overlap~overlaps lan1|192.168.11.1/25»
                pp select anonymous
                 ip pp remote address pool «yamaha/subnet-overlap~proxyarp on|192.168.11.200-192.168.11.203»
                """);
    }

    @Test
    void dhcpPoolInsideLanWithoutProxyArpFires() {
        YamahaFixture.assertRule(SubnetOverlapRule.ID, """
                ip lan1 address 192.168.11.250/24
                dhcp scope 1 192.168.11.2-192.168.11.63/24
                pp select anonymous
                 ip pp remote address pool «yamaha/subnet-overlap~DHCP scope|dhcp»
                """);
    }

    @Test
    void separateSubnetsProxyArpOrOwnPoolSubnetDoNotFire() {
        YamahaFixture.assertRule(SubnetOverlapRule.ID, """
                ip lan1 address 192.168.11.250/24
                ip lan1 proxyarp on
                ip lan2 address 192.168.1.51/24
                dhcp scope 1 192.168.11.2-192.168.11.63/24
                pp select anonymous
                 ip pp remote address pool dhcp
                pp select 2
                 ip pp remote address pool 192.168.254.1-192.168.254.3
                """);
    }

    @Test
    void poolCoveredByABridgeWithProxyArpDoesNotFireForItsMember() {
        YamahaFixture.assertRule(SubnetOverlapRule.ID, """
                bridge member bridge1 lan1 tunnel1-tunnel3
                ip bridge1 address 192.168.0.200/24
                ip bridge1 proxyarp on
                ip lan1 address «yamaha/subnet-overlap~overlaps bridge1|192.168.0.2/24»
                pp select anonymous
                 ip pp remote address pool 192.168.0.192-192.168.0.199
                """);
    }
}
