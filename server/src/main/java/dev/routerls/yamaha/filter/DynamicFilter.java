package dev.routerls.yamaha.filter;

import dev.routerls.core.SourceRange;
import dev.routerls.core.net.Packet;
import dev.routerls.yamaha.parse.Word;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ip filter dynamic N SRC DST PROTOCOL …} or {@code … SRC DST filter LIST [in LIST] [out LIST]}:
 * a filter that watches the connections it matches and lets their later packets through. {@code protocol}
 * is the mnemonic of the first form (null for the second), {@code triggers} the static filters of the
 * second form's {@code filter} list. {@code fields} are the parsed line's words (source, destination and, in the
 * first form, the protocol), read when a trace asks, as {@link IpFilter} does.
 */
public record DynamicFilter(int id, List<Word> fields, List<Integer> triggers, SourceRange range) {

    /** Protocol and destination port of the application mnemonics (IANA well-known ports); port -1: any. */
    private static final Map<String, int[][]> APPLICATIONS = Map.ofEntries(
            Map.entry("tcp", new int[][]{{Packet.TCP, -1}}), Map.entry("udp", new int[][]{{Packet.UDP, -1}}),
            Map.entry("ping", new int[][]{{Packet.ICMP, -1}}),
            Map.entry("ftp", new int[][]{{Packet.TCP, 21}}), Map.entry("tftp", new int[][]{{Packet.UDP, 69}}),
            Map.entry("domain", new int[][]{{Packet.UDP, 53}, {Packet.TCP, 53}}),
            Map.entry("dns", new int[][]{{Packet.UDP, 53}, {Packet.TCP, 53}}),
            Map.entry("www", new int[][]{{Packet.TCP, 80}}), Map.entry("http", new int[][]{{Packet.TCP, 80}}),
            Map.entry("https", new int[][]{{Packet.TCP, 443}}), Map.entry("smtp", new int[][]{{Packet.TCP, 25}}),
            Map.entry("submission", new int[][]{{Packet.TCP, 587}}), Map.entry("pop3", new int[][]{{Packet.TCP, 110}}),
            Map.entry("imap", new int[][]{{Packet.TCP, 143}}), Map.entry("telnet", new int[][]{{Packet.TCP, 23}}),
            Map.entry("ssh", new int[][]{{Packet.TCP, 22}}), Map.entry("ntp", new int[][]{{Packet.UDP, 123}}),
            Map.entry("snmp", new int[][]{{Packet.UDP, 161}}), Map.entry("ike", new int[][]{{Packet.UDP, 500}}),
            Map.entry("ipsec-nat-t", new int[][]{{Packet.UDP, 4500}}), Map.entry("l2tp", new int[][]{{Packet.UDP, 1701}}),
            Map.entry("pptp", new int[][]{{Packet.TCP, 1723}}), Map.entry("sip", new int[][]{{Packet.UDP, 5060}}));

    public DynamicFilter {
        triggers = List.copyOf(triggers);
    }

    public FilterAddress src() {
        return FilterAddress.parse(IpFilter.field(fields, 0));
    }

    public FilterAddress dst() {
        return FilterAddress.parse(IpFilter.field(fields, 1));
    }

    /** The application mnemonic of the first form; null for the {@code filter LIST} form. */
    public String protocol() {
        return IpFilter.field(fields, 2);
    }

    /**
     * Whether this filter starts watching a connection whose first packet is {@code p}: TRUE/FALSE when
     * the config says, null when its protocol is a mnemonic whose ports are not known here. The
     * {@code filter LIST} form is judged by the caller, who has the static filters.
     */
    public Boolean watches(Packet p) {
        if (!src().contains(p.src()) || !dst().contains(p.dst())) return false;
        String protocol = protocol();
        if (protocol == null) return null;
        int[][] app = APPLICATIONS.get(protocol.toLowerCase(Locale.ROOT));
        if (app == null) return null;
        for (int[] a : app) {
            if (a[0] == p.protocol() && (a[1] < 0 || a[1] == p.dstPort())) return true;
        }
        return false;
    }
}
