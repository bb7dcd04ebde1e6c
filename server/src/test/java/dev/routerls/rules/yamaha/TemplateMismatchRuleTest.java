package dev.routerls.rules.yamaha;

import org.junit.jupiter.api.Test;

class TemplateMismatchRuleTest {
    @Test
    void idsOtherThanTheTunnelNumberFire() {
        YamahaFixture.assertRule(TemplateMismatchRule.ID, """
                tunnel select 2
                 tunnel template 3-4
                 ipsec tunnel 2
                  ipsec sa policy 2 «yamaha/template-mismatch~gateway id|5» esp aes-cbc sha-hmac
                  ipsec ike pre-shared-key «yamaha/template-mismatch|5» text secret
                no tunnel select
                ipsec transport 2 «yamaha/template-mismatch~renumbers only|102» udp 1701
                ipsec transport template 2 3-4
                """);
    }

    @Test
    void matchingIdsOrNoTemplateDoNotFire() {
        YamahaFixture.assertRule(TemplateMismatchRule.ID, """
                tunnel select 2
                 tunnel template 3-4
                 ipsec tunnel 2
                  ipsec sa policy 2 2 esp aes-cbc sha-hmac
                  ipsec ike remote address 2 any
                tunnel select 1
                 ipsec tunnel 101
                  ipsec sa policy 101 1 esp aes-cbc sha-hmac
                no tunnel select
                ipsec transport 2 2 udp 1701
                ipsec transport template 2 3-4
                ipsec transport 1 101 udp 1701
                """);
    }
}
