package dev.routerls.mape;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MapeRuleTableTest {
    private final MapeRuleTable table = MapeRuleTable.bundled();

    @Test
    void bundledTableHasEveryFamily() {
        assertEquals(690, table.rules().size());
        Map<String, Long> perIsp = table.rules().stream().collect(Collectors.groupingBy(MapRule::isp, Collectors.counting()));
        assertEquals(Map.of("v6plus", 4L, "OCN", 428L, "BIGLOBE", 258L), perIsp);
        for (MapRule r : table.rules()) {
            assertTrue(r.inconsistency().isEmpty(), r + ": " + r.inconsistency());
            assertEquals(56, r.endUserPrefixLength(), r.toString());
        }
    }

    /** The table is read from the packed form the build makes, and that holds exactly the JSON's rules. */
    @Test
    void packedResourceReadsBackAsTheJson() throws IOException {
        try (var in = MapeRuleTable.class.getResourceAsStream(MapeRulePack.RESOURCE)) {
            assertTrue(in != null, "the build packs the MAP-E rules (process-classes)");
            assertEquals(MapeRuleTable.fromJsonResource().rules(), MapeRulePack.unpack(in));
        }
        assertEquals(MapeRuleTable.fromJsonResource().rules(), table.rules());
    }

    /** The committed resource must carry the same facts as the shared reference it was made from. */
    @Test
    void resourceMatchesTheSharedReference() throws IOException {
        Path shared = Path.of(System.getProperty("routerls.sharedDir", "../../shared"), "reference", "mape-rules.json");
        dev.routerls.testing.Shared.require(Files.isRegularFile(shared), "../shared/reference/mape-rules.json");
        try (Reader in = Files.newBufferedReader(shared, StandardCharsets.UTF_8)) {
            assertEquals(MapeRuleTable.fromJson(in).rules(), table.rules());
        }
    }

    @Test
    void lookupFindsTheRuleOfEachFamily() {
        assertEquals("v6plus", isp("240b:10:a5cd:6800::/56"));
        assertEquals("v6plus", isp("240b:11:ffff:ff00::/56"));
        assertEquals("OCN", isp("2400:4050:1234:5600::/56"));
        assertEquals("BIGLOBE", isp("2404:7a82:12:3400::/56"));
        assertEquals("BIGLOBE", isp("2404:7a80:1:200::/64"));
        assertTrue(table.lookup(Ipv6Prefix.parse("2001:db8::/56")).isEmpty());
        // shorter than the rule prefix: no rule can contain it
        assertTrue(table.lookup(Ipv6Prefix.parse("240b::/16")).isEmpty());
        assertEquals("240b:10::/31", table.lookup(Ipv6Address.parse("240b:10:a5cd:6800:6a:48a5:cd00:6800"))
                .orElseThrow().ip6prefix().toString());
    }

    @Test
    void longestPrefixWins() {
        MapRule wide = rule("2001:db8::/32", "192.0.2.0/24", 24);
        MapRule narrow = rule("2001:db8:ff00::/40", "198.51.100.0/24", 16);
        MapeRuleTable t = new MapeRuleTable(List.of(wide, narrow));
        assertEquals(narrow, t.lookup(Ipv6Prefix.parse("2001:db8:ff12:3400::/56")).orElseThrow());
        assertEquals(wide, t.lookup(Ipv6Prefix.parse("2001:db8:1200::/56")).orElseThrow());
        assertEquals(wide, t.lookup(Ipv6Prefix.parse("2001:db8::/36")).orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> new MapeRuleTable(List.of(wide, wide)));
    }

    @Test
    void lookupByIpv4FindsTheRuleThatHandsOutTheAddress() {
        assertEquals("240b:10::/31", table.lookupByIpv4(Ipv4Address.parse("106.72.165.205")).orElseThrow().ip6prefix().toString());
        assertTrue(table.lookupByIpv4(Ipv4Address.parse("192.0.2.1")).isEmpty());
    }

    private String isp(String prefix) {
        return table.lookup(Ipv6Prefix.parse(prefix)).orElseThrow(() -> new AssertionError(prefix)).isp();
    }

    private static MapRule rule(String ip6, String ip4, int ealen) {
        return MapRule.withDerivedPsidLength("test", Ipv6Prefix.parse(ip6), Ipv4Prefix.parse(ip4), ealen, 6, null, false);
    }
}
