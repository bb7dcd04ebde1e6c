package dev.routerls.openwrt.router;

import dev.routerls.core.AnalysisSettings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The chains as firewall.user leaves them: its -A, -I, -R, -D, -F replayed in order. */
class IptablesChainsTest {

    private static IptablesChains nat(String script) {
        return RouterFixture.of("firewall.user", script).router(AnalysisSettings.DEFAULT).iptablesChains("nat");
    }

    /** The chain's rules by the value of their -j (or -s, to tell rules of one target apart). */
    private static List<String> order(IptablesChains chains, String chain) {
        return chains.rules(chain).orElseThrow().stream()
                .map(r -> r.command().option("-s").map(o -> o.value()).orElse(r.command().target())).toList();
    }

    @Test
    void appendInsertReplaceDeleteAndFlushAreReplayed() {
        IptablesChains c = nat("""
                iptables -t nat -A POSTROUTING -s 192.0.2.1 -j SNAT --to 198.51.100.1
                iptables -t nat -F POSTROUTING
                iptables -t nat -A POSTROUTING -s 192.0.2.2 -j SNAT --to 198.51.100.1
                iptables -t nat -A POSTROUTING -s 192.0.2.3 -j SNAT --to 198.51.100.1
                iptables -t nat -I POSTROUTING -j MASQUERADE
                iptables -t nat -I POSTROUTING 3 -s 192.0.2.4 -j ACCEPT
                iptables -t nat -R POSTROUTING 4 -s 192.0.2.5 -j ACCEPT
                iptables -t nat -D POSTROUTING -j MASQUERADE
                iptables -t nat -D POSTROUTING -j MASQUERADE 2>/dev/null
                iptables -t mangle -A POSTROUTING -s 192.0.2.9 -j MARK --set-mark 1
                iptables -t nat -A mine -s 192.0.2.6 -j RETURN
                iptables -t nat -A POSTROUTING -j mine
                """);
        assertEquals(List.of("192.0.2.2", "192.0.2.4", "192.0.2.5", "mine"), order(c, "POSTROUTING"));
        assertEquals(List.of("192.0.2.6"), order(c, "mine"));
        List<IptablesChains.Jump> jumps = c.jumpsTo("mine");
        assertEquals(1, jumps.size());
        assertEquals("POSTROUTING", jumps.get(0).chain());
        assertEquals(3, jumps.get(0).index());
        // a flush of the whole table empties every chain
        assertEquals(List.of(), order(nat("iptables -t nat -A OUTPUT -j ACCEPT\niptables -t nat -F\n"), "OUTPUT"));
    }

    @Test
    void aChainTheScriptLeavesUnknownHasNoContents() {
        assertEquals(Optional.empty(), nat("iptables -t nat -A $(cat /tmp/chain) -j ACCEPT\n").rules("POSTROUTING"));
        assertEquals(Optional.empty(), nat("iptables -t nat -I POSTROUTING $(cat /tmp/n) -j ACCEPT\n").rules("POSTROUTING"));
        // another table's unknown chain does not matter
        assertEquals(List.of("ACCEPT"), order(nat("iptables -t mangle -A $(cat /tmp/chain) -j ACCEPT\n"
                + "iptables -t nat -A POSTROUTING -j ACCEPT\n"), "POSTROUTING"));
    }
}
