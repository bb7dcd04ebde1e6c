package dev.routerls.trace;

import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.TextDecoder;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.router.RouterReader;
import dev.routerls.testing.SampleRouters;
import dev.routerls.testing.Shared;
import dev.routerls.trace.openwrt.OpenWrtTrace;
import dev.routerls.trace.yamaha.ArpResponder;
import dev.routerls.trace.yamaha.YamahaTrace;
import dev.routerls.yamaha.YamahaReader;
import dev.routerls.yamaha.model.YamahaConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every interface of every sample and corpus config, with packets of each protocol to inside, outside and
 * router addresses: the trace always ends with a disposition and names only lines of the config.
 */
class TraceOnEveryConfigTest {
    private static final List<String[]> PACKETS = List.of(
            new String[]{"192.168.100.2:50000", "198.51.100.1:443", "tcp"},
            new String[]{"198.51.100.9:40000", "192.168.100.1:80", "tcp"},
            new String[]{"10.0.0.5:53", "192.168.11.240:53", "udp"},
            new String[]{"192.168.1.10", "203.0.113.1", "icmp"},
            new String[]{"203.0.113.7:5000", "192.168.253.240:445", "tcp"});

    private static List<Path> yamahaConfigs() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(SampleRouters.SAMPLES.resolveSibling("yamaha"))) {
            s.sorted().forEach(out::add);
        }
        Path corpus = Shared.require(Shared.root().resolve("corpus/yamaha"));
        try (Stream<Path> s = Files.list(corpus)) {
            s.sorted().forEach(out::add);
        }
        return out;
    }

    @Test
    void everyYamahaInterface() throws Exception {
        int traces = 0;
        for (Path p : yamahaConfigs()) {
            String text = TextDecoder.decode(Files.readAllBytes(p));
            YamahaConfig m = new YamahaReader().read(p.toUri().toString(), text, AnalysisSettings.DEFAULT).model();
            int lines = (int) text.lines().count();
            YamahaTrace trace = new YamahaTrace(m, p.toUri().toString());
            for (String from : trace.interfaces()) {
                for (String[] k : PACKETS) {
                    TraceResult r = trace.trace(from, PacketSpec.parse(k[0], k[1], k[2]));
                    check(r, lines, p + " from " + from);
                    traces++;
                }
                if (from.startsWith("lan")) {
                    for (String a : List.of("192.168.100.1", "192.168.11.5", "10.1.1.1")) {
                        ArpAnswer arp = new ArpResponder(m, p.toUri().toString()).answer(PacketSpec.address("--arp", a), from);
                        assertFalse(arp.reason().isBlank());
                    }
                }
            }
        }
        assertTrue(traces > 100, "traced " + traces);
    }

    @Test
    void everyOpenWrtInterfaceAndConnection() throws Exception {
        List<String> samples;
        try (Stream<Path> s = Files.list(SampleRouters.SAMPLES)) {
            samples = s.map(x -> x.getFileName().toString()).sorted().toList();
        }
        int traces = 0;
        for (String sample : samples) {
            Router router = RouterReader.read(SampleRouters.files(sample), AnalysisSettings.DEFAULT);
            OpenWrtTrace trace = new OpenWrtTrace(router);
            for (String from : trace.interfaces()) {
                for (String[] k : PACKETS) {
                    for (int n : new int[]{1, 2, 15, 16, 1000}) {
                        check(trace.trace(from, PacketSpec.parse(k[0], k[1], k[2]), n), Integer.MAX_VALUE, sample + " from " + from);
                        traces++;
                    }
                }
            }
        }
        assertTrue(traces > 500, "traced " + traces);
    }

    private static void check(TraceResult r, int lines, String what) {
        assertNotNull(r.disposition(), what);
        assertFalse(r.steps().isEmpty(), what);
        for (TraceStep s : r.steps()) {
            assertFalse(s.detail().isBlank(), what);
            if (s.line() != null) assertTrue(s.line() >= 1 && s.line() <= lines, what + ": line " + s.line());
        }
        if (r.disposition() == Disposition.FORWARDED) assertNotNull(r.egress(), what);
        assertTrue(r.srcPorts() == null || r.srcPorts().matches("\\d+-\\d+(,\\d+-\\d+)*"), what + ": " + r.srcPorts());
    }
}
