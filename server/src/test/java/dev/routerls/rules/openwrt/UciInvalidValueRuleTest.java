package dev.routerls.rules.openwrt;

import dev.routerls.core.Diagnostic;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;

class UciInvalidValueRuleTest {
    private static final String RULE = "openwrt/invalid-value";

    @Test
    void badAddressesNumbersAndChoices() {
        UciRuleFixtures.assertFile(RULE, "network", """
                config interface 'lan'
                \toption proto 'static'
                \toption ipaddr '«openwrt/invalid-value~expects an IPv4 address|192.168.1.300»'
                \toption netmask '«openwrt/invalid-value~netmask|255.0.255.0»'
                \toption ip6assign '«openwrt/invalid-value~from 0 to 128|200»'
                \toption auto '«openwrt/invalid-value~boolean|maybe»'
                \tlist dns '1.1.1.1'
                \tlist dns '«openwrt/invalid-value|8.8.8.888»'
                config interface 'wan6'
                \toption proto 'dhcpv6'
                \toption reqaddress '«openwrt/invalid-value~one of try, force, none|always»'
                config interface 'wan_map'
                \toption proto 'map'
                \toption psidlen '«openwrt/invalid-value|17»'
                \toption peeraddr '«openwrt/invalid-value~IPv6|2404:9200:225:100::64::1»'
                """);
    }

    @Test
    void nearMissesAreValid() {
        // 'yes'/'on'/'true' are booleans for UCI; CIDR and embedded IPv4 forms are fine; lists split on spaces
        UciRuleFixtures.assertFile(RULE, "network", """
                config interface 'lan'
                \toption proto 'static'
                \toption ipaddr '192.168.1.1/24'
                \toption auto 'yes'
                \toption defaultroute 'off'
                \toption dns '1.1.1.1 2606:4700:4700::1111'
                \toption ip6addr '::ffff:192.0.2.1/128'
                \toption netmask '255.255.255.0'
                config interface 'wan6'
                \toption proto 'dhcpv6'
                \toption reqprefix 'auto'
                config interface 'wan6b'
                \toption proto 'dhcpv6'
                \toption reqprefix '56'
                """);
    }

    @Test
    void eachWordOfASpaceSeparatedListIsCheckedAtItsOwnPlace() {
        UciRuleFixtures.assertFile(RULE, "firewall", """
                config rule
                \toption src 'wan'
                \toption dest_port '22 «openwrt/invalid-value~port|70000» 1000-2000'
                \toption src_ip '!10.0.0.0/8'
                \toption target '«openwrt/invalid-value~one of|ALLOW»'
                \toption limit '10/minute'
                """);
    }

    @Test
    void secretsAreNeverEchoed() {
        List<Diagnostic> all = UciRuleFixtures.assertFile(RULE, "network", """
                config interface 'wg0'
                \toption proto 'wireguard'
                \toption listen_port '«openwrt/invalid-value|s3cr3t-port»'
                """);
        assertFalse(all.stream().anyMatch(d -> d.message().contains("s3cr3t") && d.message().contains("key")));
    }
}
