package dev.routerls.trace;

import dev.routerls.core.net.Packet;
import dev.routerls.mape.Ipv4Address;

import java.util.Locale;

/**
 * Reads what the user says about the packet to trace ({@code ADDR[:PORT]} twice, a protocol) into the
 * first packet of a new connection: a TCP SYN, a UDP datagram, or an ICMP echo request.
 */
public final class PacketSpec {
    private PacketSpec() {
    }

    /** {@code src}/{@code dst} as {@code ADDR[:PORT]}, protocol tcp, udp or icmp (null: tcp). */
    public static Packet parse(String src, String dst, String protocol) throws TraceException {
        String proto = protocol == null ? "tcp" : protocol.toLowerCase(Locale.ROOT);
        int number = switch (proto) {
            case "tcp" -> Packet.TCP;
            case "udp" -> Packet.UDP;
            case "icmp" -> Packet.ICMP;
            default -> throw new TraceException("--proto must be tcp, udp or icmp, not '" + protocol + "'");
        };
        long[] s = endpoint("--src", src, number);
        long[] d = endpoint("--dst", dst, number);
        if (number == Packet.ICMP) {
            return new Packet(s[0], d[0], number, Packet.ICMP_ECHO_REQUEST, 0, 0);
        }
        return new Packet(s[0], d[0], number, (int) s[1], (int) d[1], number == Packet.TCP ? Packet.SYN : 0);
    }

    /** Parses an IPv4 address alone (for {@code --arp}). */
    public static long address(String option, String text) throws TraceException {
        try {
            return Ipv4Address.parse(text).unsigned();
        } catch (IllegalArgumentException e) {
            throw new TraceException(option + " '" + text + "' is not an IPv4 address (a.b.c.d, each part 0-255)");
        }
    }

    private static long[] endpoint(String option, String text, int protocol) throws TraceException {
        if (text == null || text.isBlank()) throw new TraceException(option + " is required (ADDR[:PORT])");
        String t = text.trim();
        int colon = t.indexOf(':');
        long address = address(option, colon < 0 ? t : t.substring(0, colon));
        long port = Packet.NO_PORT;
        if (colon >= 0) {
            if (protocol == Packet.ICMP) throw new TraceException(option + " '" + text + "': ICMP has no ports");
            String p = t.substring(colon + 1);
            if (p.isEmpty() || p.length() > 5 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 65535) {
                throw new TraceException(option + " '" + text + "': the port must be a number 0-65535");
            }
            port = Integer.parseInt(p);
        }
        return new long[]{address, port};
    }
}
