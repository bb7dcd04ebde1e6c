package dev.routerls.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MapeCommandTest {

    private record Run(int exit, String out, String err) {
        List<String> lines() {
            return out.isBlank() ? List.of() : List.of(out.strip().split("\\R"));
        }
    }

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void jsonIsOneObjectPerPrefixWithTheDocumentedKeys() {
        Run r = run("mape", "--format", "json", "240b:10:a5cd:6800::/56", "240b:10:1234:6e00::/56");
        assertEquals(0, r.exit(), r.err());
        assertEquals(2, r.lines().size());
        JsonObject o = JsonParser.parseString(r.lines().get(0)).getAsJsonObject();
        assertEquals(List.of("prefix", "isp", "br", "ip6prefix", "ip4prefix", "ealen", "psidlen", "offset", "ipv4", "psid",
                "ranges", "ce"), new ArrayList<>(o.keySet()));
        assertEquals("240b:10:a5cd:6800::/56", o.get("prefix").getAsString());
        assertEquals("v6plus", o.get("isp").getAsString());
        assertEquals("2404:9200:225:100::64", o.get("br").getAsString());
        assertEquals("240b:10::/31", o.get("ip6prefix").getAsString());
        assertEquals("106.72.0.0/15", o.get("ip4prefix").getAsString());
        assertEquals(25, o.get("ealen").getAsInt());
        assertEquals(8, o.get("psidlen").getAsInt());
        assertEquals(4, o.get("offset").getAsInt());
        assertEquals("106.72.165.205", o.get("ipv4").getAsString());
        assertEquals(104, o.get("psid").getAsInt());
        assertEquals("240b:10:a5cd:6800:6a:48a5:cd00:6800", o.get("ce").getAsString());
        JsonArray seed = JsonParser.parseString(r.lines().get(1)).getAsJsonObject().getAsJsonArray("ranges");
        assertEquals(15, seed.size());
        assertEquals("5856-5871", seed.get(0).getAsString());
        assertEquals("63200-63215", seed.get(14).getAsString());
    }

    @Test
    void textShowsRuleAndResults() {
        Run r = run("mape", "2400:4050:1234:5600::/56");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("OCN 2400:4050:1000::/38 -> 153.240.64.0/20"), r.out());
        assertTrue(r.out().contains("ports   1008 in 63 ranges"), r.out());
        assertTrue(r.out().contains("ce      2400:4050:1234:5600:"), r.out());
    }

    @Test
    void explicitRuleCoversPrefixesTheTableDoesNot() {
        Run r = run("mape", "--format", "json", "--rule-ip6", "2001:db8::/40", "--rule-ip4", "192.0.2.0/24",
                "--ealen", "16", "2001:db8:12:3400::/56");
        assertEquals(0, r.exit(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertTrue(o.get("isp").isJsonNull());
        assertTrue(o.get("br").isJsonNull());
        assertEquals(8, o.get("psidlen").getAsInt());
        assertEquals(6, o.get("offset").getAsInt());
        assertEquals("192.0.2.18", o.get("ipv4").getAsString());
        assertEquals(0x34, o.get("psid").getAsInt());
        assertEquals("2001:db8:12:3400:0:c000:212:34", o.get("ce").getAsString());
    }

    @Test
    void explicitLegacyRuleUsesOffset4AndTheLegacyLayout() {
        Run r = run("mape", "--format", "json", "--rule-ip6", "2001:db8::/40", "--rule-ip4", "192.0.2.0/24",
                "--ealen", "16", "--legacymap", "--br", "2001:db8:ffff::1", "2001:db8:12:3400::/56");
        assertEquals(0, r.exit(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(4, o.get("offset").getAsInt());
        assertEquals("2001:db8:ffff::1", o.get("br").getAsString());
        assertEquals("2001:db8:12:3400:c0:2:1200:3400", o.get("ce").getAsString());
    }

    @Test
    void unmatchedPrefixIsAnErrorButOthersStillPrint() {
        Run r = run("mape", "--format", "json", "2001:db8::/56", "240b:10:a5cd:6800::/56");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no MAP-E rule covers 2001:db8::/56"), r.err());
        assertEquals(1, r.lines().size());
    }

    @Test
    void malformedInputExits2() {
        Run bad = run("mape", "240b:10:zz::/56");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("not an IPv6 address"), bad.err());
        assertEquals(2, run("mape", "240b:10:a5cd:6800::").exit());
        assertEquals(2, run("mape", "240b:10:a500::/48").exit());   // too short for the rule's EA bits
        assertEquals(2, run("mape", "--format", "xml", "240b:10:a5cd:6800::/56").exit());
        Run partial = run("mape", "--rule-ip6", "2001:db8::/40", "2001:db8:12:3400::/56");
        assertEquals(2, partial.exit());
        assertTrue(partial.err().contains("--rule-ip4"), partial.err());
        assertEquals(2, run("mape", "--rule-ip6", "2001:db8::/40", "--rule-ip4", "192.0.2.0/24", "--ealen", "16",
                "--psidlen", "4", "2001:db8:12:3400::/56").exit());
        assertEquals(2, run("mape").exit());
    }
}
