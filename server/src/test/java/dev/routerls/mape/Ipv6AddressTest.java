package dev.routerls.mape;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Ipv6AddressTest {

    @ParameterizedTest
    @CsvSource({
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "2001:0DB8::0001, 2001:db8::1",
            "2001:db8:0:0:0:0:2:1, 2001:db8::2:1",
            "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
            "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
            "0:0:0:0:0:0:0:0, ::",
            "::1, ::1",
            "1::, 1::",
            "::ffff:192.0.2.1, ::ffff:c000:201",
            "240b:0010:a5cd:6800:006a:48a5:cd00:6800, 240b:10:a5cd:6800:6a:48a5:cd00:6800",
            "1:2:3:4:5:6:7::, 1:2:3:4:5:6:7:0",
    })
    void formatsCanonically(String in, String canonical) {
        assertEquals(canonical, Ipv6Address.parse(in).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":::", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::", "g::",
            ":1::", "1:", "fe80::1%eth0", "::1.2.3", "::256.0.0.1"})
    void rejectsMalformedText(String bad) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ipv6Address.parse(bad));
        assertTrue(e.getMessage().contains("not an IPv6 address"), e.getMessage());
    }

    /** Random addresses with zero runs: our text parses to the same bits in the JDK and back. */
    @Test
    void roundTripsAgainstTheJdk() {
        Random random = new Random(5952);
        for (int i = 0; i < 5000; i++) {
            long hi = random.nextLong();
            long lo = random.nextLong();
            for (int g = 0; g < 8; g++) {
                if (random.nextInt(3) == 0) {
                    long mask = ~(0xffffL << (16 * (3 - (g & 3))));
                    if (g < 4) {
                        hi &= mask;
                    } else {
                        lo &= mask;
                    }
                }
            }
            Ipv6Address a = new Ipv6Address(hi, lo);
            BigInteger value = new BigInteger(1, java.nio.ByteBuffer.allocate(16).putLong(hi).putLong(lo).array());
            assertEquals(value, ReferenceMath.v6(a.toString()), a.toString());
            assertEquals(a, Ipv6Address.parse(ReferenceMath.v6Text(value)));
            assertFalse(a.toString().contains(":::"));
        }
    }

    @Test
    void bitFieldsReadAndWrite() {
        Ipv6Address a = Ipv6Address.parse("240b:10:a5cd:6800::");
        assertEquals(0x0a5cd68L, a.bits(31, 25));
        assertEquals(0x240bL, a.bits(0, 16));
        Ipv6Address b = Ipv6Address.parse("::").withBits(60, 8, 0xab);
        assertEquals("::a:b000:0:0:0", b.toString());   // equal runs: the first is compressed
        assertEquals(0xabL, b.bits(60, 8));
        assertEquals("240b:10::", a.masked(31).toString());
        assertEquals("240b:10:a5cd:6800::/56", Ipv6Prefix.parse("240b:10:a5cd:68ff::1/56").toString());
    }

    @Test
    void prefixesContainTheirLongerPrefixes() {
        Ipv6Prefix rule = Ipv6Prefix.parse("240b:10::/31");
        assertTrue(rule.contains(Ipv6Prefix.parse("240b:11:ffff:ff00::/56")));
        assertFalse(rule.contains(Ipv6Prefix.parse("240b:12::/56")));
        assertFalse(rule.contains(Ipv6Prefix.parse("240b::/16")));
        assertThrows(IllegalArgumentException.class, () -> Ipv6Prefix.parse("240b:10::"));
        assertThrows(IllegalArgumentException.class, () -> Ipv6Prefix.parse("240b:10::/129"));
        assertThrows(IllegalArgumentException.class, () -> Ipv4Prefix.parse("10.0.0.0/33"));
        assertEquals("106.72.0.0/15", Ipv4Prefix.parse("106.73.1.2/15").toString());
        assertThrows(IllegalArgumentException.class, () -> Ipv4Address.parse("1.2.3"));
        assertThrows(IllegalArgumentException.class, () -> Ipv4Address.parse("1.2.3.256"));
    }
}
