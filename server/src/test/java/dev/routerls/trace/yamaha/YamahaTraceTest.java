package dev.routerls.trace.yamaha;

import dev.routerls.core.AnalysisSettings;
import dev.routerls.testing.Fixture;
import dev.routerls.trace.Disposition;
import dev.routerls.trace.PacketSpec;
import dev.routerls.trace.TraceException;
import dev.routerls.trace.TraceResult;
import dev.routerls.yamaha.YamahaReader;
import dev.routerls.yamaha.model.YamahaConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.routerls.trace.TraceFixture.assertResult;
import static dev.routerls.trace.TraceFixture.assertSteps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class YamahaTraceTest {
    static final String URI = "file:///router.conf";

    static YamahaConfig model(Fixture f) {
        return new YamahaReader().read(URI, f.text(), AnalysisSettings.DEFAULT).model();
    }

    static TraceResult trace(Fixture f, String from, String src, String dst, String proto) throws TraceException {
        return new YamahaTrace(model(f), URI).trace(from, PacketSpec.parse(src, dst, proto));
    }

    @Test
    void masqueradeOutOfPppoe() throws Exception {
        // a PPPoE router in the style of YAMAHA's own examples: filters written with inside addresses
        Fixture f = Fixture.parse("""
                # RTX830 Rev.15.02.30 (Fri Jan 12 10:00:00 2024)
                ip lan1 address 192.168.100.1/24
                «route~out of pp1|ip route default gateway pp 1»
                pp select 1
                 ip pp secure filter in 200003 200020 200021 200030 200099
                 ip pp secure filter out 200013 200020 200099 dynamic 200080 200081
                 ip pp nat descriptor 1000
                pp enable 1
                ip filter 200003 reject 192.168.100.0/24 * * * *
                ip filter 200013 reject * 192.168.0.0/16 * * *
                ip filter 200020 reject * * udp,tcp 135 *
                ip filter 200021 reject * * udp,tcp * 135
                ip filter 200030 pass * 192.168.100.2 tcp * www
                «filter-out~passed|ip filter 200099 pass * * * * *»
                ip filter dynamic 200080 * * ftp
                ip filter dynamic 200081 * * www
                «nat-out~ipcp(pp1)|nat descriptor type 1000 masquerade»
                nat descriptor masquerade static 1000 1 192.168.100.2 tcp www
                """);
        TraceResult r = trace(f, "lan1", "192.168.100.10:50000", "198.51.100.7:443", "tcp");
        assertResult(r, Disposition.FORWARDED, "pp1", "ipcp(pp1)", "60000-64095,49152-59999,44096-49151", "198.51.100.7");
        assertSteps(f, r, "filter-in", "route", "filter-out", "nat-out");
        assertEquals(200099, r.filter().number());
        assertEquals(1, r.nat().size());
        assertEquals("masquerade", r.nat().get(0).kind());
        assertTrue(!r.steps().get(2).detail().contains("Dynamic filter"), r.steps().get(2).detail());
        TraceResult web = trace(f, "lan1", "192.168.100.10:50000", "198.51.100.7:80", "tcp");
        assertTrue(web.steps().get(2).detail().contains("Dynamic filter 200081 (www, line 16) of the list watches this connection"),
                web.steps().get(2).detail());
    }

    @Test
    void portForwardInFromPppoe() throws Exception {
        Fixture f = Fixture.parse("""
                # RTX830 Rev.15.02.30
                ip lan1 address «route~connected subnet 192.168.100.0/24|192.168.100.1/24»
                pp select 1
                 ip pp secure filter in 200003 200020 200021 200030 200099
                 ip pp nat descriptor 1000
                ip filter 200003 reject 192.168.100.0/24 * * * *
                ip filter 200020 reject * * udp,tcp 135 *
                ip filter 200021 reject * * udp,tcp * 135
                «filter-in~passed|ip filter 200030 pass * 192.168.100.2 tcp * www»
                ip filter 200099 reject * * * * *
                nat descriptor type 1000 masquerade
                «nat-in~to 192.168.100.2 port 80|nat descriptor masquerade static 1000 1 192.168.100.2 tcp www»
                """);
        TraceResult r = trace(f, "pp1", "203.0.113.50:40000", "198.51.100.20:80", "tcp");
        assertResult(r, Disposition.FORWARDED, "lan1", "203.0.113.50", "40000-40000", "192.168.100.2");
        assertSteps(f, r, "nat-in", "filter-in", "route", "filter-out");
        assertEquals(200030, r.filter().number());
        assertEquals("masquerade-static", r.nat().get(0).kind());
    }

    @Test
    void endOfFilterListDenies() throws Exception {
        Fixture f = Fixture.parse("""
                ip lan1 address 192.168.100.1/24
                pp select 1
                 «filter-in~no filter|ip pp secure filter in 200003 200030»
                ip filter 200003 reject 192.168.100.0/24 * * * *
                ip filter 200030 pass * 192.168.100.2 tcp * www
                """);
        TraceResult r = trace(f, "pp1", "203.0.113.50:40000", "192.168.100.3:22", "tcp");
        assertResult(r, Disposition.DENIED, null, "203.0.113.50", "40000-40000", "192.168.100.3");
        assertSteps(f, r, "filter-in");
        assertEquals(null, r.filter().number());
    }

    @Test
    void rejectingFilterDenies() throws Exception {
        Fixture f = Fixture.parse("""
                ip lan1 address 192.168.100.1/24
                ip lan1 secure filter in 10 20
                «filter-in~rejected|ip filter 10 reject * * udp,tcp * 135»
                ip filter 20 pass * *
                """);
        TraceResult r = trace(f, "lan1", "192.168.100.5:1234", "198.51.100.1:135", "udp");
        assertResult(r, Disposition.DENIED, null, "192.168.100.5", "1234-1234", "198.51.100.1");
        assertEquals(10, r.filter().number());
        assertSteps(f, r, "filter-in");
    }

    @Test
    void packetForTheRouterIsDelivered() throws Exception {
        Fixture f = Fixture.parse("""
                ip lan1 address «local~own address on lan1|192.168.100.1/24»
                """);
        TraceResult r = trace(f, "lan1", "192.168.100.5", "192.168.100.1", "icmp");
        assertResult(r, Disposition.DELIVERED, null, "192.168.100.5", null, "192.168.100.1");
        assertSteps(f, r, "filter-in", "local");
    }

    @Test
    void noRouteAndTheNullInterfaceDrop() throws Exception {
        Fixture f = Fixture.parse("""
                ip lan1 address 192.168.100.1/24
                «route~null interface|ip route 10.0.0.0/8 gateway null»
                """);
        TraceResult r = trace(f, "lan1", "192.168.100.5:1000", "10.1.2.3:80", "tcp");
        assertResult(r, Disposition.DROPPED, null, "192.168.100.5", "1000-1000", "10.1.2.3");
        assertSteps(f, r, "filter-in", "route");
        TraceResult none = trace(Fixture.parse("ip lan1 address 192.168.100.1/24\n"), "lan1", "192.168.100.5", "172.16.0.1", "udp");
        assertEquals(Disposition.DROPPED, none.disposition());
        assertTrue(none.steps().get(1).detail().startsWith("no route to 172.16.0.1"), none.steps().get(1).detail());
        assertEquals(null, none.srcPorts());
    }

    @Test
    void masqueradeIncomingRejectsANewConnectionToALiteralOuterAddress() throws Exception {
        Fixture f = Fixture.parse("""
                ip lan1 address 192.168.100.1/24
                ip lan2 address 203.0.113.2/29
                ip lan2 nat descriptor 1
                «nat-in~masquerade incoming` action is reject (the default)|nat descriptor type 1 masquerade»
                nat descriptor address outer 1 203.0.113.3
                """);
        TraceResult r = trace(f, "lan2", "198.51.100.9:5000", "203.0.113.3:443", "tcp");
        assertResult(r, Disposition.DROPPED, null, "198.51.100.9", "5000-5000", "203.0.113.3");
        assertSteps(f, r, "nat-in");
        Fixture forward = Fixture.parse(f.text() + "nat descriptor masquerade incoming 1 forward 192.168.100.9\n");
        TraceResult fwd = trace(forward, "lan2", "198.51.100.9:5000", "203.0.113.3:443", "tcp");
        assertResult(fwd, Disposition.FORWARDED, "lan1", "198.51.100.9", "5000-5000", "192.168.100.9");
        assertEquals("masquerade-incoming", fwd.nat().get(0).kind());
    }

    @Test
    void filterRouteSendsMatchingPacketsElsewhere() throws Exception {
        Fixture f = Fixture.parse("""
                ip lan1 address 192.168.100.1/24
                «route~filter 1 of this filter route passes|ip route default gateway pp 1 filter 1 gateway tunnel 1»
                ip filter 1 pass * * udp * domain
                """);
        TraceResult dns = trace(f, "lan1", "192.168.100.5:5353", "198.51.100.53:53", "udp");
        assertResult(dns, Disposition.FORWARDED, "pp1", "192.168.100.5", "5353-5353", "198.51.100.53");
        assertSteps(f, dns, "filter-in", "route", "filter-out");
        TraceResult web = trace(f, "lan1", "192.168.100.5:5353", "198.51.100.80:80", "tcp");
        assertEquals("tunnel1", web.egress());
        assertTrue(web.steps().get(1).detail().contains("filter route via pp 1 is not taken"), web.steps().get(1).detail());
    }

    @Test
    void dhcpGatewayAndAddressAreNamedNotGuessed() throws Exception {
        Fixture f = Fixture.parse("""
                ip lan1 address 192.168.100.1/24
                ip lan2 address dhcp
                «route~DHCP lease (not in the config)|ip route default gateway dhcp lan2»
                ip lan2 nat descriptor 1
                nat descriptor type 1 masquerade
                «nat-out~gets by DHCP|nat descriptor address outer 1 primary»
                nat descriptor masquerade port range 1 30000-39999
                """);
        TraceResult r = trace(f, "lan1", "192.168.100.5:1000", "198.51.100.1:443", "tcp");
        assertResult(r, Disposition.FORWARDED, "lan2", "dhcp(lan2)", "30000-39999", "198.51.100.1");
        assertSteps(f, r, "filter-in", "route", "filter-out", "nat-out");
    }

    @Test
    void egressFilterDeniesAndRestrictPasses() throws Exception {
        Fixture f = Fixture.parse("""
                ip lan1 address 192.168.100.1/24
                «route|ip route default gateway pp 1»
                pp select 1
                 ip pp secure filter out 10 20 30
                «filter-out~rejected|ip filter 10 reject * * udp,tcp * 135»
                ip filter 20 restrict * * tcp * ntp
                ip filter 30 pass * *
                """);
        TraceResult smb = trace(f, "lan1", "192.168.100.5:1000", "198.51.100.1:135", "tcp");
        assertEquals(Disposition.DENIED, smb.disposition());
        assertEquals("pp1", smb.egress());
        assertEquals(10, smb.filter().number());
        TraceResult ntp = trace(f, "lan1", "192.168.100.5:1000", "198.51.100.1:123", "tcp");
        assertEquals(Disposition.FORWARDED, ntp.disposition());
        assertEquals(20, ntp.filter().number());
        assertTrue(ntp.steps().get(2).detail().contains("restrict passes it while the line is connected"), ntp.steps().get(2).detail());
        assertSteps(f, smb, "filter-in", "route", "filter-out");
    }

    @Test
    void dynamicFilterOfTheFilterListFormWatchesWhatItsFiltersMatch() throws Exception {
        Fixture f = Fixture.parse("""
                ip lan1 address 192.168.100.1/24
                «route|ip route default gateway pp 1»
                pp select 1
                 ip pp secure filter out 30 dynamic 100
                «filter-out~Dynamic filter 100 (filter 10, line 7) of the list watches this connection|ip filter 30 pass * *»
                ip filter 10 pass * * udp * snmp
                ip filter dynamic 100 * * filter 10
                """);
        assertSteps(f, trace(f, "lan1", "192.168.100.5:1000", "198.51.100.1:161", "udp"), "filter-in", "route", "filter-out");
    }

    @Test
    void nativeMapeMasqueradeUsesTheAddressAndPortSetOfTheCeAddress() throws Exception {
        // the CE address routerls mape gives for 2404:7a80:1234:5600::/56 (BIGLOBE, PSID 86)
        Fixture f = Fixture.parse("""
                # RTX830 Rev.15.02.30
                ip lan1 address 192.168.100.1/24
                ipv6 lan2 address 2404:7a80:1234:5600:85:c812:3400:5600/64
                «route|ip route default gateway tunnel 1»
                tunnel select 1
                 tunnel encapsulation map-e
                 ip tunnel nat descriptor 1000
                 tunnel enable 1
                nat descriptor type 1000 masquerade
                «nat-out~PSID 86's MAP-E port set (15 blocks)|nat descriptor address outer 1000 map-e»
                """);
        TraceResult r = trace(f, "lan1", "192.168.100.5:40000", "198.51.100.1:443", "tcp");
        assertResult(r, Disposition.FORWARDED, "tunnel1", "133.200.18.52", "5472-5487,9568-9583,13664-13679,17760-17775,"
                + "21856-21871,25952-25967,30048-30063,34144-34159,38240-38255,42336-42351,46432-46447,50528-50543,"
                + "54624-54639,58720-58735,62816-62831", "198.51.100.1");
        assertSteps(f, r, "filter-in", "route", "filter-out", "nat-out");
    }

    @Test
    void unknownInterfaceAndBadAddressesAreBadInput() {
        Fixture f = Fixture.parse("ip lan1 address 192.168.100.1/24\npp select 1\n ip pp nat descriptor 1\n");
        TraceException e = assertThrows(TraceException.class, () -> trace(f, "lan9", "192.168.100.5", "198.51.100.1", "tcp"));
        assertEquals("unknown interface 'lan9': the config has lan1, pp1", e.getMessage());
        assertThrows(TraceException.class, () -> trace(f, "lan1", "192.168.100.300", "198.51.100.1", "tcp"));
        assertThrows(TraceException.class, () -> trace(f, "lan1", "192.168.100.3", "198.51.100.1:99999", "tcp"));
        assertThrows(TraceException.class, () -> trace(f, "lan1", "192.168.100.3", "198.51.100.1:80", "icmp"));
        assertThrows(TraceException.class, () -> trace(f, "lan1", "192.168.100.3", "198.51.100.1", "sctp"));
    }

    // ---- seed 002: twice NAT across lan1/lan2 and the VPN pool ----

    /** The final configuration of seed 002 (NVR510), with the VPN pool of its section (2) and the route of (4). */
    static final String SEED002 = """
            # NVR510 Rev.15.01.21
            ip lan1 address 192.168.11.250/24
            ip lan1 nat descriptor reverse 30
            ip lan2 address 192.168.1.51/24
            ip lan2 nat descriptor 40
            ip route 192.168.253.0/24 gateway 192.168.11.240
            pp select anonymous
             pp bind tunnel2
             ip pp remote address pool 192.168.254.1-192.168.254.3
             pp enable anonymous
            nat descriptor type 30 nat
            nat descriptor address outer 30 192.168.253.254
            nat descriptor address inner 30 192.168.11.254
            nat descriptor static 30 1 192.168.253.2=192.168.11.2 253
            nat descriptor type 40 nat
            nat descriptor address outer 40 192.168.11.254
            nat descriptor address inner 40 192.168.253.254
            nat descriptor static 40 1 192.168.11.2=192.168.253.2 253
            """;

    @Test
    void seed002VpnClientReachesTheFileServerThroughReverseNat() throws Exception {
        Fixture f = Fixture.parse(SEED002
                .replace("ip route 192.168.253.0/24 gateway 192.168.11.240",
                        "«route~via 192.168.11.240 out of lan1|ip route 192.168.253.0/24 gateway 192.168.11.240»")
                .replace("nat descriptor static 30 1 192.168.253.2=192.168.11.2 253",
                        "«nat-out~turns destination 192.168.253.240 into 192.168.11.240|nat descriptor static 30 1 192.168.253.2=192.168.11.2 253»"));
        TraceResult r = trace(f, "pp-anonymous", "192.168.254.1:50000", "192.168.253.240:445", "tcp");
        assertResult(r, Disposition.FORWARDED, "lan1", "192.168.254.1", "50000-50000", "192.168.11.240");
        assertSteps(f, r, "filter-in", "route", "filter-out", "nat-out");
        assertEquals(30, r.nat().get(0).descriptor());
    }

    @Test
    void seed002ReplyFromTheFileServerGoesBackToThePool() throws Exception {
        Fixture f = Fixture.parse(SEED002
                .replace(" ip pp remote address pool 192.168.254.1-192.168.254.3",
                        " ip pp remote address pool «route~remote address pool of pp-anonymous|192.168.254.1-192.168.254.3»")
                .replace("nat descriptor static 30 1 192.168.253.2=192.168.11.2 253",
                        "«nat-in~turns source 192.168.11.240 into 192.168.253.240|nat descriptor static 30 1 192.168.253.2=192.168.11.2 253»"));
        TraceResult r = trace(f, "lan1", "192.168.11.240:445", "192.168.254.1:50000", "tcp");
        assertResult(r, Disposition.FORWARDED, "pp-anonymous", "192.168.253.240", "445-445", "192.168.254.1");
        assertSteps(f, r, "nat-in", "filter-in", "route", "filter-out");
    }

    @Test
    void seed002Lan2HostReachesLan1ByTwiceNat() throws Exception {
        Fixture f = Fixture.parse(SEED002
                .replace("ip route 192.168.253.0/24 gateway 192.168.11.240", "«route|ip route 192.168.253.0/24 gateway 192.168.11.240»")
                .replace("nat descriptor static 30 1 192.168.253.2=192.168.11.2 253",
                        "«nat-out~destination 192.168.253.5 into 192.168.11.5|nat descriptor static 30 1 192.168.253.2=192.168.11.2 253»")
                .replace("nat descriptor static 40 1 192.168.11.2=192.168.253.2 253",
                        "«nat-in~destination 192.168.11.5 into 192.168.253.5|nat descriptor static 40 1 192.168.11.2=192.168.253.2 253»"));
        TraceResult r = trace(f, "lan2", "192.168.1.10:50000", "192.168.11.5:445", "tcp");
        assertResult(r, Disposition.FORWARDED, "lan1", "192.168.1.10", "50000-50000", "192.168.11.5");
        assertSteps(f, r, "nat-in", "filter-in", "route", "filter-out", "nat-out");
        assertEquals(List.of(40, 30), r.nat().stream().map(n -> n.descriptor()).toList());
    }
}
