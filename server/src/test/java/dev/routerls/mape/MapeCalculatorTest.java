package dev.routerls.mape;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MapeCalculatorTest {
    private final MapeRuleTable table = MapeRuleTable.bundled();

    private MapeResult calc(String prefix) {
        Ipv6Prefix p = Ipv6Prefix.parse(prefix);
        return MapeCalculator.calculate(table.lookup(p).orElseThrow(), p);
    }

    private static List<String> text(List<PortRange> ports) {
        return ports.stream().map(PortRange::toString).toList();
    }

    @Test
    void legacyCeExampleOfTheDomainNotes() {
        MapeResult r = calc("240b:10:a5cd:6800::/56");
        assertEquals("106.72.165.205", r.ipv4().toString());
        assertEquals(104, r.psid());
        assertEquals("240b:10:a5cd:6800:6a:48a5:cd00:6800", r.ce().toString());
    }

    @Test
    void seed000CountersForPsid110UnderV6plus() {
        // bits 48-55 of the /56 (its last EA byte) are the PSID: 0x6e = 110
        MapeResult r = calc("240b:10:1234:6e00::/56");
        assertEquals("v6plus", r.rule().isp());
        assertEquals(110, r.psid());
        List<String> ports = text(r.ports());
        assertEquals(15, ports.size());
        assertEquals("5856-5871", ports.get(0));
        assertEquals("9952-9967", ports.get(1));
        assertEquals("14048-14063", ports.get(2));
        assertEquals("63200-63215", ports.get(14));
        assertEquals(240, r.portCount());
    }

    @Test
    void rfc7597AppendixExampleInRfcLayout() {
        MapRule rule = new MapRule(null, Ipv6Prefix.parse("2001:db8::/40"), Ipv4Prefix.parse("192.0.2.0/24"),
                16, 8, 6, null, false);
        MapeResult r = MapeCalculator.calculate(rule, Ipv6Prefix.parse("2001:db8:12:3400::/56"));
        assertEquals("192.0.2.18", r.ipv4().toString());
        assertEquals(0x34, r.psid());
        assertEquals("2001:db8:12:3400:0:c000:212:34", r.ce().toString());
        assertEquals("1232-1235", r.ports().get(0).toString());
        assertEquals("64720-64723", r.ports().get(62).toString());
    }

    @Test
    void ocnHas63BlocksOf16WithStride1024() {
        MapeResult r = calc("2400:4050:1234:5600::/56");
        assertEquals("OCN", r.rule().isp());
        assertEquals(63, r.ports().size());
        for (int i = 0; i < 63; i++) {
            PortRange p = r.ports().get(i);
            assertEquals(16, p.size());
            assertEquals((i + 1) * 1024 + r.psid() * 16, p.lo());
        }
        assertEquals(1008, r.portCount());
    }

    /** Every rule of every family (v6plus /31, BIGLOBE /31 and /38, OCN /38) against the oracle. */
    @Test
    void everyBundledRuleAgreesWithTheReferenceMath() {
        Random random = new Random(7597);
        int checked = 0;
        for (MapRule rule : table.rules()) {
            for (int trial = 0; trial < 3; trial++) {
                int len = trial == 2 ? 64 : 56;   // also a longer-than-needed prefix
                BigInteger base = ReferenceMath.v6(rule.ip6prefix().address().toString());
                int free = len - rule.ip6prefix().length();
                BigInteger bits = new BigInteger(free, random);
                if (trial == 0) {
                    bits = ReferenceMath.ones(free);    // all-ones EA bits: highest IPv4 and PSID
                }
                BigInteger pd = base.or(bits.shiftLeft(128 - len));
                String pdText = ReferenceMath.v6Text(pd);
                ReferenceMath.Expected want = ReferenceMath.compute(
                        ReferenceMath.v6Text(base), rule.ip6prefix().length(),
                        rule.ip4prefix().address().toString(), rule.ip4prefix().length(),
                        rule.ealen(), rule.psidlen(), rule.offset(), rule.legacymap(), pdText, len);

                Ipv6Prefix delegated = Ipv6Prefix.parse(pdText + "/" + len);
                assertEquals(rule, table.lookup(delegated).orElseThrow(), pdText);
                MapeResult got = MapeCalculator.calculate(rule, delegated);
                String where = rule.isp() + " " + delegated;
                assertEquals(want.ipv4(), got.ipv4().toString(), where);
                assertEquals(want.psid(), got.psid(), where);
                assertEquals(want.ranges(), text(got.ports()), where);
                assertEquals(want.ce(), ReferenceMath.v6(got.ce().toString()), where);
                checked++;
            }
        }
        assertEquals(690 * 3, checked);
    }

    @Test
    void rfcLayoutAgreesWithTheReferenceMathToo() {
        MapRule rule = new MapRule(null, Ipv6Prefix.parse("2001:db8:ff00::/40"), Ipv4Prefix.parse("198.51.100.0/24"),
                16, 8, 6, null, false);
        ReferenceMath.Expected want = ReferenceMath.compute("2001:db8:ff00::", 40, "198.51.100.0", 24, 16, 8, 6, false,
                "2001:db8:ffab:cd00::", 56);
        MapeResult got = MapeCalculator.calculate(rule, Ipv6Prefix.parse("2001:db8:ffab:cd00::/56"));
        assertEquals(want.ipv4(), got.ipv4().toString());
        assertEquals(want.psid(), got.psid());
        assertEquals(want.ranges(), text(got.ports()));
        assertEquals(want.ce(), ReferenceMath.v6(got.ce().toString()));
    }

    @Test
    void psidLengthZeroGivesTheWholeAddressAboveTheSystemPorts() {
        MapRule rule = new MapRule(null, Ipv6Prefix.parse("2001:db8::/48"), Ipv4Prefix.parse("192.0.2.0/24"),
                8, 0, 6, null, false);
        MapeResult r = MapeCalculator.calculate(rule, Ipv6Prefix.parse("2001:db8:0:2a00::/56"));
        assertEquals("192.0.2.42", r.ipv4().toString());
        assertEquals(0, r.psid());
        assertEquals(List.of("1024-65535"), text(r.ports()));
        assertEquals(ReferenceMath.compute("2001:db8::", 48, "192.0.2.0", 24, 8, 0, 6, false, "2001:db8:0:2a00::", 56).ranges(),
                text(r.ports()));
        assertEquals("2001:db8:0:2a00:0:c000:22a:0", r.ce().toString());
    }

    @Test
    void offsetZeroIncludesTheLowPorts() {
        assertEquals(List.of("0-65535"), text(MapeCalculator.portSet(0, 0, 0)));
        assertEquals(List.of("768-1023"), text(MapeCalculator.portSet(0, 8, 3)));
    }

    @Test
    void fullIpv4AddressWithPsidFromEaBits() {
        // ip4prefixlen 32: every EA bit is PSID
        MapRule rule = new MapRule(null, Ipv6Prefix.parse("2001:db8:100::/48"), Ipv4Prefix.parse("203.0.113.7/32"),
                8, 8, 4, null, true);
        MapeResult r = MapeCalculator.calculate(rule, Ipv6Prefix.parse("2001:db8:100:c800::/56"));
        assertEquals("203.0.113.7", r.ipv4().toString());
        assertEquals(200, r.psid());
        assertEquals("7296-7311", r.ports().get(0).toString());   // 1·4096 + 200·16
        assertEquals(ReferenceMath.compute("2001:db8:100::", 48, "203.0.113.7", 32, 8, 8, 4, true, "2001:db8:100:c800::", 56)
                .ranges(), text(r.ports()));
    }

    @Test
    void eaLengthZeroTakesEverythingFromTheRule() {
        MapRule rule = new MapRule(null, Ipv6Prefix.parse("2001:db8:200::/56"), Ipv4Prefix.parse("203.0.113.9/32"),
                0, 0, 4, null, false);
        MapeResult r = MapeCalculator.calculate(rule, Ipv6Prefix.parse("2001:db8:200:1::/64"));
        assertEquals("203.0.113.9", r.ipv4().toString());
        assertEquals(List.of("4096-65535"), text(r.ports()));
        assertEquals("2001:db8:200:1:0:cb00:7109:0", r.ce().toString());
    }

    @Test
    void longerPrefixKeepsItsSubnetBitsInTheCeAddress() {
        MapeResult r = calc("240b:10:a5cd:68ff::/64");
        assertEquals(104, r.psid());
        assertEquals("240b:10:a5cd:68ff:6a:48a5:cd00:6800", r.ce().toString());
    }

    @Test
    void reverseGivesBackTheDelegatedPrefix() {
        MapRule rule = table.lookup(Ipv6Prefix.parse("240b:10::/56")).orElseThrow();
        assertEquals("240b:10:a5cd:6800::/56",
                MapeCalculator.delegatedPrefix(rule, Ipv4Address.parse("106.72.165.205"), 104).toString());
        assertThrows(MapeException.class, () -> MapeCalculator.delegatedPrefix(rule, Ipv4Address.parse("10.0.0.1"), 1));
        assertThrows(MapeException.class, () -> MapeCalculator.delegatedPrefix(rule, Ipv4Address.parse("106.72.0.1"), 256));
    }

    @Test
    void interfaceIdDecodesInBothLayouts() {
        InterfaceIdLayout.Decoded d = InterfaceIdLayout.LEGACY_DRAFT03
                .decode(Ipv6Address.parse("240b:10:a5cd:6800:6a:48a5:cd00:6800")).orElseThrow();
        assertEquals("106.72.165.205", d.ipv4().toString());
        assertEquals(104, d.psid());
        assertTrue(InterfaceIdLayout.RFC7597.decode(Ipv6Address.parse("240b:10:a5cd:6800:6a:48a5:cd00:6800")).isEmpty());
        assertEquals(0x34, InterfaceIdLayout.RFC7597.decode(Ipv6Address.parse("2001:db8:12:3400:0:c000:212:34"))
                .orElseThrow().psid());
    }

    @Test
    void unusableInputIsRefusedWithAReason() {
        MapRule v6plus = table.lookup(Ipv6Prefix.parse("240b:10::/56")).orElseThrow();
        MapeException shorter = assertThrows(MapeException.class,
                () -> MapeCalculator.calculate(v6plus, Ipv6Prefix.parse("240b:10:a500::/48")));
        assertTrue(shorter.getMessage().contains("/56"), shorter.getMessage());
        assertThrows(MapeException.class, () -> MapeCalculator.calculate(v6plus, Ipv6Prefix.parse("2001:db8::/56")));
        assertThrows(MapeException.class, () -> MapeCalculator.calculate(v6plus, Ipv6Prefix.parse("240b:10:a5cd:6800::/80")));
        MapRule bad = new MapRule(null, Ipv6Prefix.parse("240b:10::/31"), Ipv4Prefix.parse("106.72.0.0/15"), 25, 6, 4, null, true);
        MapeException inconsistent = assertThrows(MapeException.class,
                () -> MapeCalculator.calculate(bad, Ipv6Prefix.parse("240b:10:a5cd:6800::/56")));
        assertTrue(inconsistent.getMessage().contains("psidlen is 6"), inconsistent.getMessage());
        assertThrows(MapeException.class, () -> MapeCalculator.portSet(10, 8, 1));
    }

    @Test
    void blockGeometryMatchesThePortSet() {
        // v6plus/BIGLOBE (offset 4, psidlen 8), OCN (6, 6), and the degenerate offset 0
        int[][] cases = {{4, 8}, {6, 6}, {0, 8}};
        for (int[] c : cases) {
            var set = MapeCalculator.portSet(c[0], c[1], 3);
            assertEquals(set.size(), MapeCalculator.blockCount(c[0]), "blocks for offset " + c[0]);
            assertEquals(set.get(0).size(), MapeCalculator.blockSize(c[0], c[1]));
            if (set.size() > 1) assertEquals(set.get(1).lo() - set.get(0).lo(), MapeCalculator.stride(c[0]));
        }
        assertEquals(15, MapeCalculator.blockCount(4));
        assertEquals(63, MapeCalculator.blockCount(6));
    }
}
