package dev.routerls.rules.openwrt;

import dev.routerls.openwrt.router.RouterFixture;
import dev.routerls.openwrt.router.RouterTexts;
import org.junit.jupiter.api.Test;

import static dev.routerls.openwrt.router.RouterTexts.FIREWALL;
import static dev.routerls.openwrt.router.RouterTexts.NETWORK;
import static dev.routerls.openwrt.router.RouterTexts.SCRIPT;

/** Rules over the evaluated firewall.user: port range, PSID, tunnel device, nth spread. */
class MapeScriptRulesTest {
    private static final String SNAT_LINE = "-j SNAT --to $IP4:$portl-$portr";

    private static RouterFixture withScript(String script) {
        return RouterTexts.router(NETWORK, FIREWALL, script);
    }

    private static String markSnat(String script, String marker) {
        return script.replace(SNAT_LINE, "-j SNAT --to «" + marker + "|$IP4:$portl-$portr»");
    }

    @Test
    void seedScriptWithThisRoutersValuesIsClean() {
        // only the seed's flush of fw3's chain is reported (openwrt/fw3-chain-flush); the SNAT loop is right
        withScript(SCRIPT.replace("iptables -t nat -F POSTROUTING",
                "«openwrt/fw3-chain-flush~zone_*_postrouting|iptables -t nat -F POSTROUTING»")).assertFindings("openwrt/");
    }

    @Test
    void psidOfAnotherCustomer() {
        String s = markSnat(SCRIPT.replace("PSID='86'", "PSID='87'"), "openwrt/mape-psid-mismatch~PSID 87");
        withScript(s).assertFindings("openwrt/mape-psid-mismatch");
        withScript(s).assertFindings("openwrt/mape-port-range");
    }

    @Test
    void ipv4OfAnotherCustomer() {
        String s = markSnat(SCRIPT.replace("IP4='133.200.18.52'", "IP4='133.200.18.53'"),
                "openwrt/mape-psid-mismatch~Use 133.200.18.52");
        withScript(s).assertFindings("openwrt/mape-psid-mismatch");
    }

    @Test
    void unknownAddressIsSaidOnceAndNotChecked() {
        String s = markSnat(SCRIPT.replace("IP4='133.200.18.52'", "IP4=$(ip -4 addr show map-wan_map | awk '{print $2}')")
                .replace("PSID='86'", "PSID='87'"), "openwrt/mape-snat-unknown~cannot compute");
        withScript(s).assertFindings("openwrt/mape-snat-unknown");
        withScript(s).assertFindings("openwrt/mape-psid-mismatch");
        withScript(s).assertFindings("openwrt/mape-port-range");
    }

    @Test
    void blockOfWrongSize() {
        String s = markSnat(SCRIPT.replace("portr=`expr $portl + 15`", "portr=`expr $portl + 31`"),
                "openwrt/mape-port-range~16 ports");
        withScript(s).assertFindings("openwrt/mape-port-range");
    }

    @Test
    void ocnStrideOnBiglobe() {
        String s = SCRIPT.replace("units1=15", "units1=63").replace("units2=4096", "units2=1024");
        String marked = s.replace(SNAT_LINE, "-j SNAT --to «openwrt/mape-port-range~every 1024|"
                        + "«openwrt/mape-port-range~below 4096|«openwrt/mape-port-range~not a valid range|$IP4:$portl-$portr»»»")
                .replace("--every $units1", "«openwrt/mape-nth-spread~15 blocks|--every $units1»");
        withScript(marked).assertFindings("openwrt/mape-port-range");
        withScript(marked).assertFindings("openwrt/mape-nth-spread");
        withScript(marked).assertFindings("openwrt/mape-psid-mismatch");
    }

    @Test
    void missingBlocks() {
        String s = markSnat(SCRIPT.replace("while [ $rule -le $units1  ]", "while [ $rule -le 13 ]"),
                "openwrt/mape-port-range~leave out 2 of the 15");
        // the nth rules still cover 0..14, so only the port set is short
        withScript(s).assertFindings("openwrt/mape-port-range");
    }

    @Test
    void wrongTunnelDeviceSuggestsTheMapDevice() {
        String s = SCRIPT.replace("-o $TUNDEV", "-o «openwrt/mape-tunnel-device~Use map-wan_map|$TUNDEV»")
                .replace("TUNDEV='map-wan_map'", "TUNDEV='map-WAN_MAP'");
        withScript(s).assertFindings("openwrt/mape-tunnel-device");
    }

    @Test
    void snatWithoutOutputDevice() {
        String s = SCRIPT.replace("  iptables -t nat -A POSTROUTING -p tcp -o $TUNDEV -m mark --mark $mark " + SNAT_LINE,
                "  «openwrt/mape-tunnel-device~no -o|iptables -t nat -A POSTROUTING -p tcp -m mark --mark $mark " + SNAT_LINE + "»");
        withScript(s).assertFindings("openwrt/mape-tunnel-device");
    }

    @Test
    void nthPacketIndexesAndMarks() {
        // pn = rule % 14 gives 1..13, 0, 1: index 1 twice, 14 never; the marks repeat the same way (18 twice)
        String s = SCRIPT.replace("pn=`expr $rule - 1`", "pn=`expr $rule % 14`")
                .replace("mark=`expr $rule + 16`", "mark=`expr $rule % 14 + 17`")
                .replace("--every $units1 --packet $pn",
                        "«openwrt/mape-nth-spread~no --every 15 rule takes packet index 14|--every $units1» "
                                + "«openwrt/mape-nth-spread~index 1|--packet $pn»")
                .replace("--set-mark $mark", "--set-mark «openwrt/mape-nth-spread~Mark 18|$mark»");
        withScript(s).assertFindings("openwrt/mape-nth-spread");
    }
}
