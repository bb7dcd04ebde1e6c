package dev.routerls.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.routerls.robustness.LintRun;
import dev.routerls.testing.SampleRouters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code routerls trace}: the JSON contract, text output, the ARP question and exit codes. */
class TraceCommandTest {
    private static final Path YAMAHA = SampleRouters.SAMPLES.resolveSibling("yamaha");
    private static final String GOOD_ETC = SampleRouters.SAMPLES.resolve("good/etc").toString();

    private static JsonObject json(LintRun r) {
        return JsonParser.parseString(r.out()).getAsJsonObject();
    }

    @Test
    void openWrtJsonIsTheContract() {
        LintRun r = LintRun.of("trace", "--format", "json", GOOD_ETC, "--from", "lan", "--src", "192.168.1.10:50000",
                "--dst", "198.51.100.7:443", "--connection", "2");
        assertEquals(0, r.exit(), r.err());
        JsonObject o = json(r);
        assertEquals(Set.of("disposition", "egress", "src", "srcPorts", "dst", "nat", "filter", "steps"), o.keySet());
        assertEquals("forwarded", o.get("disposition").getAsString());
        assertEquals("map-wan_map", o.get("egress").getAsString());
        assertEquals("133.200.18.52", o.get("src").getAsString());
        assertEquals("9568-9583", o.get("srcPorts").getAsString());
        JsonObject nat = o.getAsJsonArray("nat").get(0).getAsJsonObject();
        assertEquals(Set.of("descriptor", "kind", "line"), nat.keySet());
        assertTrue(nat.get("descriptor").isJsonNull());
        assertEquals(37, nat.get("line").getAsInt());
        JsonObject step = o.getAsJsonArray("steps").get(1).getAsJsonObject();
        assertEquals(Set.of("step", "line", "detail"), step.keySet());
        assertEquals("prerouting", step.get("step").getAsString());
        assertTrue(step.get("detail").getAsString().startsWith("firewall.user: connection 2 is packet 1"), step.toString());
    }

    @Test
    void yamahaJsonNamesDescriptorsAndFilters() throws IOException {
        LintRun r = LintRun.of("trace", "--format", "json", YAMAHA.resolve("seed002-nvr510.conf").toString(), "--from",
                "pp-anonymous", "--src", "192.168.254.1:50000", "--dst", "192.168.253.240:445");
        assertEquals(0, r.exit(), r.err());
        JsonObject o = json(r);
        assertEquals("forwarded", o.get("disposition").getAsString());
        assertEquals("lan1", o.get("egress").getAsString());
        assertEquals("192.168.11.240", o.get("dst").getAsString());
        assertTrue(o.get("filter").isJsonNull());
        JsonObject nat = o.getAsJsonArray("nat").get(0).getAsJsonObject();
        assertEquals(30, nat.get("descriptor").getAsInt());
        assertEquals("static", nat.get("kind").getAsString());
        List<String> kinds = o.getAsJsonArray("steps").asList().stream()
                .map(e -> e.getAsJsonObject().get("step").getAsString()).toList();
        assertEquals(List.of("filter-in", "route", "filter-out", "nat-out"), kinds);
    }

    @Test
    void arpJson() {
        LintRun r = LintRun.of("trace", "--format", "json", "--arp", "192.168.11.5", "--on", "lan1",
                YAMAHA.resolve("seed002-nvr510.conf").toString());
        assertEquals(0, r.exit(), r.err());
        JsonObject o = json(r);
        assertEquals(Set.of("answeredBy", "reason", "line"), o.keySet());
        assertEquals("router", o.get("answeredBy").getAsString());
        assertEquals(12, o.get("line").getAsInt());
    }

    @Test
    void textNamesFilesAndLines() {
        LintRun r = LintRun.of("trace", GOOD_ETC, "--from", "lan", "--src", "192.168.1.10:50000", "--dst", "198.51.100.7:443");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.lines().get(0).startsWith("forwarded: tcp 192.168.1.10:50000 -> 198.51.100.7:443 (connection 1) from lan,"
                + " out of map-wan_map"), r.out());
        assertTrue(r.out().contains("(firewall.user:37)"), r.out());
    }

    @Test
    void badInputExitsTwoWithAClearMessage() throws IOException {
        String conf = YAMAHA.resolve("seed002-nvr510.conf").toString();
        LintRun unknown = LintRun.of("trace", conf, "--from", "lan7", "--src", "192.168.1.1", "--dst", "192.168.11.5");
        assertEquals(2, unknown.exit());
        assertEquals("routerls trace: unknown interface 'lan7': the config has lan1, lan2, pp-anonymous, tunnel2, tunnel3, tunnel4",
                unknown.err().strip());
        LintRun notAddress = LintRun.of("trace", conf, "--from", "lan1", "--src", "192.168.1", "--dst", "192.168.11.5");
        assertEquals(2, notAddress.exit());
        assertEquals("routerls trace: --src '192.168.1' is not an IPv4 address (a.b.c.d, each part 0-255)", notAddress.err().strip());
        assertEquals(2, LintRun.of("trace", conf, "--from", "lan1").exit());
        assertEquals(2, LintRun.of("trace", conf, "--arp", "192.168.11.5").exit());
        assertEquals(2, LintRun.of("trace", GOOD_ETC, "--arp", "192.168.1.5", "--on", "lan").exit());
        assertEquals(2, LintRun.of("trace", GOOD_ETC, "--from", "lan", "--src", "192.168.1.10", "--dst", "198.51.100.7",
                "--connection", "0").exit());
        assertEquals(2, LintRun.of("trace", "--format", "xml", conf, "--from", "lan1", "--src", "1.1.1.1", "--dst", "2.2.2.2").exit());
        assertEquals(2, LintRun.of("trace", "no/such/file", "--from", "lan1", "--src", "1.1.1.1", "--dst", "2.2.2.2").exit());
    }

    @Test
    void morethanOneRouterIsBadInput(@TempDir Path dir) throws IOException {
        Files.copy(YAMAHA.resolve("seed002-nvr510.conf"), dir.resolve("a.conf"));
        Files.copy(YAMAHA.resolve("seed002-nvr500.conf"), dir.resolve("b.conf"));
        LintRun r = LintRun.of("trace", dir.toString(), "--from", "lan1", "--src", "1.1.1.1", "--dst", "2.2.2.2");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("more than one router (2 YAMAHA configs, 0 OpenWrt routers)"), r.err());
    }
}
