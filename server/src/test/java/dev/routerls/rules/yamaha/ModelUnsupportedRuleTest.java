package dev.routerls.rules.yamaha;

import org.junit.jupiter.api.Test;

class ModelUnsupportedRuleTest {
    @Test
    void nativeMapEOnOldFirmwareFires() {
        YamahaFixture.assertRule(ModelUnsupportedRule.ID, """
                # RTX1210 Rev.14.01.33 (Fri Mar 27 15:30:12 2020)
                tunnel select 1
                 tunnel encapsulation «yamaha/model-unsupported~Rev.14.01.34|map-e»
                """);
        YamahaFixture.assertRule(ModelUnsupportedRule.ID, """
                # NVR500 Rev.11.00.41 (Fri Mar 27 15:30:12 2020)
                tunnel select 1
                 tunnel encapsulation «yamaha/model-unsupported~not available|map-e»
                """);
    }

    @Test
    void nativeMapEOnNewFirmwareOrUnknownModelDoesNotFire() {
        YamahaFixture.assertRule(ModelUnsupportedRule.ID, """
                # RTX1210 Rev.14.01.34 (Fri Mar 27 15:30:12 2020)
                tunnel select 1
                 tunnel encapsulation map-e
                """);
        YamahaFixture.assertRule(ModelUnsupportedRule.ID, """
                # NVR510 Rev.15.01.21 (Fri Mar 27 15:30:12 2020)
                tunnel select 1
                 tunnel encapsulation map-e
                """);
    }
}
