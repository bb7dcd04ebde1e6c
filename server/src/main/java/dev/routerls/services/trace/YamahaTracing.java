package dev.routerls.services.trace;

import dev.routerls.core.IpText;
import dev.routerls.core.SourceRange;
import dev.routerls.core.net.Packet;
import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.feature.TraceParticipant;
import dev.routerls.services.types.CodeLensEntry;
import dev.routerls.services.types.TraceOutcome;
import dev.routerls.services.types.TraceQuery;
import dev.routerls.trace.TraceException;
import dev.routerls.trace.yamaha.YamahaTrace;
import dev.routerls.yamaha.ConfigLine;
import dev.routerls.yamaha.model.YamahaConfig;
import dev.routerls.yamaha.model.YamahaConfig.InterfaceAddress;
import dev.routerls.yamaha.parse.Command;
import dev.routerls.yamaha.parse.Word;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The packet trace in a YAMAHA config. On an interface's {@code secure filter} or {@code nat descriptor}
 * line, a lens "Trace a packet from here…" whose command runs the trace of an example packet from that
 * interface (a client may pass its own packet instead). The trace itself is the CLI's
 * ({@code dev.routerls.trace.yamaha}).
 */
public final class YamahaTracing implements TraceParticipant {

    @Override
    public List<CodeLensEntry> lenses(FeatureContext c) {
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
            out.add(new CodeLensEntry(at, title, TraceQuery.COMMAND, List.of(new TraceQuery(c.uri(), from, packet[0], packet[1], "tcp", 1))));
        }
        return out;
    }

    @Override
    public TraceOutcome trace(FeatureContext c, TraceQuery q, Packet packet) throws TraceException {
        return new TraceOutcome(new YamahaTrace(c.yamaha().model(), c.uri()).trace(q.from(), packet), null);
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
            return new String[]{"203.0.113.10:50000", ExamplePackets.REMOTE + ":80"};
        }
        return new String[]{IpText.ipv4(ExamplePackets.host(own.get().subnet().network(), own.get().address())) + ":50000",
                ExamplePackets.REMOTE + ":443"};
    }
}
