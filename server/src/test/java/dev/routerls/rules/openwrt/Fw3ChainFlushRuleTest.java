package dev.routerls.rules.openwrt;

import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.Diagnostic;
import dev.routerls.openwrt.router.RouterFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.routerls.openwrt.router.RouterTexts.FIREWALL;
import static dev.routerls.openwrt.router.RouterTexts.NETWORK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code openwrt/fw3-chain-flush}: firewall.user flushing a built-in chain deletes fw3's own rules there
 * (seed 000's three nat flushes); flushing a chain of the script's own, or anything on fw4, is fine.
 */
class Fw3ChainFlushRuleTest {
    private static final String RULE = "openwrt/fw3-chain-flush";
    private static final String FW3 = "DISTRIB_ID='OpenWrt'\nDISTRIB_RELEASE='21.02.0'\n";
    private static final String FW4 = "DISTRIB_ID='OpenWrt'\nDISTRIB_RELEASE='23.05.3'\n";

    private static RouterFixture router(String release, String script) {
        return RouterFixture.of("config/network", NETWORK, "config/firewall", FIREWALL, "openwrt_release", release,
                "firewall.user", script);
    }

    @Test
    void seedFlushesOfFw3sNatChainsFire() {
        router(FW3, """
                «openwrt/fw3-chain-flush~zone_*_prerouting chains: port forwards|iptables -t nat -F PREROUTING»
                «openwrt/fw3-chain-flush~not only this script's|iptables -t nat -F OUTPUT»
                «openwrt/fw3-chain-flush~'0 references'|iptables -t nat -F POSTROUTING»
                iptables -t nat -A POSTROUTING -o map-wan_map -j SNAT --to 133.200.18.52:5472-5487
                """).assertFindings(RULE);
    }

    @Test
    void otherTablesWholeTablesAndLongOptionsFire() {
        router(FW3, """
                «openwrt/fw3-chain-flush~delegate_input|iptables -F INPUT»
                «openwrt/fw3-chain-flush~every chain of the nat table|iptables -t nat -F»
                «openwrt/fw3-chain-flush~mangle FORWARD|iptables --table mangle --flush FORWARD»
                «openwrt/fw3-chain-flush~ip6tables -t nat -L|ip6tables -t nat -F POSTROUTING»
                """).assertFindings(RULE);
        // with no openwrt_release the firewall.user of a fw3 router is assumed
        RouterFixture.of("config/network", NETWORK, "config/firewall", FIREWALL,
                "firewall.user", "«openwrt/fw3-chain-flush|iptables -t nat -F POSTROUTING»\n").assertFindings(RULE);
    }

    @Test
    void ownChainsAndFw4AreSilent() {
        router(FW3, """
                iptables -t nat -N fwuser_postrouting 2>/dev/null
                iptables -t nat -F fwuser_postrouting
                iptables -t nat -F zone_wan_postrouting_custom
                iptables -t nat -D POSTROUTING -j fwuser_postrouting 2>/dev/null
                iptables -t nat -I POSTROUTING -j fwuser_postrouting
                iptables -t nat -L POSTROUTING
                """).assertFindings(RULE);
        // fw4 keeps its rules in table inet fw4: the iptables-nft nat table is the script's alone
        router(FW4, "iptables -t nat -F POSTROUTING\n").assertFindings(RULE);
    }

    @Test
    void noFixWhereMovingTheRulesIsNotCertain() {
        for (String script : List.of(
                // the chain word is a variable
                "C=POSTROUTING\niptables -t nat -F POSTROUTING\niptables -t nat -A $C -j SNAT --to 192.0.2.1\n",
                // a rule returns to the built-in chain, which a chain of its own would change
                "iptables -t nat -F POSTROUTING\niptables -t nat -A POSTROUTING -o lan -j RETURN\n",
                // a rule is replaced by number
                "iptables -t nat -F POSTROUTING\niptables -t nat -A POSTROUTING -j SNAT --to 192.0.2.1\n"
                        + "iptables -t nat -R POSTROUTING 1 -j SNAT --to 192.0.2.2\n",
                // the flush runs only under a condition
                "[ -e /tmp/x ] && iptables -t nat -F POSTROUTING\n")) {
            // a router without MAP-E, so that no SNAT loop replacement stands in for the fix
            RouterFixture r = RouterFixture.of("config/network", "config interface 'lan'\n\toption proto 'static'\n",
                    "openwrt_release", FW3, "firewall.user", script);
            List<Diagnostic> ds = r.analyze(AnalysisSettings.DEFAULT).get(RouterFixture.ROOT + "firewall.user")
                    .stream().filter(d -> d.ruleId().equals(RULE)).toList();
            assertEquals(1, ds.size(), script + ds);
            assertTrue(ds.get(0).fixes().isEmpty(), script + ds.get(0).fixes());
        }
    }
}
