package dev.routerls.rules.yamaha;

import org.junit.jupiter.api.Test;

class NatStaticRangeRuleTest {
    @Test
    void countPastBroadcastOrPast255Fires() {
        YamahaFixture.assertRule(NatStaticRangeRule.ID, """
                ip lan1 address 192.168.11.250/24
                nat descriptor static 30 1 192.168.253.2=192.168.11.2 «yamaha/nat-static-range~broadcast|254»
                nat descriptor static 30 2 192.168.253.2=192.168.11.2 «yamaha/nat-static-range~past the end|300»
                nat descriptor static 31 1 10.1.1.200=10.2.2.200 «yamaha/nat-static-range~next /24|60»
                """);
    }

    @Test
    void runInsideTheSubnetOrMaskFormDoesNotFire() {
        YamahaFixture.assertRule(NatStaticRangeRule.ID, """
                ip lan1 address 192.168.11.250/24
                nat descriptor static 30 1 192.168.253.2=192.168.11.2 253
                nat descriptor static 31 1 10.1.0.0=10.2.0.0/16
                nat descriptor static 32 1 10.1.1.1=10.2.2.1
                """);
    }
}
