package dev.routerls.openwrt.router;

import dev.routerls.core.AnalysisSettings;
import dev.routerls.mape.PortRange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.routerls.openwrt.router.RouterTexts.FIREWALL;
import static dev.routerls.openwrt.router.RouterTexts.NETWORK;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The same SNAT spread written in several script styles must give the router model the same
 * 15 blocks of PSID 86 (from the seed's formula A·4096 + PSID·16), and the rules must stay silent;
 * the same styles with PSID 87 must be reported.
 */
class ScriptStylesToRulesTest {
    private static final String HEAD = "IP4='133.200.18.52'\nPSID=%d\nTUNDEV='map-wan_map'\n";

    private static final List<String> STYLES = List.of(
            // seed 000: while + expr in backquotes
            """
            rule=1
            while [ $rule -le 15 ] ; do
              portl=`expr $rule \\* 4096 + $PSID \\* 16`
              portr=`expr $portl + 15`
              iptables -t nat -A POSTROUTING -p tcp -o $TUNDEV -m mark --mark `expr $rule + 16` -j SNAT --to $IP4:$portl-$portr
              rule=`expr $rule + 1`
            done
            """,
            // $((...)) with shifts, until-loop
            """
            a=1
            until [ $a -gt 15 ]; do
              lo=$(( (a << 12) | (PSID << 4) ))
              iptables -t nat -A POSTROUTING -o $TUNDEV -m mark --mark $((a + 16)) -j SNAT --to-source "$IP4:$lo-$((lo + 15))"
              a=$((a + 1))
            done
            """,
            // for-loop over seq
            """
            for a in $(seq 1 15); do
              lo=$((a * 4096 + PSID * 16))
              iptables -t nat -A POSTROUTING -o ${TUNDEV} -m mark --mark $((a + 16)) -j SNAT --to ${IP4}:${lo}-$((lo + 15))
            done
            """,
            // a function called per block
            """
            snat_block() {
              local lo=$(( $1 * 4096 + PSID * 16 ))
              iptables -t nat -A POSTROUTING -o $TUNDEV -m mark --mark $(( $1 + 16 )) -j SNAT --to $IP4:$lo-$(( lo + 15 ))
            }
            for a in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do snat_block $a; done
            """);

    private static List<PortRange> expected(int psid) {
        return java.util.stream.IntStream.rangeClosed(1, 15)
                .mapToObj(a -> new PortRange(a * 4096 + psid * 16, a * 4096 + psid * 16 + 15)).toList();
    }

    @Test
    void everyStyleYieldsTheSeedsPortSet() {
        for (String style : STYLES) {
            Router r = RouterTexts.router(NETWORK, FIREWALL, HEAD.formatted(86) + style).router(AnalysisSettings.DEFAULT);
            List<PortRange> got = r.snatTargets().stream().map(t -> t.ports().orElseThrow()).toList();
            assertEquals(expected(86), got, style);
            assertEquals(expected(86), r.expectation(r.mapInterfaces().get(0)).orElseThrow().result().ports());
            RouterTexts.router(NETWORK, FIREWALL, HEAD.formatted(86) + style).assertFindings("openwrt/mape-");
        }
    }

    @Test
    void everyStyleWithAnotherPsidIsReported() {
        for (String style : STYLES) {
            var all = RouterTexts.router(NETWORK, FIREWALL, HEAD.formatted(87) + style).analyze(AnalysisSettings.DEFAULT);
            long n = all.get(RouterFixture.ROOT + "firewall.user").stream()
                    .filter(d -> d.ruleId().equals("openwrt/mape-psid-mismatch") && d.message().contains("PSID 87")).count();
            assertEquals(1, n, style);
        }
    }
}
