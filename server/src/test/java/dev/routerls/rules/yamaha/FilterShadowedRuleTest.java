package dev.routerls.rules.yamaha;

import org.junit.jupiter.api.Test;

class FilterShadowedRuleTest {

    @Test
    void laterFilterInsideAnEarlierOneFires() {
        YamahaFixture.assertRule(FilterShadowedRule.ID, """
                ip lan1 secure filter in 10 «yamaha/filter-shadowed~filter 10 (line 3) before it matches every packet|20» 30
                ip filter 20 reject 192.168.0.0/24 * tcp * www
                ip filter 10 pass * * tcp
                ip filter 30 pass * *
                """);
    }

    @Test
    void sameActionSaysItChangesNothing() {
        YamahaFixture.assertRule(FilterShadowedRule.ID, """
                ip lan2 secure filter out 1 «yamaha/filter-shadowed~changes nothing|2»
                ip filter 1 reject 10.0.0.0/8 *
                ip filter 2 reject-nolog 10.1.0.0/16 * udp
                """);
    }

    @Test
    void severalEarlierFiltersTogetherShadow() {
        YamahaFixture.assertRule(FilterShadowedRule.ID, """
                ip lan1 secure filter in 10 11 12 «yamaha/filter-shadowed~filters 10 (line 2), 11 (line 3) together|20»
                ip filter 10 pass 192.168.0.0/25 *
                ip filter 11 pass 192.168.0.128-192.168.0.255 *
                ip filter 12 pass 172.16.0.0/12 *
                ip filter 20 reject 192.168.0.0/24 * tcp
                """);
    }

    @Test
    void wildcardOctetsAndMasksAreAddressSets() {
        YamahaFixture.assertRule(FilterShadowedRule.ID, """
                ip lan1 secure filter in 1 «yamaha/filter-shadowed|2» «yamaha/filter-shadowed|3»
                ip filter 1 reject 192.168.*.* *
                ip filter 2 pass 192.168.5.0/255.255.255.0 *
                ip filter 3 pass 192.168.7.1-192.168.9.3 * icmp
                """);
    }

    @Test
    void portsOfAWildcardProtocolDoNotNarrowIcmp() {
        // with protocol * the port fields apply to TCP and UDP only; ICMP matches filter 1 whatever its ports
        YamahaFixture.assertRule(FilterShadowedRule.ID, """
                ip pp secure filter in 1 «yamaha/filter-shadowed|2» 3
                ip filter 1 pass * * * * www
                ip filter 2 reject * * icmp
                ip filter 3 reject * * udp
                """);
    }

    @Test
    void aFilterRepeatedInTheListFires() {
        YamahaFixture.assertRule(FilterShadowedRule.ID, """
                ip lan1 secure filter in 10 20 «yamaha/filter-shadowed~already earlier|10»
                ip filter 10 pass * * tcp * www
                ip filter 20 pass * *
                """);
    }

    @Test
    void nearMissInThePortIsQuiet() {
        YamahaFixture.assertRule(FilterShadowedRule.ID, """
                ip lan1 secure filter in 10 20 30
                ip filter 10 pass * * tcp * www
                ip filter 20 reject * * tcp * www,443
                ip filter 30 reject * * tcp 1024-65535 -80
                """);
    }

    @Test
    void nearMissInTheProtocolIsQuiet() {
        // established covers TCP with ACK only: the SYN of a new connection still reaches filter 20
        YamahaFixture.assertRule(FilterShadowedRule.ID, """
                ip lan1 secure filter in 10 11 20 21
                ip filter 10 pass * * established
                ip filter 11 pass * * tcp * www
                ip filter 20 reject * * tcp
                ip filter 21 reject * * tcp,udp * www
                """);
    }

    @Test
    void nearMissInTheDirectionIsQuiet() {
        YamahaFixture.assertRule(FilterShadowedRule.ID, """
                ip lan1 secure filter in 10
                ip lan1 secure filter out 20
                ip lan2 secure filter in 20
                ip filter 10 pass * *
                ip filter 20 reject 192.168.0.0/24 *
                """);
    }

    @Test
    void namesResolvedAtRunTimeAreNotJudged() {
        YamahaFixture.assertRule(FilterShadowedRule.ID, """
                ip lan1 secure filter out 10 20 30
                ip filter 10 pass * www.example.jp tcp
                ip filter 20 reject * 192.0.2.1 tcp
                ip filter 30 reject * *.example.jp tcp * www
                """);
    }

    @Test
    void icmpTypesWithIcmpAlone() {
        YamahaFixture.assertRule(FilterShadowedRule.ID, """
                ip lan1 secure filter in 1 «yamaha/filter-shadowed|2» 3 4
                ip filter 1 pass-log * * icmp-info
                ip filter 2 reject * * icmp 8
                ip filter 3 reject * * icmp 3
                ip filter 4 pass * * icmp-error
                """);
    }
}
