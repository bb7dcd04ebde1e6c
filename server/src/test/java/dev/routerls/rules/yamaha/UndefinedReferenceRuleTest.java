package dev.routerls.rules.yamaha;

import org.junit.jupiter.api.Test;

class UndefinedReferenceRuleTest {
    @Test
    void missingDefinitionsFire() {
        YamahaFixture.assertRule(UndefinedReferenceRule.ID, """
                ip lan2 nat descriptor «yamaha/undefined-reference~NAT descriptor 40|40»
                ip lan1 secure filter in 100 «yamaha/undefined-reference~IP filter 101|101» dynamic «yamaha/undefined-reference|7»
                ip route default gateway pp «yamaha/undefined-reference~PP 2|2»
                pp select anonymous
                 pp bind «yamaha/undefined-reference~tunnel 5|tunnel5»
                tunnel select 1
                 ipsec tunnel «yamaha/undefined-reference~SA policy 9|9»
                no tunnel select
                dhcp scope bind «yamaha/undefined-reference~DHCP scope 2|2» 192.168.0.5 ethernet 00:11:22:33:44:55
                ip filter 100 pass * * * * *
                """);
    }

    @Test
    void definedLaterOrByTemplateDoesNotFire() {
        YamahaFixture.assertRule(UndefinedReferenceRule.ID, """
                ip lan2 nat descriptor 40
                pp select anonymous
                 pp bind tunnel2-tunnel4
                tunnel select 2
                 tunnel template 3-4
                 ipsec tunnel 2
                  ipsec sa policy 2 2 esp aes-cbc sha-hmac
                no tunnel select
                ipsec transport 2 2 udp 1701
                ipsec transport template 2 3-4
                nat descriptor type 40 nat
                """);
    }

    @Test
    void transportTemplateToTunnelsWithoutPoliciesFires() {
        YamahaFixture.assertRule(UndefinedReferenceRule.ID, """
                tunnel select 2
                 tunnel template 3
                 ipsec tunnel 2
                  ipsec sa policy 2 2 esp aes-cbc sha-hmac
                no tunnel select
                ipsec transport 2 2 udp 1701
                ipsec transport template 2 3-«yamaha/undefined-reference~SA policy 4|»4
                """.replace("3-«yamaha/undefined-reference~SA policy 4|»4", "«yamaha/undefined-reference~SA policy 4|3-4»"));
    }
}
