package dev.routerls.services.trace;

import dev.routerls.core.IpText;
import dev.routerls.core.LanguageId;
import dev.routerls.core.SourceRange;
import dev.routerls.core.net.Packet;
import dev.routerls.openwrt.router.NetworkInterface;
import dev.routerls.openwrt.router.Router;
import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.types.CodeLensEntry;
import dev.routerls.trace.PacketSpec;
import dev.routerls.trace.TraceException;
import dev.routerls.trace.TraceResult;
import dev.routerls.trace.TraceStep;
import dev.routerls.trace.openwrt.OpenWrtTrace;
import dev.routerls.trace.yamaha.YamahaTrace;
import dev.routerls.yamaha.ConfigLine;
import dev.routerls.yamaha.model.YamahaConfig;
import dev.routerls.yamaha.model.YamahaConfig.InterfaceAddress;
import dev.routerls.yamaha.parse.Command;
import dev.routerls.yamaha.parse.Word;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The packet trace in the editor. On a YAMAHA interface's {@code secure filter} or {@code nat descriptor}
 * line, a lens "Trace a packet from here…" whose command ({@link #COMMAND}) runs the trace of an example
 * packet from that interface (a client may pass its own packet instead); on the SNAT rule of an OpenWrt
 * MAP-E loop (firewall.user or nftables.d), a lens with the block the next connections get. The trace
 * itself is the CLI's ({@code dev.routerls.trace}).
 */
public final class TraceFeatures {
    /** The server command that runs a trace; its one argument is a {@link TraceQuery}. */
    public static final String COMMAND = "routerls.trace";
    /** Connections the SNAT lens shows. */
    private static final int SHOWN = 3;
    /** An example destination outside the router (TEST-NET-2). */
    private static final String EXAMPLE_REMOTE = "198.51.100.1";

    public List<CodeLensEntry> lenses(FeatureContext c) {
        if (c.language() == LanguageId.YAMAHA_RTX) return yamaha(c);
        if (c.language() == LanguageId.OPENWRT_FIREWALL_USER || c.language() == LanguageId.OPENWRT_NFTABLES) return snat(c);
        return List.of();
    }

    /**
     * A trace and the root its files are named from: the OpenWrt router's {@code etc/} folder, or null for a
     * YAMAHA config (one file).
     */
    public record Outcome(TraceResult result, String rootUri) {
        /** How a step's file is named for people: relative to the router root; null for the one YAMAHA file. */
        public String fileOf(String uri) {
            return rootUri != null && uri.startsWith(rootUri) ? uri.substring(rootUri.length()) : null;
        }
    }

    /** Runs {@code q} on the document's models. */
    public Outcome trace(FeatureContext c, TraceQuery q) throws TraceException {
        Packet packet = PacketSpec.parse(q.src(), q.dst(), q.proto());
        if (c.language() == LanguageId.YAMAHA_RTX) {
            return new Outcome(new YamahaTrace(c.yamaha().model(), c.uri()).trace(q.from(), packet), null);
        }
        if (c.language().isOpenWrt()) {
            return new Outcome(new OpenWrtTrace(c.router()).trace(q.from(), packet, Math.max(1, q.connection())),
                    c.router().rootUri());
        }
        throw new TraceException("this document is not a router config routerls traces");
    }

    // ---- YAMAHA ----

    private List<CodeLensEntry> yamaha(FeatureContext c) {
        YamahaConfig m = c.yamaha().model();
        List<CodeLensEntry> out = new ArrayList<>();
        for (ConfigLine l : c.yamaha().lines()) {
            Command cmd = l.parsed().command();
            Word iface = cmd instanceof Command.SecureFilter sf && !sf.ipv6() ? sf.iface()
                    : cmd instanceof Command.NatApply na ? na.iface() : null;
            if (iface == null || l.parsed().negated()) continue;
            String key = key(iface.text(), l);
            if (key == null) continue;
            String from = spelled(key);
            String[] packet = examplePacket(m, key);
            String title = "Trace a packet from here… (tcp " + packet[0] + " → " + packet[1] + " from " + from + ")";
            SourceRange at = new SourceRange(l.firstLine(), 0, l.firstLine(), 0);
            out.add(new CodeLensEntry(at, title, COMMAND, List.of(new TraceQuery(c.uri(), from, packet[0], packet[1], "tcp", 1))));
        }
        return out;
    }

    /** The model key of the interface a line names ({@code pp}/{@code tunnel} in its select block). */
    private static String key(String word, ConfigLine l) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.equals("pp")) return l.context().pp() == null ? null : "pp " + l.context().pp();
        if (w.equals("tunnel")) return l.context().tunnel() == null ? null : "tunnel " + l.context().tunnel();
        return w;
    }

    private static String spelled(String key) {
        if (key.equals("pp anonymous")) return "pp-anonymous";
        return key.replace(" ", "");
    }

    /**
     * An example first packet: from a host of the LAN to a remote web server, or — for a PP or tunnel, or an
     * interface without an address — from a remote host to a web server at the router's outside address
     * (the trace takes the destination as the address the interface gets from its peer). The lens says which
     * packet it traces.
     */
    private static String[] examplePacket(YamahaConfig m, String key) {
        Optional<InterfaceAddress> own = m.interfaces().containsKey(key)
                ? m.interfaces().get(key).addresses().stream().findFirst() : Optional.empty();
        if (key.startsWith("pp") || key.startsWith("tunnel") || own.isEmpty()) {
            return new String[]{"203.0.113.10:50000", EXAMPLE_REMOTE + ":80"};
        }
        return new String[]{IpText.ipv4(host(own.get().subnet().network(), own.get().address())) + ":50000", EXAMPLE_REMOTE + ":443"};
    }

    /** The first host address of a subnet that is not the router's own. */
    private static long host(long network, long router) {
        return network + 1 == router ? network + 2 : network + 1;
    }

    // ---- OpenWrt ----

    /**
     * Above each SNAT rule the next connections land on, the block each gets: a LAN host's connections to a
     * remote web server traced as connection 1, 2, 3.
     */
    private List<CodeLensEntry> snat(FeatureContext c) {
        Router router = c.router();
        Optional<NetworkInterface> lan = router.interfaces().stream()
                .filter(i -> !i.staticIpv4().isEmpty() && !i.name().equals("loopback")).findFirst();
        if (lan.isEmpty()) return List.of();
        NetworkInterface.StaticAddress a = lan.get().staticIpv4().get(0);
        long network = a.address() & (a.length() == 0 ? 0 : (0xFFFFFFFFL << (32 - a.length())) & 0xFFFFFFFFL);
        String src = IpText.ipv4(host(network, a.address())) + ":50000";
        OpenWrtTrace trace = new OpenWrtTrace(router);
        Map<SourceRange, List<String>> byLine = new LinkedHashMap<>();
        for (int n = 1; n <= SHOWN; n++) {
            TraceResult r;
            try {
                r = trace.trace(lan.get().name(), PacketSpec.parse(src, EXAMPLE_REMOTE + ":443", "tcp"), n);
            } catch (TraceException e) {
                return List.of();
            }
            Optional<TraceStep> snat = r.steps().stream().filter(s -> s.kind().equals("postrouting") && c.uri().equals(s.uri())
                    && !r.nat().isEmpty()).reduce((x, y) -> y);
            if (snat.isEmpty()) continue;
            SourceRange line = new SourceRange(snat.get().range().startLine(), 0, snat.get().range().startLine(), 0);
            byLine.computeIfAbsent(line, k -> new ArrayList<>()).add("connection " + n + " → " + r.src()
                    + (r.srcPorts() == null ? "" : ":" + r.srcPorts()));
        }
        List<CodeLensEntry> out = new ArrayList<>();
        byLine.forEach((line, blocks) -> out.add(new CodeLensEntry(line, "Next connections from " + lan.get().name() + ": "
                + String.join(" · ", blocks), COMMAND, List.of(new TraceQuery(c.uri(), lan.get().name(), src,
                EXAMPLE_REMOTE + ":443", "tcp", 1)))));
        return out;
    }
}
