package dev.routerls.openwrt.shell;

import dev.routerls.core.Diagnostic;
import dev.routerls.testing.ScriptFindings;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seed 000's firewall.user loop (BIGLOBE, v6plus-style units) evaluated with IP4/PSID filled in. */
class SeedScriptEvaluationTest {

    /** The script of seed 000 as published, with IP4='192.0.2.1' and PSID='110' filled in. */
    static final String SEED_SCRIPT = """
            units1=15 #V6plus:15 OCN:63
            units2=4096 #V6plus 4096 OCN:1024
            IP4='192.0.2.1'
            PSID='110'
            TUNDEV='map-wan_map'


            iptables -t nat -F PREROUTING
            iptables -t nat -F OUTPUT
            iptables -t nat -F POSTROUTING

            rule=1
            while [ $rule -le $units1  ] ; do
              mark=`expr $rule + 16`
              pn=`expr $rule - 1`
              portl=`expr $rule \\* $units2 + $PSID \\* 16`
              portr=`expr $portl + 15`

              iptables -t nat -A PREROUTING -m statistic --mode nth --every $units1 --packet $pn -j MARK --set-mark $mark
              iptables -t nat -A OUTPUT -m statistic --mode nth --every $units1 --packet $pn -j MARK --set-mark $mark

              iptables -t nat -A POSTROUTING -p icmp -o $TUNDEV -m mark --mark $mark -j SNAT --to $IP4:$portl-$portr
              iptables -t nat -A POSTROUTING -p tcp -o $TUNDEV -m mark --mark $mark -j SNAT --to $IP4:$portl-$portr
              iptables -t nat -A POSTROUTING -p udp -o $TUNDEV -m mark --mark $mark -j SNAT --to $IP4:$portl-$portr
              rule=`expr $rule + 1`
            done
            """;

    /** The port blocks the seed's `iptables -t nat -L -v` listing shows for marks 0x11 … 0x1f. */
    static final List<String> SEED_PORT_BLOCKS = List.of("5856-5871", "9952-9967", "14048-14063", "18144-18159",
            "22240-22255", "26336-26351", "30432-30447", "34528-34543", "38624-38639", "42720-42735", "46816-46831",
            "50912-50927", "55008-55023", "59104-59119", "63200-63215");

    @Test
    void embeddedScriptIsTheSeedsScript() throws Exception {
        String shared = System.getProperty("routerls.sharedDir");
        dev.routerls.testing.Shared.require(shared != null && Files.isDirectory(Path.of(shared, "seeds")), "../shared/seeds");
        String seed;
        try (var files = Files.list(Path.of(shared, "seeds"))) {
            Path p = files.filter(f -> f.getFileName().toString().startsWith("000_")).findFirst().orElseThrow();
            seed = Files.readString(p);
        }
        int from = seed.indexOf("units1=15");
        int to = seed.indexOf("\ndone\n", from) + "\ndone\n".length();
        String published = seed.substring(from, to)
                .replace("IP4='xxx.xxx.xxx.xxx'", "IP4='192.0.2.1'").replace("PSID='x'", "PSID='110'");
        assertEquals(published, SEED_SCRIPT);
    }

    @Test
    void seedLoopYieldsFlushesMarksAndSnatBlocks() {
        ShellScript script = ShellScript.parse("file:///etc/firewall.user", SEED_SCRIPT);
        assertTrue(script.problems().isEmpty(), script.problems()::toString);
        EvaluationResult r = ShellEvaluator.evaluate(script, Map.of());
        assertTrue(r.complete());
        assertTrue(ScriptFindings.evaluation(script, r).isEmpty(), r.problems()::toString);
        assertEquals(3 + 15 * 5, r.commands().size());
        assertEquals(List.of("iptables -t nat -F PREROUTING", "iptables -t nat -F OUTPUT", "iptables -t nat -F POSTROUTING"),
                r.commands().subList(0, 3).stream().map(EvaluatedCommand::display).toList());
        for (int k = 0; k < 15; k++) {
            List<EvaluatedCommand> pass = r.commands().subList(3 + 5 * k, 8 + 5 * k);
            String mark = Integer.toString(0x11 + k);
            assertEquals("iptables -t nat -A PREROUTING -m statistic --mode nth --every 15 --packet " + k
                    + " -j MARK --set-mark " + mark, pass.get(0).display());
            assertEquals("iptables -t nat -A OUTPUT -m statistic --mode nth --every 15 --packet " + k
                    + " -j MARK --set-mark " + mark, pass.get(1).display());
            String[] protocols = {"icmp", "tcp", "udp"};
            for (int p = 0; p < 3; p++) {
                assertEquals("iptables -t nat -A POSTROUTING -p " + protocols[p] + " -o map-wan_map -m mark --mark " + mark
                        + " -j SNAT --to 192.0.2.1:" + SEED_PORT_BLOCKS.get(k), pass.get(2 + p).display());
            }
            for (EvaluatedCommand c : pass) {
                assertEquals(List.of(new LoopIteration(new dev.routerls.core.SourceRange(12, 0, 25, 4), k + 1)), c.loops());
                assertFalse(c.conditional());
            }
        }
    }

    @Test
    void snatWordsPointAtTheirSourceWords() {
        EvaluationResult r = ShellEvaluator.evaluate(ShellScript.parse("u", SEED_SCRIPT), Map.of());
        EvaluatedCommand icmp = r.commands().get(5);
        // line 22 (0-based 21): "  iptables -t nat -A POSTROUTING -p icmp -o $TUNDEV ... --to $IP4:$portl-$portr"
        String line = SEED_SCRIPT.lines().toList().get(21);
        int col = line.indexOf("$IP4:$portl-$portr");
        EvaluatedWord to = icmp.argv().get(icmp.argv().size() - 1);
        assertEquals(new dev.routerls.core.SourceRange(21, col, 21, col + "$IP4:$portl-$portr".length()), to.range());
        assertEquals(new dev.routerls.core.SourceRange(21, 2, 21, line.length()), icmp.range());
    }

    @Test
    void iptablesRecordsExposeMapeFields() {
        EvaluationResult r = ShellEvaluator.evaluate(ShellScript.parse("u", SEED_SCRIPT), Map.of());
        for (int k = 0; k < 15; k++) {
            IptablesCommand mark = IptablesCommand.parse(r.commands().get(3 + 5 * k));
            assertEquals("nat", mark.table());
            assertEquals(IptablesCommand.Operation.APPEND, mark.operation());
            assertEquals("PREROUTING", mark.chain());
            assertEquals("MARK", mark.target());
            IptablesCommand.Statistic st = mark.statistic().orElseThrow();
            assertEquals("nth", st.mode());
            assertEquals(15L, st.every());
            assertEquals((long) k, st.packet());
            assertEquals(0x11L + k, mark.setMark().orElseThrow().value());

            IptablesCommand snat = IptablesCommand.parse(r.commands().get(5 + 5 * k));
            assertEquals("POSTROUTING", snat.chain());
            assertEquals("SNAT", snat.target());
            assertEquals("icmp", snat.protocol());
            assertEquals("map-wan_map", snat.outInterface());
            assertEquals(0x11L + k, snat.markMatch().orElseThrow().value());
            IptablesCommand.NatTarget to = snat.natTarget().orElseThrow();
            assertEquals("192.0.2.1", to.address());
            assertEquals(SEED_PORT_BLOCKS.get(k), to.portLow() + "-" + to.portHigh());
        }
    }

    @Test
    void unknownAddressKeepsKnownPorts() {
        String script = SEED_SCRIPT.replace("IP4='192.0.2.1'", "IP4=$(uci get network.wan_map.ipaddr)");
        ShellScript parsed = ShellScript.parse("u", script);
        EvaluationResult r = ShellEvaluator.evaluate(parsed, Map.of());
        assertEquals(78, r.commands().size());
        IptablesCommand snat = IptablesCommand.parse(r.commands().get(5));
        IptablesCommand.NatTarget to = snat.natTarget().orElseThrow();
        assertEquals(null, to.address());
        assertEquals(5856, to.portLow());
        assertEquals(5871, to.portHigh());
        assertFalse(to.word().known());
        List<Diagnostic> found = ScriptFindings.evaluation(parsed, r);
        assertEquals(1, found.size());
        assertEquals("openwrt/shell-unevaluated", found.get(0).ruleId());
    }

    @Test
    void callerPresetsFillVariablesTheScriptReads() {
        String script = SEED_SCRIPT.replace("IP4='192.0.2.1'\n", "").replace("PSID='110'\n", "");
        EvaluationResult r = ShellEvaluator.evaluate(ShellScript.parse("u", script), Map.of("IP4", "192.0.2.1", "PSID", "110"));
        assertEquals("iptables -t nat -A POSTROUTING -p udp -o map-wan_map -m mark --mark 31 -j SNAT --to 192.0.2.1:63200-63215",
                r.commands().get(77).display());
    }
}
