package dev.routerls.rules.openwrt;

import dev.routerls.core.Diagnostic;
import dev.routerls.core.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UciSyntaxRuleTest {
    private static final String RULE = "openwrt/uci-syntax";

    @Test
    void firesWithLibuciWordingAndKeepsGoing() {
        List<Diagnostic> all = UciRuleFixtures.assertFile(RULE, "network", """
                config interface «openwrt/uci-syntax~invalid character in name field|'wan-6'»
                \toption proto dhcpv6
                \t«openwrt/uci-syntax~invalid command|optoin» ipaddr 1
                config interface 'lan'
                \toption «openwrt/uci-syntax~invalid character in name field|ip-addr» '10.0.0.1'
                \toption ipaddr 10.0.0.1 «openwrt/uci-syntax~too many arguments|10.0.0.2»
                \toption ipadr 10.0.0.1
                """);
        // the rest of the file is still analysed: the typo after the errors is found
        assertTrue(all.stream().anyMatch(d -> d.ruleId().equals("openwrt/unknown-option")), all.toString());
        assertTrue(all.stream().filter(d -> d.ruleId().equals(RULE)).allMatch(d -> d.severity() == Severity.ERROR));
    }

    @Test
    void eachLibuciMessage() {
        UciRuleFixtures.assertFile(RULE, "system", """
                «openwrt/uci-syntax~option/list command found before the first section|option» a b
                config «openwrt/uci-syntax~invalid character in type field|'a b'»
                «openwrt/uci-syntax~insufficient arguments|config ;»
                config t 's'
                \toption a «openwrt/uci-syntax~EOF with unterminated "|"»never closed
                """);
        UciRuleFixtures.assertFile(RULE, "system", """
                config t 's'
                \toption a «openwrt/uci-syntax~EOF with unterminated '|'»never closed
                """);
    }

    @Test
    void semicolonQuirkIsAWarningOfItsOwnRule() {
        List<Diagnostic> all = UciRuleFixtures.assertFile("openwrt/uci-ignored-text", "system", """
                config system«openwrt/uci-ignored-text~ignores the rest of this line|; option hostname x»
                config system 'b'; option hostname y
                """);
        assertEquals(Severity.WARNING, all.get(0).severity());
    }

    @Test
    void doesNotFireOnTrickyButValidSyntax() {
        UciRuleFixtures.assertFile(RULE, "network", """
                # comment
                package network
                c interface 'lan' # trailing comment
                \to proto static ; o ipaddr "192.168.1.1"
                \tl dns '1.1.1.1'
                \toption description 'multi
                line'
                \toption label a'b c'"d"
                config interface wan; option proto dhcp
                """.replace("config interface wan; option proto dhcp", "config interface 'wan'; option proto dhcp"));
    }
}
