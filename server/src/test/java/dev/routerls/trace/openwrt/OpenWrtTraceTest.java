package dev.routerls.trace.openwrt;

import dev.routerls.core.AnalysisSettings;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.router.RouterReader;
import dev.routerls.testing.SampleRouters;
import dev.routerls.trace.Disposition;
import dev.routerls.trace.PacketSpec;
import dev.routerls.trace.TraceException;
import dev.routerls.trace.TraceResult;
import dev.routerls.trace.TraceStep;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.UnaryOperator;

import static dev.routerls.trace.TraceFixture.assertResult;
import static dev.routerls.trace.TraceFixture.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OpenWrt traces over the samples of samples/openwrt (the seed 000 router and its broken copies). Each step
 * is checked for its kind, the file and line that decided it, and words of its detail.
 */
class OpenWrtTraceTest {

    static Router router(String sample) {
        return RouterReader.read(SampleRouters.files(sample), AnalysisSettings.DEFAULT);
    }

    static Router edited(String sample, String rel, UnaryOperator<String> change) {
        return RouterReader.read(SampleRouters.edited(sample, rel, change), AnalysisSettings.DEFAULT);
    }

    static TraceResult trace(Router r, String from, String src, String dst, String proto, int connection) throws TraceException {
        return new OpenWrtTrace(r).trace(from, PacketSpec.parse(src, dst, proto), connection);
    }

    /** Expects the steps in order: each "KIND FILE:LINE WORDS…" (FILE:LINE "-" for a step that names no line). */
    static void assertSteps(TraceResult r, String... expected) {
        assertEquals(expected.length, r.steps().size(), () -> "step count; actual:\n" + describe(r));
        for (int i = 0; i < expected.length; i++) {
            String[] parts = expected[i].split(" ", 3);
            TraceStep s = r.steps().get(i);
            String where = s.line() == null ? "-" : s.uri().substring(SampleRouters.ROOT.length()) + ":" + s.line();
            int n = i;
            assertEquals(parts[0] + " " + parts[1], s.kind() + " " + where, () -> "step " + n + "; actual:\n" + describe(r));
            if (parts.length > 2) {
                assertTrue(s.detail().contains(parts[2]), () -> "step " + n + " does not say '" + parts[2] + "'; actual:\n" + describe(r));
            }
        }
    }

    @Test
    void seed000LoopSendsConnectionOneToTheFirstBlock() throws Exception {
        TraceResult r = trace(router("good"), "lan", "192.168.1.10:50000", "198.51.100.7:443", "tcp", 1);
        assertResult(r, Disposition.FORWARDED, "map-wan_map", "133.200.18.52", "5472-5487", "198.51.100.7");
        assertSteps(r,
                "zone config/firewall:10 lan (device br-lan) is in firewall zone lan",
                "prerouting firewall.user:33 connection 1 is packet 0 of every 15",
                "route config/network:43 default route of wan_map (proto map)",
                "forward config/firewall:29 the forwarding from zone lan to zone wan accepts it",
                "postrouting firewall.user:37 the source becomes 133.200.18.52 with a port of 5472-5487");
        assertTrue(r.steps().get(1).detail().contains("marks the connection 0x11") && r.steps().get(1).detail().contains("pass 1 of the loop"),
                r.steps().get(1).detail());
        assertEquals("snat", r.nat().get(0).kind());
        assertEquals(29, r.filter().line());
    }

    @Test
    void seed000LoopSendsConnectionTwoToTheSecondBlock() throws Exception {
        TraceResult r = trace(router("good"), "lan", "192.168.1.10:50001", "198.51.100.7:443", "tcp", 2);
        assertResult(r, Disposition.FORWARDED, "map-wan_map", "133.200.18.52", "9568-9583", "198.51.100.7");
        assertTrue(r.steps().get(1).detail().contains("connection 2 is packet 1 of every 15") && r.steps().get(1).detail().contains("0x12"),
                describe(r));
        // the sixteenth connection starts the round again
        TraceResult sixteen = trace(router("good"), "lan", "192.168.1.10:50001", "198.51.100.7:443", "udp", 16);
        assertEquals("5472-5487", sixteen.srcPorts());
    }

    @Test
    void ocnUnitsOnBiglobeGiveABlockOutsideThePsid() throws Exception {
        TraceResult r = trace(router("ocn-units-on-biglobe"), "lan", "192.168.1.10:50000", "198.51.100.7:443", "tcp", 1);
        assertResult(r, Disposition.FORWARDED, "map-wan_map", "133.200.18.52", "2400-2415", "198.51.100.7");
    }

    @Test
    void wrongDeviceFallsThroughToFw3sMasquerade() throws Exception {
        // the script's own chains leave fw3's zone masquerade in place: the kernel then picks any port
        TraceResult r = trace(router("wrong-device"), "lan", "192.168.1.10:50000", "198.51.100.7:443", "tcp", 1);
        assertResult(r, Disposition.FORWARDED, "map-wan_map", "133.200.18.52", null, "198.51.100.7");
        assertSteps(r,
                "zone config/firewall:10",
                "prerouting firewall.user:33 marks the connection 0x11",
                "route config/network:43",
                "forward config/firewall:29",
                "postrouting config/firewall:24 fw3's masquerade of zone wan (masq '1')");
        assertEquals("masquerade", r.nat().get(0).kind());
    }

    @Test
    void seed000sFlushesLeaveAWrongDeviceUntranslated() throws Exception {
        // seed 000's own script flushes PREROUTING/OUTPUT/POSTROUTING, fw3's masquerade jump with them
        TraceResult good = trace(router("fw3-chain-flush"), "lan", "192.168.1.10:50000", "198.51.100.7:443", "tcp", 2);
        assertResult(good, Disposition.FORWARDED, "map-wan_map", "133.200.18.52", "9568-9583", "198.51.100.7");
        Router wrong = edited("fw3-chain-flush", "firewall.user", t -> t.replace("TUNDEV='map-wan_map'", "TUNDEV='map-WAN_MAP'"));
        TraceResult r = trace(wrong, "lan", "192.168.1.10:50000", "198.51.100.7:443", "tcp", 1);
        assertResult(r, Disposition.FORWARDED, "map-wan_map", "192.168.1.10", "50000-50000", "198.51.100.7");
        assertSteps(r,
                "zone config/firewall:10",
                "prerouting firewall.user:23 marks the connection 0x11",
                "route config/network:43",
                "forward config/firewall:29",
                "postrouting firewall.user:14 flushed fw3's own POSTROUTING jumps",
                "postrouting - no source NAT applies");
        assertTrue(r.nat().isEmpty());
    }

    @Test
    void randomStatisticGivesEachBlockItsProbability() throws Exception {
        Router r = edited("good", "firewall.user", t -> t.replace("-m statistic --mode nth --every $units1 --packet $pn",
                "-m statistic --mode random --probability 0.5"));
        TraceResult res = trace(r, "lan", "192.168.1.10:50000", "198.51.100.7:443", "tcp", 1);
        assertEquals(Disposition.FORWARDED, res.disposition());
        assertEquals("133.200.18.52", res.src());
        assertEquals(null, res.srcPorts(), describe(res));
        // a connection no rule marks (0.5^15 of them) meets the sample's rule for unmarked connections (the first
        // block), not fw3's masquerade; that way ends like mark 0x11's (the same block) and is listed with it
        int fallbackLine = SampleRouters.texts("good").get("firewall.user").lines().toList()
                .indexOf("iptables -t nat -A fwuser_postrouting -p tcp -o $TUNDEV -j SNAT --to $IP4:$portl-$portr");
        assertTrue(fallbackLine > 0);
        assertTrue(res.nat().stream().anyMatch(n -> n.kind().equals("snat") && n.range().startLine() == fallbackLine), describe(res));
        assertTrue(res.nat().stream().noneMatch(n -> n.kind().equals("masquerade")), describe(res));
        assertTrue(res.steps().stream().noneMatch(s -> s.detail().contains("fw3's masquerade")), describe(res));
        TraceStep marks = res.steps().get(1);
        assertTrue(marks.kind().equals("prerouting") && marks.detail().contains("0x1f with probability 50.0%"), describe(res));
        assertTrue(res.steps().stream().anyMatch(s -> s.detail().startsWith("with probability 50.0%: 133.200.18.52 ports 62816-62831")),
                describe(res));
    }

    @Test
    void fw4SkipsFirewallUserAndMasqueradesOutsideThePsid() throws Exception {
        TraceResult r = trace(router("fw4-no-compat"), "lan", "192.168.1.10:50000", "198.51.100.7:443", "tcp", 1);
        assertResult(r, Disposition.FORWARDED, "map-wan_map", "133.200.18.52", null, "198.51.100.7");
        // rc.local still runs firewall.user, whose marks take effect through iptables-nft
        assertSteps(r,
                "zone config/firewall:10",
                "prerouting firewall.user:22 marks the connection 0x11",
                "route config/network:43",
                "forward config/firewall:29",
                "postrouting config/firewall:24 fw4's masquerade of zone wan");
        assertTrue(r.steps().get(4).detail().contains("MAP-E allows only PSID 86's ports")
                && r.steps().get(4).detail().contains("which of the two runs first is not defined"), describe(r));
        assertEquals("masquerade", r.nat().get(0).kind());
    }

    @Test
    void fw4ConcatenatedNumgenMapGivesWholeBlocks() throws Exception {
        TraceResult one = trace(router("fw4-nftables"), "lan", "192.168.1.10:50000", "198.51.100.7:443", "tcp", 1);
        assertResult(one, Disposition.FORWARDED, "map-wan_map", "133.200.18.52", "5472-5487", "198.51.100.7");
        assertSteps(one,
                "zone config/firewall:10",
                "route config/network:43",
                "forward config/firewall:29",
                "postrouting nftables.d/10-mape.nft:9 `numgen inc mod 15` gives connection 1 the value 0 → map element 0 : 133.200.18.52 . 5472-5487");
        TraceResult two = trace(router("fw4-nftables"), "lan", "192.168.1.10:50000", "198.51.100.7:443", "udp", 2);
        assertEquals("9568-9583", two.srcPorts());
    }

    @Test
    void fw4RangeInAnAddressColonMapKeepsOnlyTheFirstPort() throws Exception {
        TraceResult one = trace(router("fw4-nftables-range-in-map"), "lan", "192.168.1.10:50000", "198.51.100.7:443", "tcp", 1);
        assertResult(one, Disposition.FORWARDED, "map-wan_map", "133.200.18.52", "5472-5472", "198.51.100.7");
        assertTrue(one.steps().get(3).detail().contains("nft keeps only the first of the range"), describe(one));
    }

    @Test
    void packetForTheRouterIsDelivered() throws Exception {
        TraceResult r = trace(router("good"), "lan", "192.168.1.10:50000", "192.168.1.1:22", "tcp", 1);
        assertResult(r, Disposition.DELIVERED, null, "192.168.1.10", "50000-50000", "192.168.1.1");
        assertSteps(r,
                "zone config/firewall:10",
                "prerouting firewall.user:33",
                "input config/network:25 zone lan's input policy ACCEPT");
    }

    @Test
    void zoneWithoutForwardingIsDenied() throws Exception {
        TraceResult r = trace(router("good"), "wan_map", "198.51.100.7:443", "192.168.1.10:50000", "tcp", 1);
        assertResult(r, Disposition.DENIED, null, "198.51.100.7", "443-443", "192.168.1.10");
        assertSteps(r,
                "zone config/firewall:19 wan_map (device map-wan_map) is in firewall zone wan",
                "prerouting firewall.user:33",
                "route config/network:25 the subnet 192.168.1.1/24 of lan",
                "forward config/firewall:6 no rule or forwarding lets zone wan reach zone lan, so the default forward policy REJECT");
    }

    @Test
    void missingZoneIsDenied() throws Exception {
        TraceResult r = trace(router("missing-zone"), "lan", "192.168.1.10:50000", "198.51.100.7:443", "tcp", 1);
        assertEquals(Disposition.DENIED, r.disposition(), describe(r));
        assertTrue(r.steps().get(3).detail().contains("reach zone (none)"), describe(r));
    }

    @Test
    void firewallRuleDecidesBeforeForwardings() throws Exception {
        Router r = edited("good", "config/firewall", t -> t + """

                config rule
                \toption name 'Block-SMB-out'
                \toption src 'lan'
                \toption dest 'wan'
                \toption proto 'tcp'
                \toption dest_port '445'
                \toption target 'REJECT'
                """);
        TraceResult smb = trace(r, "lan", "192.168.1.10:50000", "198.51.100.7:445", "tcp", 1);
        assertEquals(Disposition.DENIED, smb.disposition());
        assertTrue(smb.steps().get(3).detail().startsWith("rule 'Block-SMB-out' (target REJECT)"), describe(smb));
        assertEquals(40, smb.filter().line());
        assertEquals(Disposition.FORWARDED, trace(r, "lan", "192.168.1.10:50000", "198.51.100.7:443", "tcp", 1).disposition());
    }

    @Test
    void noDefaultRouteDrops() throws Exception {
        Router r = edited("good", "config/network", t -> t.replace("option legacymap '1'", "option legacymap '1'\n\toption defaultroute '0'"));
        TraceResult res = trace(r, "lan", "192.168.1.10:50000", "198.51.100.7:443", "tcp", 1);
        assertResult(res, Disposition.DROPPED, null, "192.168.1.10", "50000-50000", "198.51.100.7");
        assertTrue(res.steps().get(2).detail().startsWith("no route to 198.51.100.7"), describe(res));
    }

    @Test
    void badInput() {
        Router r = router("good");
        TraceException e = assertThrows(TraceException.class, () -> trace(r, "lan9", "192.168.1.10", "198.51.100.7", "tcp", 1));
        assertEquals("unknown interface 'lan9': the router has loopback, lan, wan, wan6, wan_map, WAN6PD", e.getMessage());
        assertThrows(TraceException.class, () -> trace(r, "lan", "192.168.1.10", "198.51.100.7", "tcp", 0));
    }

    @Test
    void interfacesAreTheUciNames() {
        assertEquals(List.of("loopback", "lan", "wan", "wan6", "wan_map", "WAN6PD"), new OpenWrtTrace(router("good")).interfaces());
    }
}
