package dev.routerls.rules.openwrt;

import org.junit.jupiter.api.Test;

import java.util.Map;

class UciUndefinedReferenceRuleTest {
    private static final String RULE = "openwrt/undefined-reference";

    private static final String NETWORK = """
            config interface 'lan'
            \toption proto 'static'
            config interface 'wan6'
            \toption proto 'dhcpv6'
            config interface 'wan_map'
            \toption proto 'map'
            config interface 'WAN6PD'
            \toption proto 'static'
            \toption device '@wan6'
            config interface 'broken'
            \toption proto 'static'
            \toption device '@«openwrt/undefined-reference~no interface 'wan7'|wan7»'
            config route
            \toption interface '«openwrt/undefined-reference~has interface 'lann'|lann»'
            """;

    @Test
    void zoneNetworksDhcpInterfacesAndForwardingZones() {
        UciRuleFixtures.assertRouter(RULE, Map.of(
                "network", NETWORK,
                "firewall", """
                        config zone
                        \toption name 'lan'
                        \tlist network 'lan'
                        config zone
                        \toption name 'wan'
                        \tlist network 'wan6'
                        \tlist network 'wan_map'
                        \tlist network '«openwrt/undefined-reference~did you mean 'WAN6PD'|wan6pd»'
                        config zone
                        \toption name 'guest'
                        \toption network 'lan «openwrt/undefined-reference~no interface 'guest'|guest»'
                        config forwarding
                        \toption src 'lan'
                        \toption dest 'wan'
                        config forwarding
                        \toption src 'lan'
                        \toption dest '«openwrt/undefined-reference~no zone is named 'wam'|wam»'
                        config rule
                        \toption src '*'
                        \toption dest 'lan'
                        """,
                "dhcp", """
                        config dhcp 'lan'
                        \toption interface 'lan'
                        config dhcp 'wan'
                        \toption interface '«openwrt/undefined-reference~no interface 'wan'|wan»'
                        \toption ignore '1'
                        """));
    }

    @Test
    void withoutTheNetworkFileNothingIsAssumed() {
        UciRuleFixtures.assertRouter(RULE, Map.of("firewall", """
                config zone
                \toption name 'wan'
                \tlist network 'anything'
                config forwarding
                \toption src 'wan'
                \toption dest '«openwrt/undefined-reference|lan»'
                """));
    }
}
