package dev.routerls.rules.yamaha;

import org.junit.jupiter.api.Test;

/** Issue 7, item 10: settings of a descriptor that has no type and that no interface applies. */
class NatSettingsUnusedRuleTest {
    @Test
    void settingsOfAnUntypedUnappliedDescriptorFireWithTheDescriptorInUse() {
        YamahaFixture.assertRule("yamaha/", """
                ip lan2 address 192.0.2.2/24
                ip lan2 nat descriptor 1
                nat descriptor type 1 masquerade
                nat descriptor timer «yamaha/nat-settings-unused~Did you mean 1?|1000» 600
                nat descriptor timer 1000 protocol=tcp port=www 120
                nat descriptor masquerade incoming «yamaha/nat-settings-unused~3 lines (6, 7, 8)|2000» reject
                nat descriptor address outer 2000 primary
                nat descriptor masquerade static 2000 1 192.168.100.1 udp 500
                """);
    }

    @Test
    void typedOrAppliedDescriptorsAreNotThisRule() {
        YamahaFixture.assertRule(NatSettingsUnusedRule.ID, """
                ip lan2 nat descriptor 1
                nat descriptor type 1 masquerade
                nat descriptor timer 1 600
                nat descriptor type 9 nat
                nat descriptor address outer 9 192.0.2.9
                ip lan1 nat descriptor 5
                nat descriptor address outer 5 primary
                """);
        // the typed but unapplied descriptor is the unused-definition hint, once
        YamahaFixture.assertRule(UnusedDefinitionRule.ID, """
                nat descriptor type «yamaha/unused-definition|9» nat
                nat descriptor address outer 9 192.0.2.9
                nat descriptor timer 1000 600
                """);
    }
}
