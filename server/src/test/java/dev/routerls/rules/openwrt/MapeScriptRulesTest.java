package dev.routerls.rules.openwrt;

import dev.routerls.openwrt.router.RouterFixture;
import dev.routerls.openwrt.router.RouterTexts;
import dev.routerls.openwrt.router.RouterTexts;
import org.junit.jupiter.api.Test;

import static dev.routerls.openwrt.router.RouterTexts.FALLBACK;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static dev.routerls.openwrt.router.RouterTexts.FIREWALL;
import static dev.routerls.openwrt.router.RouterTexts.NETWORK;
import static dev.routerls.openwrt.router.RouterTexts.SCRIPT;

/** Rules over the evaluated firewall.user: port range, PSID, tunnel device, nth spread and unmarked connections. */
class MapeScriptRulesTest {
    private static final String SNAT_LINE = "-j SNAT --to $IP4:$portl-$portr";

    private static RouterFixture withScript(String script) {
        return RouterTexts.router(NETWORK, FIREWALL, script);
    }

    private static String markSnat(String script, String marker) {
        return script.replace(SNAT_LINE, "-j SNAT --to «" + marker + "|$IP4:$portl-$portr»");
    }

    private static final String UNMARKED = "«openwrt/mape-nth-spread~one of them gets two marks, the other none|--mark $mark»";

    @Test
    void seedScriptWithThisRoutersValuesLacksOnlyTheRuleForUnmarkedConnections() {
        // the seed's flush of fw3's chain (openwrt/fw3-chain-flush), and no SNAT rule after the marked ones for a
        // connection that got no mark (openwrt/mape-nth-spread); the loop's numbers are right
        withScript(SCRIPT.replace("iptables -t nat -F POSTROUTING",
                        "«openwrt/fw3-chain-flush~zone_*_postrouting|iptables -t nat -F POSTROUTING»")
                .replace("-m mark --mark $mark", "-m mark " + UNMARKED)).assertFindings("openwrt/");
    }

    @Test
    void seedScriptWithTheRuleForUnmarkedConnectionsIsClean() {
        withScript(SCRIPT.replace("iptables -t nat -F POSTROUTING",
                "«openwrt/fw3-chain-flush~zone_*_postrouting|iptables -t nat -F POSTROUTING»") + FALLBACK).assertFindings("openwrt/");
    }

    @Test
    void theMessageNamesTheRuleToAdd() {
        withScript(SCRIPT.replace("-m mark --mark $mark", "-m mark «openwrt/mape-nth-spread~add a SNAT rule without a mark "
                + "match for these connections, e.g. `iptables -t nat -A POSTROUTING -p tcp -o map-wan_map -j SNAT --to "
                + "133.200.18.52:5472-5487`|--mark $mark»")).assertFindings("openwrt/mape-nth-spread");
    }

    @Test
    void masqueradingBeforeTheRuleForUnmarkedConnectionsTakesThemFirst() {
        withScript(SCRIPT.replace("-m mark --mark $mark", "-m mark " + UNMARKED)
                + "iptables -t nat -A POSTROUTING -o $TUNDEV -j MASQUERADE\n" + FALLBACK).assertFindings("openwrt/mape-nth-spread");
        // a rule for other traffic in between changes nothing
        withScript(SCRIPT + "iptables -t nat -A POSTROUTING -o $TUNDEV -s 192.0.2.0/24 -j MASQUERADE\n"
                + "iptables -t nat -A POSTROUTING -p tcp -o $TUNDEV -j LOG\n" + FALLBACK).assertFindings("openwrt/mape-nth-spread");
    }

    @Test
    void aRuleForUnmarkedConnectionsMustCoverWhatTheMarkedRuleTakes() {
        // only for another device, or only for some sources: the marked rule's other connections still fall through
        withScript(SCRIPT.replace("-m mark --mark $mark", "-m mark " + UNMARKED)
                + FALLBACK.replace("-o $TUNDEV", "-o map-other")).assertFindings("openwrt/mape-nth-spread");
        withScript(SCRIPT.replace("-m mark --mark $mark", "-m mark " + UNMARKED)
                + FALLBACK.replace("-o $TUNDEV", "-o $TUNDEV -s 192.168.1.0/24")).assertFindings("openwrt/mape-nth-spread");
        // one without -o covers the marked rules of every device
        withScript(SCRIPT + FALLBACK.replace("-o $TUNDEV ", "")).assertFindings("openwrt/mape-nth-spread");
    }

    @Test
    void aScriptNothingRunsIsNotAskedForThem() {
        // no firewall include and no rc.local call: its rules never reach the kernel (other checks still read it)
        String noInclude = FIREWALL.replace("config include\n\toption path '/etc/firewall.user'\n", "");
        assertFalse(noInclude.contains("config include"));
        RouterTexts.router(NETWORK, noInclude, SCRIPT).assertFindings("openwrt/mape-nth-spread");
    }

    @Test
    void marksFromElsewhereAreNotTheNthSpreadsConcern() {
        // SNAT by a mark no nth rule sets (mwan3, a DSCP classifier …): nothing to say about unmarked connections
        withScript(SCRIPT.replace("-m statistic --mode nth --every $units1 --packet $pn ", "-s 192.0.2.$rule ")).assertFindings("openwrt/mape-nth-spread");
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
                .replace("--every $units1", "«openwrt/mape-nth-spread~15 blocks|--every $units1»")
                .replace("-m mark --mark $mark", "-m mark " + UNMARKED);
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
        withScript(s + FALLBACK).assertFindings("openwrt/mape-nth-spread");
    }
}
