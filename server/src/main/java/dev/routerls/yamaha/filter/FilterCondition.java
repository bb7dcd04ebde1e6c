package dev.routerls.yamaha.filter;

import dev.routerls.core.net.HeaderBox;
import dev.routerls.core.net.HeaderSet;
import dev.routerls.core.net.Packet;
import dev.routerls.core.net.TcpFlags;

import java.util.ArrayList;
import java.util.List;

/**
 * What an {@code ip filter} matches, read with the reference's rules (8.1.10): omitted fields are
 * {@code *}; the port fields hold ICMP type and code when the protocol is {@code icmp} alone, are ignored
 * for {@code icmp-error}/{@code icmp-info}, and otherwise apply to TCP and UDP packets only — a packet of
 * another protocol matches as if no ports were written. {@link #packets()} is the exact set of matching
 * packets, except for parts the router resolves at run time ({@link #unresolved()}), which match nothing here.
 */
public record FilterCondition(FilterAddress src, FilterAddress dst, FilterProtocols protocols,
                              FilterPorts srcPorts, FilterPorts dstPorts, HeaderSet packets) {

    public static final FilterCondition ANY = of(null, null, null, null, null);

    /** Reads the fields as written (null for an omitted one). */
    public static FilterCondition of(String src, String dst, String protocol, String srcPorts, String dstPorts) {
        FilterAddress s = FilterAddress.parse(src), d = FilterAddress.parse(dst);
        FilterProtocols p = FilterProtocols.parse(protocol);
        FilterPorts sp = FilterPorts.parse(srcPorts), dp = FilterPorts.parse(dstPorts);
        return new FilterCondition(s, d, p, sp, dp, boxes(s, d, p, sp, dp));
    }

    /** Whether the filter matches {@code p}. */
    public boolean matches(Packet p) {
        return packets.contains(p);
    }

    /** Texts of the fields this filter's match set depends on but the config does not resolve (FQDN, map-e …). */
    public List<String> unresolved() {
        List<String> out = new ArrayList<>(src.unresolved());
        out.addAll(dst.unresolved());
        out.addAll(protocols.unresolved());
        out.addAll(srcPorts.unresolved());
        out.addAll(dstPorts.unresolved());
        return out;
    }

    /** True when {@link #packets()} is exactly the set the router matches. */
    public boolean exact() {
        return unresolved().isEmpty();
    }

    private static HeaderSet boxes(FilterAddress src, FilterAddress dst, FilterProtocols protocols,
                                   FilterPorts srcPorts, FilterPorts dstPorts) {
        List<HeaderBox> out = new ArrayList<>();
        List<HeaderBox> tails = protocolBoxes(protocols, srcPorts, dstPorts);
        for (int[][] s : src.boxes()) {
            for (int[][] d : dst.boxes()) {
                for (HeaderBox t : tails) {
                    HeaderBox b = t;
                    for (int i = 0; i < 4; i++) {
                        b = b.with(HeaderBox.SRC + i, s[0][i], s[1][i]).with(HeaderBox.DST + i, d[0][i], d[1][i]);
                    }
                    out.add(b);
                }
            }
        }
        return new HeaderSet(out);
    }

    /** Boxes over protocol, ports and flags (addresses left open). */
    private static List<HeaderBox> protocolBoxes(FilterProtocols protocols, FilterPorts srcPorts, FilterPorts dstPorts) {
        List<HeaderBox> out = new ArrayList<>();
        HeaderBox all = HeaderBox.all();
        if (protocols.icmpAlone()) {
            // the port fields are ICMP type and code
            for (HeaderBox b : ports(all.with(HeaderBox.PROTOCOL, Packet.ICMP, Packet.ICMP), srcPorts, dstPorts)) out.add(b);
            return out;
        }
        for (FilterProtocols.Element e : protocols.elements()) {
            switch (e.kind()) {
                case ANY -> {
                    out.addAll(ports(all.with(HeaderBox.PROTOCOL, Packet.TCP, Packet.TCP), srcPorts, dstPorts));
                    out.addAll(ports(all.with(HeaderBox.PROTOCOL, Packet.UDP, Packet.UDP), srcPorts, dstPorts));
                    out.add(all.with(HeaderBox.PROTOCOL, 0, Packet.TCP - 1));
                    out.add(all.with(HeaderBox.PROTOCOL, Packet.TCP + 1, Packet.UDP - 1));
                    out.add(all.with(HeaderBox.PROTOCOL, Packet.UDP + 1, 255));
                }
                case NUMBER -> {
                    HeaderBox b = all.with(HeaderBox.PROTOCOL, e.protocol(), e.protocol());
                    if (e.tcpOrUdp()) out.addAll(ports(b, srcPorts, dstPorts));
                    else out.add(b);
                }
                case ICMP_ERROR -> {
                    HeaderBox b = all.with(HeaderBox.PROTOCOL, Packet.ICMP, Packet.ICMP);
                    for (int t : FilterProtocols.ICMP_ERROR_TYPES) out.add(b.with(HeaderBox.SRC_PORT, t, t));
                }
                case ICMP_INFO -> {
                    HeaderBox b = all.with(HeaderBox.PROTOCOL, Packet.ICMP, Packet.ICMP);
                    for (int[] t : FilterProtocols.ICMP_INFO_TYPES) out.add(b.with(HeaderBox.SRC_PORT, t[0], t[1]));
                }
                case TCP_FLAGS -> {
                    HeaderBox b = all.with(HeaderBox.PROTOCOL, Packet.TCP, Packet.TCP);
                    for (int[] f : TcpFlags.intervals(e.value(), e.mask(), e.equal())) {
                        out.addAll(ports(b.with(HeaderBox.FLAGS, f[0], f[1]), srcPorts, dstPorts));
                    }
                }
            }
        }
        return out;
    }

    private static List<HeaderBox> ports(HeaderBox base, FilterPorts srcPorts, FilterPorts dstPorts) {
        List<HeaderBox> out = new ArrayList<>();
        for (int[] s : srcPorts.intervals()) {
            for (int[] d : dstPorts.intervals()) {
                out.add(base.with(HeaderBox.SRC_PORT, s[0], s[1]).with(HeaderBox.DST_PORT, d[0], d[1]));
            }
        }
        return out;
    }
}
