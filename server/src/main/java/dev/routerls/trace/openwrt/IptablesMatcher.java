package dev.routerls.trace.openwrt;

import dev.routerls.core.IpText;
import dev.routerls.core.net.Packet;
import dev.routerls.openwrt.shell.IptablesCommand;
import dev.routerls.openwrt.shell.IptablesCommand.Option;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The conditions of one iptables command against a packet: {@code -p}, {@code -s}, {@code -d}, {@code -i},
 * {@code -o} (with {@code !} and a trailing {@code +}), {@code -m mark}, {@code -m tcp/udp} ports,
 * {@code -m multiport}, {@code -m conntrack/state} (the first packet is NEW) and {@code -m comment}. The
 * {@code statistic} match is left to the caller, which knows which connection this is.
 */
final class IptablesMatcher {
    private IptablesMatcher() {
    }

    /** Modules whose options this matcher reads (or that never restrict: comment, statistic). */
    private static final Set<String> KNOWN_MODULES = Set.of("", "mark", "tcp", "udp", "multiport", "conntrack", "state",
            "comment", "statistic", "icmp");

    static Match match(IptablesCommand c, Hop h) {
        Packet p = h.packet();
        for (Option o : c.options()) {
            if (o.targetOption()) continue;
            if (!KNOWN_MODULES.contains(o.module().toLowerCase(Locale.ROOT))) return Match.unknown("-m " + o.module());
            if (o.name().equals("-m") && !KNOWN_MODULES.contains(String.valueOf(o.value()).toLowerCase(Locale.ROOT))) {
                return Match.unknown("-m " + o.value());
            }
            Boolean r = switch (o.name()) {
                case "-p" -> protocol(o.value(), p);
                case "-s" -> addresses(o.value(), p.src());
                case "-d" -> addresses(o.value(), p.dst());
                case "-i" -> device(o.value(), h.inDevice());
                case "-o" -> device(o.value(), h.outDevice());
                case "--mark" -> mark(o.value(), h.mark());
                case "--dport", "--destination-port" -> ports(o.value(), p, p.dstPort());
                case "--sport", "--source-port" -> ports(o.value(), p, p.srcPort());
                case "--dports", "--destination-ports" -> ports(o.value(), p, p.dstPort());
                case "--sports", "--source-ports" -> ports(o.value(), p, p.srcPort());
                case "--ctstate", "--state" -> o.value() == null ? null
                        : List.of(o.value().toUpperCase(Locale.ROOT).split(",")).contains("NEW");
                default -> Boolean.TRUE;   // -A/-t/-m/-j words and options that do not restrict (comment, statistic)
            };
            if (r == null) return Match.unknown(o.name() + (o.value() == null ? "" : " " + o.values().get(0).display()));
            if (r == o.negated()) return Match.NO;
        }
        return Match.YES;
    }

    private static Boolean protocol(String v, Packet p) {
        if (v == null) return null;
        String t = v.toLowerCase(Locale.ROOT);
        if (t.equals("all") || t.equals("0")) return true;
        return switch (t) {
            case "tcp", "6" -> p.protocol() == Packet.TCP;
            case "udp", "17" -> p.protocol() == Packet.UDP;
            case "icmp", "1" -> p.protocol() == Packet.ICMP;
            default -> t.chars().allMatch(Character::isDigit) ? Integer.parseInt(t) == p.protocol() : Boolean.FALSE;
        };
    }

    /** {@code a.b.c.d[/len|/mask]}, comma-separated. */
    static Boolean addresses(String v, long a) {
        if (v == null) return null;
        for (String item : v.split(",")) {
            IpText.Ipv4Net net = IpText.ipv4Net(item, 32);
            if (net == null) return null;
            if (net.contains(a)) return true;
        }
        return false;
    }

    /** An interface name, with a trailing + matching every name that starts with the rest. */
    static Boolean device(String v, String actual) {
        if (v == null) return null;
        if (actual == null) return null;
        return v.endsWith("+") ? actual.startsWith(v.substring(0, v.length() - 1)) : actual.equals(v);
    }

    private static Boolean mark(String v, long mark) {
        if (v == null) return null;
        String[] vm = v.split("/", 2);
        Long value = number(vm[0]), mask = vm.length > 1 ? number(vm[1]) : Long.valueOf(0xFFFFFFFFL);
        if (value == null || mask == null) return null;
        return (mark & mask) == value;
    }

    /** A port, {@code lo:hi} or a comma list of these; a packet without that port does not match. */
    private static Boolean ports(String v, Packet p, int port) {
        if (v == null) return null;
        if (!p.isTcpOrUdp() || port == Packet.NO_PORT) return false;
        for (String item : v.split(",")) {
            String[] lh = item.split(":", 2);
            Long lo = number(lh[0]), hi = lh.length > 1 ? number(lh[1]) : lo;
            if (lo == null || hi == null) return null;
            if (port >= lo && port <= hi) return true;
        }
        return false;
    }

    static Long number(String s) {
        return IptablesCommand.number(s);
    }
}
