package dev.routerls.rules.openwrt;

import dev.routerls.core.Diagnostic;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UciUnknownOptionRuleTest {
    private static final String RULE = "openwrt/unknown-option";

    @Test
    void typoGetsASuggestionAndAFix() {
        List<Diagnostic> all = UciRuleFixtures.assertFile(RULE, "network", """
                config interface 'lan'
                \toption proto 'static'
                \toption «openwrt/unknown-option~did you mean 'ipaddr'|ipadr» '192.168.1.1'
                \toption «openwrt/unknown-option~did you mean 'netmask'|netmsk» '255.255.255.0'
                """);
        Diagnostic d = all.stream().filter(x -> x.ruleId().equals(RULE)).findFirst().orElseThrow();
        assertEquals("ipaddr", d.fixes().get(0).edits().get(0).newText());
    }

    /** The suggestion is a name whose datatype takes the value: an IPv6 address under ip3addr is ip6addr (found by fuzzing `fix`). */
    @Test
    void theSuggestionTakesTheValue() {
        List<Diagnostic> all = UciRuleFixtures.assertFile(RULE, "network", """
                config interface 'wan6pd'
                \toption proto 'static'
                \tlist «openwrt/unknown-option~did you mean 'ip6addr'|ip3addr» '2001:db8::1001'
                \tlist «openwrt/unknown-option~did you mean 'ipaddr'|ip3addr» '192.0.2.1'
                """);
        assertEquals(List.of("ip6addr", "ipaddr"), all.stream().filter(x -> x.ruleId().equals(RULE))
                .map(x -> x.fixes().get(0).edits().get(0).newText()).toList());
    }

    @Test
    void optionOfAnotherProtoIsNamed() {
        UciRuleFixtures.assertFile(RULE, "network", """
                config interface 'wan'
                \toption proto 'dhcp'
                \toption «openwrt/unknown-option~belongs to proto 'map'|legacymap» '1'
                \toption hostname 'router'
                """);
    }

    @Test
    void mapOptionsAreKnownUnderProtoMap() {
        UciRuleFixtures.assertFile(RULE, "network", """
                config interface 'wan_map'
                \toption proto 'map'
                \toption maptype 'map-e'
                \toption peeraddr '2404:9200:225:100::64'
                \toption ipaddr '106.72.0.0'
                \toption ip4prefixlen '15'
                \toption ip6prefix '240b:10::'
                \toption ip6prefixlen '31'
                \toption ealen '25'
                \toption psidlen '8'
                \toption offset '4'
                \toption legacymap '1'
                \toption tunlink 'wan6'
                \toption mtu '1460'
                \toption encaplimit 'ignore'
                \toption «openwrt/unknown-option~did you mean 'psidlen'|psid_len» '8'
                """);
    }

    @Test
    void firewallAndDhcpTypes() {
        UciRuleFixtures.assertRouter(RULE, Map.of(
                "firewall", """
                        config zone
                        \toption name 'wan'
                        \tlist network 'wan'
                        \toption «openwrt/unknown-option~did you mean 'masq'|maq» '1'
                        config rule
                        \toption name 'Allow-Ping'
                        \toption «openwrt/unknown-option~did you mean 'dest_port'|dst_port» '22'
                        """,
                "dhcp", """
                        config dhcp 'lan'
                        \toption interface 'lan'
                        \toption «openwrt/unknown-option~did you mean 'leasetime'|lease_time» '12h'
                        """,
                "network", """
                        config interface 'lan'
                        \toption proto 'static'
                        config interface 'wan'
                        \toption proto 'dhcp'
                        """));
    }

    @Test
    void silentWhereTheSchemaCannotKnow() {
        // unknown package, unknown section type, unknown proto, private '_' options: nothing to say
        UciRuleFixtures.assertFile(RULE, "mwan3", "config interface 'wan'\n\toption enabled 1\n\toption anything 2\n");
        UciRuleFixtures.assertFile(RULE, "network", """
                config wireguard_wg0
                \toption public_key 'x'
                config interface 'lte'
                \toption proto 'qmi'
                \toption apn 'internet'
                config interface 'lan'
                \toption proto 'static'
                \toption _orig_ifname 'eth0'
                """);
    }
}
