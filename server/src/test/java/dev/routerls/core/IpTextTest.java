package dev.routerls.core;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class IpTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            // text; lenient value; inet_pton value
            "192.0.2.1; 3221225985; 3221225985",
            "0.0.0.0; 0; 0",
            "255.255.255.255; 4294967295; 4294967295",
            "192.0.2.01; 3221225985; -1",
            "192.0.2.256; -1; -1",
            "192.0.2; -1; -1",
            "192.0.2.1.5; -1; -1",
            "192.0.2.; -1; -1",
            ".192.0.2; -1; -1",
            "+1.2.3.4; -1; -1",
            "1.2.3.1000; -1; -1",
            "1..2.3; -1; -1",
            "a.b.c.d; -1; -1",
    })
    void readsIpv4(String text, long lenient, long strict) {
        assertEquals(lenient, IpText.ipv4(text, false), text);
        assertEquals(strict, IpText.ipv4(text, true), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "::; 0; 0",
            "::1; 0; 1",
            "2001:db8::; 2306139568115548160; 0",
            "2404:7a80:1234:5600:85:c812:3400:5600; 2595333975752070656; 37656152409921024",
            "::ffff:192.0.2.1; 0; 281473902969345",
    })
    void readsIpv6(String text, long high, long low) {
        assertArrayEquals(new long[] {high, low}, IpText.ipv6(text), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "''", "1::2::3", "12345::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "::g", "fe80::1%eth0",
            "::ffff:192.0.2.01", "1:2:3:4:5:6:7::8:9"
    })
    void refusesWhatIsNotIpv6(String text) {
        assertEquals(null, IpText.ipv6(text), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            // text; length when none is written; network; length; contains 192.0.2.77 (empty: not an address)
            "192.0.2.1/24; 32; 192.0.2.0; 24; true",
            "192.0.2.1/255.255.255.128; 32; 192.0.2.0; 25; true",
            "192.0.2.200/25; 32; 192.0.2.128; 25; false",
            "192.0.2.77; 32; 192.0.2.77; 32; true",
            "192.0.2.1; 16; 192.0.0.0; 16; true",
            "0.0.0.0/0; 32; 0.0.0.0; 0; true",
            "192.0.2.1; -1; ; ; ",
            "192.0.2.1/33; 32; ; ; ",
            "192.0.2.1/255.0.255.0; 32; ; ; ",
            "192.0.2.300/24; 32; ; ; ",
    })
    void readsIpv4Networks(String text, int bareLength, String network, Integer length, Boolean contains) {
        IpText.Ipv4Net net = IpText.ipv4Net(text, bareLength);
        if (network == null) {
            assertEquals(null, net, text);
            return;
        }
        assertEquals(network, IpText.ipv4(net.network()), text);
        assertEquals(length, net.length(), text);
        assertEquals(contains, net.contains(IpText.ipv4("192.0.2.77", false)), text);
    }

    @ParameterizedTest
    @CsvSource({"0, 0.0.0.0", "8, 255.0.0.0", "25, 255.255.255.128", "32, 255.255.255.255"})
    void netmaskOfALength(int length, String mask) {
        assertEquals(mask, IpText.ipv4(IpText.netmask(length)));
        assertEquals(length, IpText.maskLength(IpText.netmask(length)));
    }
}
