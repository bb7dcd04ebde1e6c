package dev.routerls.rules.openwrt;

import dev.routerls.openwrt.router.RouterFixture;
import dev.routerls.openwrt.router.RouterTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.routerls.openwrt.router.RouterTexts.FIREWALL;
import static dev.routerls.openwrt.router.RouterTexts.NETWORK;
import static dev.routerls.openwrt.router.RouterTexts.SCRIPT;

/** mape-ealen, mape-rule-mismatch and mape-legacymap: firing on a broken map interface, silent on the consistent one. */
class MapeConfigRulesTest {

    private static RouterFixture withNetwork(String network) {
        return RouterTexts.router(network, FIREWALL, SCRIPT);
    }

    @Test
    void consistentRouterHasNoMapeFindings() {
        withNetwork(NETWORK).assertFindings("openwrt/mape-");
    }

    @Test
    void ealenNotMatchingIpv4AndPsidBitsNorTheDelegatedLength() {
        String net = NETWORK.replace("option ealen '25'",
                "option ealen «openwrt/mape-ealen~17 IPv4 bits|«openwrt/mape-ealen~is /56|«openwrt/mape-rule-mismatch~has ealen 25|'24'»»»");
        withNetwork(net).assertFindings("openwrt/mape-ealen");
        withNetwork(net).assertFindings("openwrt/mape-rule-mismatch");
    }

    @Test
    void ealenConsistentWithItsOwnOptionsButWrongForTheDelegatedPrefix() {
        // psidlen 7 + 17 = 24 holds, but /31 + 24 = /55 is not the /56 delegated
        String net = NETWORK.replace("option ealen '25'", "option ealen «openwrt/mape-ealen~/55|'24'»")
                .replace("option psidlen '8'", "option psidlen '7'");
        withNetwork(net).assertFindings("openwrt/mape-ealen");
    }

    @Test
    void offsetPlusPsidlenOver16() {
        String net = NETWORK.replace("option offset '4'", "option offset «openwrt/mape-ealen~16 bits|'9'»");
        withNetwork(net).assertFindings("openwrt/mape-ealen");
    }

    @Test
    void ruleMismatchOnOffsetAndBrAndMissingOffset() {
        String net = NETWORK.replace("option offset '4'", "option offset «openwrt/mape-rule-mismatch~offset 4|'6'»")
                .replace("option peeraddr '2001:260:700:1::1:275'",
                        "option peeraddr «openwrt/mape-rule-mismatch~no border relay of BIGLOBE|'2404:9200:225:100::64'»");
        withNetwork(net).assertFindings("openwrt/mape-rule-mismatch");
        String missing = NETWORK.replace("\toption offset '4'\n", "")
                .replace("config interface 'wan_map'", "«openwrt/mape-rule-mismatch~uses 6|config interface 'wan_map'»");
        withNetwork(missing).assertFindings("openwrt/mape-rule-mismatch");
    }

    @Test
    void otherBiglobeBorderRelayIsAccepted() {
        String net = NETWORK.replace("2001:260:700:1::1:275", "2001:260:700:1::1:276");
        withNetwork(net).assertFindings("openwrt/mape-rule-mismatch");
    }

    @Test
    void ruleMismatchOnIpv4Prefix() {
        String net = NETWORK.replace("option ipaddr '133.200.0.0'", "option ipaddr «openwrt/mape-rule-mismatch~133.200.0.0/15|'106.72.0.0'»");
        withNetwork(net).assertFindings("openwrt/mape-rule-mismatch");
    }

    @Test
    void ownAddressInIpaddrIsTheSameRulePrefix() {
        withNetwork(NETWORK.replace("option ipaddr '133.200.0.0'", "option ipaddr '133.200.18.52'"))
                .assertFindings("openwrt/mape-rule-mismatch");
    }

    @Test
    void legacymapMissingOrZero() {
        String missing = NETWORK.replace("\toption legacymap '1'\n", "")
                .replace("config interface 'wan_map'", "«openwrt/mape-legacymap~legacymap '1'|config interface 'wan_map'»");
        withNetwork(missing).assertFindings("openwrt/mape-legacymap");
        String zero = NETWORK.replace("option legacymap '1'", "option legacymap «openwrt/mape-legacymap~Set legacymap|'0'»");
        withNetwork(zero).assertFindings("openwrt/mape-legacymap");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "yes", "on", "true", "enabled"})
    void legacymapAnyTrueSpellingSatisfiesTheRule(String yes) {
        withNetwork(NETWORK.replace("option legacymap '1'", "option legacymap '" + yes + "'"))
                .assertFindings("openwrt/mape-legacymap");
    }

    @Test
    void legacymapNotNeededWhereNoKnownRuleApplies() {
        // a rule prefix the table does not know (documentation prefix): nothing to compare against
        String net = NETWORK.replace("\toption legacymap '1'\n", "").replace("2404:7a80::", "2001:db8::")
                .replace("2404:7a80:1234:5600", "2001:db8:1234:5600");
        withNetwork(net).assertFindings("openwrt/mape-legacymap");
        withNetwork(net).assertFindings("openwrt/mape-rule-mismatch");
    }
}
