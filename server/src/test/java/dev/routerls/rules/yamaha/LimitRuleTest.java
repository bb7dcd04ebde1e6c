package dev.routerls.rules.yamaha;

import org.junit.jupiter.api.Test;

class LimitRuleTest {
    @Test
    void numbersBeyondTheModelFire() {
        YamahaFixture.assertRule(LimitRule.ID, """
                # RTX830 Rev.15.02.20 (Fri Mar 27 15:30:12 2020)
                tunnel select «yamaha/limit~tunnels 1-20|21»
                 tunnel template «yamaha/limit|19-22»
                pp select «yamaha/limit~PP 1-30|31»
                ip lan1 nat descriptor 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 «yamaha/limit~at most 16|17 18»
                """);
    }

    @Test
    void withinLimitsOrUnknownModelDoesNotFire() {
        YamahaFixture.assertRule(LimitRule.ID, """
                # RTX1210 Rev.14.01.38 (Fri Mar 27 15:30:12 2020)
                tunnel select 100
                pp select 100
                """);
        YamahaFixture.assertRule(LimitRule.ID, """
                # NVR510 Rev.15.01.21 (Fri Mar 27 15:30:12 2020)
                tunnel select 4000
                pp select 500
                """);
    }
}
