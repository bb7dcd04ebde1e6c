package dev.routerls.services.trace;

import dev.routerls.core.IpText;
import dev.routerls.core.SourceRange;
import dev.routerls.core.net.Packet;
import dev.routerls.openwrt.router.NetworkInterface;
import dev.routerls.openwrt.router.Router;
import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.feature.TraceParticipant;
import dev.routerls.services.types.CodeLensEntry;
import dev.routerls.services.types.TraceOutcome;
import dev.routerls.services.types.TraceQuery;
import dev.routerls.trace.PacketSpec;
import dev.routerls.trace.TraceException;
import dev.routerls.trace.TraceResult;
import dev.routerls.trace.TraceStep;
import dev.routerls.trace.openwrt.OpenWrtTrace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The packet trace in an OpenWrt router's files: any of them traces through the whole router; on the SNAT
 * rule of a MAP-E loop (firewall.user or nftables.d, the languages built {@link #withSnatLenses}), a lens
 * with the block the next connections get. The trace itself is the CLI's ({@code dev.routerls.trace.openwrt}).
 */
public final class OpenWrtTracing implements TraceParticipant {
    /** Connections the SNAT lens shows. */
    private static final int SHOWN = 3;

    private final boolean snatLenses;

    private OpenWrtTracing(boolean snatLenses) {
        this.snatLenses = snatLenses;
    }

    /** For the files that hold SNAT rules (firewall.user, nftables.d). */
    public static OpenWrtTracing withSnatLenses() {
        return new OpenWrtTracing(true);
    }

    /** For the UCI files: the trace runs from them, with no lens. */
    public static OpenWrtTracing withoutLenses() {
        return new OpenWrtTracing(false);
    }

    @Override
    public TraceOutcome trace(FeatureContext c, TraceQuery q, Packet packet) throws TraceException {
        return new TraceOutcome(new OpenWrtTrace(c.router()).trace(q.from(), packet, Math.max(1, q.connection())),
                c.router().rootUri());
    }

    /**
     * Above each SNAT rule the next connections land on, the block each gets: a LAN host's connections to a
     * remote web server traced as connection 1, 2, 3.
     */
    @Override
    public List<CodeLensEntry> lenses(FeatureContext c) {
        if (!snatLenses) return List.of();
        Router router = c.router();
        Optional<NetworkInterface> lan = router.interfaces().stream()
                .filter(i -> !i.staticIpv4().isEmpty() && !i.name().equals("loopback")).findFirst();
        if (lan.isEmpty()) return List.of();
        NetworkInterface.StaticAddress a = lan.get().staticIpv4().get(0);
        long network = a.address() & IpText.netmask(a.length());
        String src = IpText.ipv4(ExamplePackets.host(network, a.address())) + ":50000";
        String dst = ExamplePackets.REMOTE + ":443";
        OpenWrtTrace trace = new OpenWrtTrace(router);
        Map<SourceRange, List<String>> byLine = new LinkedHashMap<>();
        for (int n = 1; n <= SHOWN; n++) {
            TraceResult r;
            try {
                r = trace.trace(lan.get().name(), PacketSpec.parse(src, dst, "tcp"), n);
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
                + String.join(" · ", blocks), TraceQuery.COMMAND, List.of(new TraceQuery(c.uri(), lan.get().name(), src,
                dst, "tcp", 1)))));
        return out;
    }
}
