package dev.routerls.rules.openwrt;

import dev.routerls.core.Diagnostic;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One mistake, one finding: after a line libuci cannot read, the findings of every OpenWrt rule are
 * those of the mistake alone, not of guesses built on it.
 */
class UciRecoveryTest {
    private static final String ALL = "openwrt/";

    private static final String NETWORK = """
            config interface 'lan'
            \toption proto 'static'
            \toption ipaddr '192.168.1.1'
            \toption netmask '255.255.255.0'
            config interface 'wan'
            \toption proto 'dhcp'
            """;

    @Test
    void strayCharacterBeforeTheFirstHeaderIsOneError() {
        UciRuleFixtures.assertRouter(ALL, Map.of("network", NETWORK, "firewall", """
                «openwrt/uci-syntax~invalid command|`config» defaults
                \toption input 'ACCEPT'
                \toption output 'ACCEPT'
                \tlist network 'lan'
                config zone
                \toption name 'lan'
                \tlist network 'lan'
                """));
    }

    @Test
    void misspeltHeaderKeepsItsOptionsOutOfThePreviousSection() {
        List<Diagnostic> all = UciRuleFixtures.assertRouter(ALL, Map.of("network", NETWORK, "firewall", """
                config zone
                \toption name 'lan'
                \tlist network 'lan'
                \toption input 'ACCEPT'
                «openwrt/uci-syntax~invalid command|onfig» zone
                \toption name 'wan'
                \tlist network 'wan'
                \toption input 'REJECT'
                \toption masq '1'
                config forwarding
                \toption src 'lan'
                \toption dest 'wan'
                config rule
                \toption src 'lan'
                \toption target 'ACCEPT'
                """));
        assertEquals(1, all.size(), all::toString);
    }

    /** libuci keeps 'static' when a later line sets proto to '': no "belongs to proto" warning. */
    @Test
    void emptyValueKeepsTheEarlierOne() {
        UciRuleFixtures.assertRouter(ALL, Map.of("network", """
                config interface 'lan'
                \toption proto 'static'
                \toption proto ''
                \toption ipaddr '192.168.1.1'
                \toption netmask '255.255.255.0'
                """));
    }
}
