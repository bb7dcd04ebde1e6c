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
 * <p>Read from the filter's words when a check asks ({@link IpFilter#condition()}), not kept in the model;
 * the header-space boxes are built on first use.
 */
public final class FilterCondition {
    private final FilterAddress src, dst;
    private final FilterProtocols protocols;
    private final FilterPorts srcPorts, dstPorts;
    /** Built on first use: a trace that only asks {@link #exact()} or the texts never needs the boxes. */
    private HeaderSet packets;

    private FilterCondition(FilterAddress src, FilterAddress dst, FilterProtocols protocols, FilterPorts srcPorts,
                            FilterPorts dstPorts) {
        this.src = src;
        this.dst = dst;
        this.protocols = protocols;
        this.srcPorts = srcPorts;
        this.dstPorts = dstPorts;
    }

    /** Reads the fields as written (null for an omitted one). */
    public static FilterCondition of(String src, String dst, String protocol, String srcPorts, String dstPorts) {
        return new FilterCondition(FilterAddress.parse(src), FilterAddress.parse(dst), FilterProtocols.parse(protocol),
                FilterPorts.parse(srcPorts), FilterPorts.parse(dstPorts));
    }

    public FilterAddress src() {
        return src;
    }

    public FilterAddress dst() {
        return dst;
    }

    public FilterProtocols protocols() {
        return protocols;
    }

    public FilterPorts srcPorts() {
        return srcPorts;
    }

    public FilterPorts dstPorts() {
        return dstPorts;
    }

    /** The packets the filter matches, as header-space boxes. */
    public HeaderSet packets() {
        HeaderSet p = packets;
        if (p == null) packets = p = boxes(src, dst, protocols, srcPorts, dstPorts);
        return p;
    }

    /** Whether the filter matches {@code p}. */
    public boolean matches(Packet p) {
        return packets().contains(p);
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
                    int[] lo = t.lo().clone(), hi = t.hi().clone();
                    System.arraycopy(s[0], 0, lo, HeaderBox.SRC, 4);
                    System.arraycopy(s[1], 0, hi, HeaderBox.SRC, 4);
                    System.arraycopy(d[0], 0, lo, HeaderBox.DST, 4);
                    System.arraycopy(d[1], 0, hi, HeaderBox.DST, 4);
                    out.add(new HeaderBox(lo, hi));
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
