package dev.routerls.rules.yamaha;

import org.junit.jupiter.api.Test;

class NatStaticNeedsOuterRuleTest {
    @Test
    void staticWithoutOuterFires() {
        YamahaFixture.assertRule(NatStaticNeedsOuterRule.ID, """
                ip pp nat descriptor 20
                nat descriptor type 20 nat
                nat descriptor address inner 20 192.168.11.240
                «yamaha/nat-static-needs-outer~address outer 20|nat descriptor static 20 1 192.168.254.240=192.168.11.240 1»
                nat descriptor static 20 2 192.168.254.241=192.168.11.241 1
                """);
    }

    @Test
    void staticWithoutInnerFires() {
        YamahaFixture.assertRule(NatStaticNeedsOuterRule.ID, """
                nat descriptor type 20 nat
                nat descriptor address outer 20 192.168.254.240
                «yamaha/nat-static-needs-outer~default auto|nat descriptor static 20 1 192.168.254.240=192.168.11.240 1»
                """);
    }

    @Test
    void bothListsSetOrMasqueradeTypeDoNotFire() {
        YamahaFixture.assertRule(NatStaticNeedsOuterRule.ID, """
                nat descriptor type 20 nat
                nat descriptor address outer 20 192.168.254.240
                nat descriptor address inner 20 192.168.11.240
                nat descriptor static 20 1 192.168.254.240=192.168.11.240 1
                nat descriptor type 21 nat-masquerade
                nat descriptor static 21 1 192.168.254.240=192.168.11.240 1
                """);
    }
}
