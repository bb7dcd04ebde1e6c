package dev.routerls.openwrt.shell;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IptablesCommandTest {

    private static IptablesCommand parse(String line) {
        return IptablesCommand.parse(List.of(line.split(" ")));
    }

    @Test
    void longOptionsAndDefaults() {
        IptablesCommand c = parse("iptables --insert FORWARD 3 --protocol tcp --in-interface br-lan --jump ACCEPT");
        assertEquals(IptablesCommand.Operation.INSERT, c.operation());
        assertEquals("filter", c.table());
        assertEquals("FORWARD", c.chain());
        assertEquals(3, c.ruleNumber());
        assertEquals("tcp", c.protocol());
        assertEquals("br-lan", c.inInterface());
        assertEquals("ACCEPT", c.target());
        assertEquals(IptablesCommand.Family.IPV4, c.family());
    }

    @Test
    void natTargetsAndMarks() {
        IptablesCommand snat = parse("iptables -t nat -A POSTROUTING -m mark --mark 0x11/0xff -j SNAT --to-source 192.0.2.1:1024-2047");
        assertEquals(0x11L, snat.markMatch().orElseThrow().value());
        assertEquals(0xffL, snat.markMatch().orElseThrow().mask());
        IptablesCommand.NatTarget t = snat.natTarget().orElseThrow();
        assertEquals("192.0.2.1", t.address());
        assertEquals(1024, t.portLow());
        assertEquals(2047, t.portHigh());

        IptablesCommand v6 = parse("ip6tables -t nat -A POSTROUTING -j SNAT --to-source [2001:db8::1]:80");
        assertEquals(IptablesCommand.Family.IPV6, v6.family());
        assertEquals("2001:db8::1", v6.natTarget().orElseThrow().address());
        assertEquals(80, v6.natTarget().orElseThrow().portLow());

        IptablesCommand masq = parse("iptables -t nat -A POSTROUTING -j MASQUERADE --to-ports 1024-65535");
        assertNull(masq.natTarget().orElseThrow().address());
        assertEquals(65535, masq.natTarget().orElseThrow().portHigh());

        assertTrue(parse("iptables -t nat -F").natTarget().isEmpty());
        assertEquals(IptablesCommand.Operation.FLUSH, parse("iptables -t nat -F").operation());
        assertNull(parse("iptables -t nat -F").chain());
    }

    @Test
    void negationAndModuleOwnership() {
        IptablesCommand c = parse("iptables -A INPUT ! -s 10.0.0.0/8 -p tcp -m tcp --dport 22 -j MARK --set-mark 5");
        IptablesCommand.Option s = c.option("-s").orElseThrow();
        assertTrue(s.negated());
        assertEquals("22", c.moduleOption("tcp", "--dport").orElseThrow().value());
        assertFalse(c.moduleOption("tcp", "--dport").orElseThrow().targetOption());
        assertTrue(c.option("--set-mark").orElseThrow().targetOption());
        assertEquals(5L, c.setMark().orElseThrow().value());
        assertTrue(c.markMatch().isEmpty());
        assertEquals(List.of("tcp"), c.matches());
    }
}
