package dev.routerls.rules.yamaha;

import dev.routerls.core.Diagnostic;
import dev.routerls.core.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class UnusedDefinitionRuleTest {
    @Test
    void unusedDescriptorFilterAndPolicyAreHints() {
        List<Diagnostic> d = YamahaFixture.assertRule(UnusedDefinitionRule.ID, """
                nat descriptor type «yamaha/unused-definition~NAT descriptor 9|9» nat
                ip filter «yamaha/unused-definition~IP filter 500|500» pass * * * * *
                ipsec sa policy «yamaha/unused-definition|7» 7 esp aes-cbc sha-hmac
                """);
        assertTrue(d.stream().filter(x -> x.ruleId().equals(UnusedDefinitionRule.ID)).allMatch(x -> x.severity() == Severity.HINT));
    }

    @Test
    void usedDefinitionsDoNotFire() {
        YamahaFixture.assertRule(UnusedDefinitionRule.ID, """
                ip lan1 nat descriptor 9
                nat descriptor type 9 nat
                ip filter 500 pass * * * * *
                ip filter 501 pass * * * * *
                ip lan1 secure filter in 500
                ip filter set 1 in 501
                tunnel select 7
                 ipsec tunnel 7
                  ipsec sa policy 7 7 esp aes-cbc sha-hmac
                """);
    }
}
