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

    @Test
    void catalogCatchesTyposAndUnknownCommandsWithTheDefaultAnalyzer() {
        YamahaFixture.assertRule(SyntaxRule.ID, """
                # RTX830 Rev.15.02.20 (Mon Jan  1 00:00:00 2024)
                ip lan1 address 192.168.100.1/24
                ip lan1 «yamaha/syntax~Did you mean "ip lan1 address"|adress» 192.168.100.1/24
                «yamaha/syntax~Did you mean "ntpdate"|ntpdat» ntp.nict.jp
                ntp «yamaha/syntax~no such command|date» ntp.nict.jp
                dns private «yamaha/syntax~Did you mean "dns private name"|nme» setup.netvolante.jp
                switch control mode «yamaha/syntax~manager, agent|maser»
                dhcp service «yamaha/syntax~not a valid|sever»
                """);
    }

    @Test
    void realCommandsTheReferenceTextMissesDoNotFire() {
        YamahaFixture.assertRule(SyntaxRule.ID, """
                # RTX830 Rev.15.02.20 (Mon Jan  1 00:00:00 2024)
                dhcp scope 1 192.168.100.2-192.168.100.191/24
                dhcp scope bind 1 192.168.100.10 ethernet 00:11:22:33:44:55
                dhcp scope bind 1 192.168.100.11 01:00:11:22:33:44:56
                dhcp scope bind 1 192.168.100.12 00:11:22:33:44:57
                dns private name setup.netvolante.jp
                no dns private name
                switch control mode master
                switch control mode slave
                ntpdate ntp.nict.jp
                """);
    }
}
