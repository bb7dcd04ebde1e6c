package dev.routerls.rules.yamaha;

import org.junit.jupiter.api.Test;

class NatBackwardCompatibilityRuleTest {
    private static final String NAT = """
            nat descriptor type 20 nat
            nat descriptor address outer 20 192.168.254.240
            nat descriptor address inner 20 192.168.11.240
            nat descriptor static 20 1 192.168.254.240=192.168.11.240 1
            """;

    @Test
    void nvr510PpAnonymousNatWithoutSettingFires() {
        YamahaFixture.assertRule(NatBackwardCompatibilityRule.ID, """
                # NVR510 Rev.15.01.21 (Fri Mar 27 15:30:12 2020)
                pp select anonymous
                 ip pp nat descriptor «yamaha/nat-backward-compatibility~backward-compatibility 1|20»
                pp select 1
                 ip pp nat descriptor 20
                """ + NAT);
    }

    @Test
    void explicitTwoStillFires() {
        YamahaFixture.assertRule(NatBackwardCompatibilityRule.ID, """
                # RTX1210 Rev.14.01.38 (Fri Mar 27 15:30:12 2020)
                nat descriptor backward-compatibility 2
                pp select anonymous
                 ip pp nat descriptor «yamaha/nat-backward-compatibility~set to 2|20»
                """ + NAT);
    }

    @Test
    void settingOneOrNonPortSavingModelOrUnknownModelDoNotFire() {
        YamahaFixture.assertRule(NatBackwardCompatibilityRule.ID, """
                # NVR510 Rev.15.01.21 (Fri Mar 27 15:30:12 2020)
                nat descriptor backward-compatibility 1
                pp select anonymous
                 ip pp nat descriptor 20
                """ + NAT);
        YamahaFixture.assertRule(NatBackwardCompatibilityRule.ID, """
                # NVR500 Rev.11.00.41 (Fri Mar 27 15:30:12 2020)
                pp select anonymous
                 ip pp nat descriptor 20
                """ + NAT);
        YamahaFixture.assertRule(NatBackwardCompatibilityRule.ID, """
                pp select anonymous
                 ip pp nat descriptor 20
                """ + NAT);
    }
}
