package dev.routerls.rules.yamaha;

import org.junit.jupiter.api.Test;

class SyntaxRuleTest {
    @Test
    void malformedLinesAndBadValuesFireOncePerLine() {
        YamahaFixture.assertRule(SyntaxRule.ID, """
                ip lan1 address 192.168.11.250/24
                «yamaha/syntax~command name|192.168.0.1» gateway
                console prompt «yamaha/syntax~never closed|"»oops
                ip lan1 address «yamaha/syntax~not a valid IPv4|300.1.1.1/24»
                nat descriptor masquerade port range 1 «yamaha/syntax~not a port range|70000-70015»
                «yamaha/syntax~OUTER=INNER|nat descriptor static 20 1 192.168.254.240 192.168.11.240»
                «yamaha/syntax~pp select NUMBER|pp select two»
                ip lan2 address 192.168.1.1/24
                """);
    }

    @Test
    void validLinesDoNotFire() {
        YamahaFixture.assertRule(SyntaxRule.ID, """
                console prompt "[RTX1210] "
                description lan2 "Biglobe FTTH"
                analog extension dial prefix sip prefix="9#"
                ip route default gateway pp 1 filter 500000 gateway pp 1
                no ip lan1 proxyarp on
                no nat descriptor static 20 1
                nat descriptor masquerade static 1000 2 192.168.100.1 esp
                ip lan1 nat descriptor reverse 30
                """);
    }
}
