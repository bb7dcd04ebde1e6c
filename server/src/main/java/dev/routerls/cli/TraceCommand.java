package dev.routerls.cli;

import dev.routerls.analysis.Analyzer;
import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.LanguageId;
import dev.routerls.core.SourceFile;
import dev.routerls.core.net.Packet;
import dev.routerls.openwrt.router.Router;
import dev.routerls.trace.ArpAnswer;
import dev.routerls.trace.PacketSpec;
import dev.routerls.trace.TraceException;
import dev.routerls.trace.TraceReport;
import dev.routerls.trace.TraceResult;
import dev.routerls.trace.openwrt.OpenWrtTrace;
import dev.routerls.trace.yamaha.ArpResponder;
import dev.routerls.trace.yamaha.YamahaTrace;
import dev.routerls.yamaha.YamahaReader;
import dev.routerls.yamaha.model.YamahaConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code routerls trace}: what one router does with one packet (YAMAHA config or OpenWrt etc/ folder), or who
 * answers ARP for an address on a YAMAHA LAN. Exit 0 when the trace ran, 2 on bad input or I/O problems.
 */
@Command(name = "trace", mixinStandardHelpOptions = true, description = {
        "Trace the first packet of a new connection through a router's config: filters, NAT, routes (YAMAHA);",
        "zones, nat rules of firewall.user and nftables.d, routes, forwarding (OpenWrt).",
        "With --arp ADDR --on IFACE: who answers ARP for ADDR on a YAMAHA LAN interface."})
final class TraceCommand implements Callable<Integer> {

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--from", paramLabel = "IFACE",
            description = "where the packet arrives: lan1, lan1/1, pp1, tunnel1, pp-anonymous (YAMAHA); a UCI interface name (OpenWrt)")
    String from;

    @Option(names = "--src", paramLabel = "ADDR[:PORT]", description = "source address and port")
    String src;

    @Option(names = "--dst", paramLabel = "ADDR[:PORT]", description = "destination address and port")
    String dst;

    @Option(names = "--proto", defaultValue = "tcp", description = "tcp, udp or icmp (default: ${DEFAULT-VALUE})")
    String proto;

    @Option(names = "--connection", paramLabel = "N", defaultValue = "1",
            description = "which new connection this is since the rules were loaded (resolves nth-statistic and numgen rules; default: ${DEFAULT-VALUE})")
    int connection;

    @Option(names = "--arp", paramLabel = "ADDR", description = "ask who answers ARP for ADDR instead of tracing a packet")
    String arp;

    @Option(names = "--on", paramLabel = "IFACE", description = "the LAN interface of --arp")
    String on;

    @Option(names = "--model", description = "YAMAHA model, overriding the config header (e.g. RTX830, NVR510)")
    String model;

    @Option(names = "--openwrt-release", description = "OpenWrt release, overriding etc/openwrt_release (e.g. 21.02, 23.05)")
    String openwrtRelease;

    @Parameters(arity = "1", paramLabel = "PATH", description = "a YAMAHA config file, or an OpenWrt etc/ folder")
    Path path;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try {
            return run(out);
        } catch (TraceException e) {
            System.err.println("routerls trace: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            System.err.println("routerls trace: " + e.getMessage());
            return 2;
        }
    }

    private int run(PrintStream out) throws TraceException, IOException {
        if (!format.equals("text") && !format.equals("json")) throw new TraceException("--format must be text or json, not '" + format + "'");
        FileCollector collector = new FileCollector();
        List<SourceFile> files = collector.collect(List.of(path));
        AnalysisSettings settings = CliSettings.resolve(path, model, openwrtRelease);
        List<SourceFile> yamaha = files.stream().filter(f -> f.language() == LanguageId.YAMAHA_RTX).toList();
        Set<String> routers = files.stream().filter(f -> f.language().isOpenWrt()).map(Analyzer::routerKey)
                .collect(Collectors.toSet());
        if (yamaha.size() + routers.size() != 1) {
            throw new TraceException(path + " is " + (files.isEmpty() ? "no router config routerls recognises"
                    : "more than one router (" + yamaha.size() + " YAMAHA configs, " + routers.size() + " OpenWrt routers)")
                    + ": give one YAMAHA config file or one OpenWrt etc/ folder");
        }
        if (arp != null || on != null) {
            if (arp == null || on == null) throw new TraceException("--arp and --on go together");
            if (yamaha.isEmpty()) throw new TraceException("--arp answers for YAMAHA LAN interfaces; " + path + " is an OpenWrt router");
            SourceFile f = yamaha.get(0);
            YamahaConfig m = new YamahaReader().read(f.uri(), f.text(), settings).model();
            ArpAnswer a = new ArpResponder(m, f.uri()).answer(PacketSpec.address("--arp", arp), on);
            if (format.equals("json")) out.println(TraceReport.toJson(a));
            else TraceReport.printText(a, arp, on, out);
            return 0;
        }
        if (from == null || src == null || dst == null) throw new TraceException("--from, --src and --dst are required (or --arp with --on)");
        if (connection < 1) throw new TraceException("--connection must be 1 or more (the first new connection is 1)");
        Packet packet = PacketSpec.parse(src, dst, proto);
        TraceResult r;
        Function<String, String> fileOf;
        if (!yamaha.isEmpty()) {
            SourceFile f = yamaha.get(0);
            YamahaConfig m = new YamahaReader().read(f.uri(), f.text(), settings).model();
            r = new YamahaTrace(m, f.uri()).trace(from, packet);
            fileOf = uri -> null;
        } else {
            Router router = new Analyzer().openwrt().read(files, settings);
            r = new OpenWrtTrace(router).trace(from, packet, connection);
            String root = router.rootUri();
            fileOf = uri -> root != null && uri.startsWith(root) ? uri.substring(root.length()) : collector.displayPath(uri);
        }
        if (format.equals("json")) {
            out.println(TraceReport.toJson(r, fileOf));
        } else {
            String what = Packet.protocolName(packet.protocol()) + " " + packet.srcText() + " -> " + packet.dstText()
                    + (yamaha.isEmpty() ? " (connection " + connection + ")" : "");
            TraceReport.printText(r, from, what, fileOf, out);
        }
        return 0;
    }
}
