package dev.routerls.trace.yamaha;

import dev.routerls.testing.Fixture;
import dev.routerls.trace.ArpAnswer;
import dev.routerls.trace.PacketSpec;
import dev.routerls.trace.TraceException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArpResponderTest {

    /** Marks the line the answer must name with «arp|…». */
    private static ArpAnswer answer(Fixture f, String address, String on) throws TraceException {
        return new ArpResponder(YamahaTraceTest.model(f), YamahaTraceTest.URI).answer(PacketSpec.address("--arp", address), on);
    }

    private static void assertLine(Fixture f, ArpAnswer a) {
        Integer want = f.expected().isEmpty() ? null : f.expected().get(0).range().startLine() + 1;
        assertEquals(want, a.line(), a.reason());
    }

    @Test
    void seed002ForwardDescriptorClaimsLanAddressesEvenWithProxyArpOff() throws Exception {
        // section (4) of seed 002: descriptor 31 applied forward on lan1 with static outer 192.168.11.2-254
        Fixture f = Fixture.parse("""
                # NVR510 Rev.15.01.21
                ip lan1 address 192.168.11.250/24
                ip lan1 proxyarp off
                ip lan1 nat descriptor «arp|31» reverse 30
                nat descriptor type 30 nat
                nat descriptor address outer 30 192.168.253.254
                nat descriptor address inner 30 192.168.11.254
                nat descriptor static 30 1 192.168.253.2=192.168.11.2 253
                nat descriptor type 31 nat
                nat descriptor address outer 31 192.168.11.254
                nat descriptor address inner 31 192.168.253.254
                nat descriptor static 31 1 192.168.11.2=192.168.253.2 253
                """);
        ArpAnswer a = answer(f, "192.168.11.5", "lan1");
        assertTrue(a.byRouter());
        assertEquals("router", a.answeredBy());
        assertTrue(a.reason().contains("NAT descriptor 31 is applied forward on lan1") && a.reason().contains("static entry 1")
                && a.reason().contains("even with `proxyarp off`"), a.reason());
        assertLine(f, a);
        // descriptor 30 is applied in reverse: its outer addresses are not claimed
        assertFalse(answer(f, "192.168.253.5", "lan1").byRouter());
    }

    @Test
    void theRoutersOwnAddress() throws Exception {
        Fixture f = Fixture.parse("ip lan1 address «arp|192.168.11.250/24»\n");
        ArpAnswer a = answer(f, "192.168.11.250", "lan1");
        assertTrue(a.byRouter());
        assertLine(f, a);
    }

    @Test
    void seed002ProxyArpAnswersForTheVpnPool() throws Exception {
        // section (1) of seed 002: VPN clients get addresses of lan1's DHCP scope; proxyarp on answers for them
        Fixture f = Fixture.parse("""
                ip lan1 address 192.168.11.250/24
                ip lan1 proxyarp on
                dhcp scope 1 192.168.11.2-192.168.11.63/24
                pp select anonymous
                 ip pp remote address pool «arp|dhcp»
                """);
        ArpAnswer a = answer(f, "192.168.11.10", "lan1");
        assertTrue(a.byRouter(), a.reason());
        assertTrue(a.reason().contains("while a VPN client holds it"), a.reason());
        assertLine(f, a);
    }

    @Test
    void proxyArpAnswersForAddressesRoutedElsewhere() throws Exception {
        Fixture f = Fixture.parse("""
                ip lan1 address 192.168.11.250/24
                «arp|ip lan1 proxyarp on»
                ip route 10.0.0.0/8 gateway tunnel 1
                """);
        assertTrue(answer(f, "10.1.1.1", "lan1").byRouter());
        ArpAnswer host = answer(f, "192.168.11.7", "lan1");
        assertFalse(host.byRouter());
        assertLine(f, host);
    }

    @Test
    void nobodyWithoutProxyArp() throws Exception {
        Fixture f = Fixture.parse("""
                ip lan1 address 192.168.11.250/24
                pp select anonymous
                 ip pp remote address pool 192.168.11.200-192.168.11.203
                """);
        ArpAnswer a = answer(f, "192.168.11.200", "lan1");
        assertFalse(a.byRouter());
        assertEquals("nobody", a.answeredBy());
        assertEquals(null, a.line());
    }

    @Test
    void arpOnlyOnLanInterfaces() {
        Fixture f = Fixture.parse("ip lan1 address 192.168.11.250/24\npp select 1\n ip pp nat descriptor 1\n");
        assertThrows(TraceException.class, () -> answer(f, "192.168.11.1", "pp1"));
        assertThrows(TraceException.class, () -> answer(f, "192.168.11.1", "lan3"));
        assertThrows(TraceException.class, () -> answer(f, "192.168.11", "lan1"));
    }
}
