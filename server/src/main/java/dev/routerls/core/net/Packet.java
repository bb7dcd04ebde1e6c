package dev.routerls.core.net;

import dev.routerls.core.IpText;

/**
 * One IPv4 packet as filters and NAT rules see it: addresses as unsigned 32-bit numbers, the protocol
 * number, the ports (TCP/UDP) or ICMP type and code, and the TCP flags. A port of {@link #NO_PORT}
 * means "not given": a check that needs it cannot match. Both vendors' models match against this type,
 * so the trace hands one packet to either.
 */
public record Packet(long src, long dst, int protocol, int srcPort, int dstPort, int tcpFlags) {
    public static final int ICMP = 1;
    public static final int TCP = 6;
    public static final int UDP = 17;

    public static final int NO_PORT = -1;

    public static final int FIN = 0x001;
    public static final int SYN = 0x002;
    public static final int RST = 0x004;
    public static final int PSH = 0x008;
    public static final int ACK = 0x010;
    public static final int URG = 0x020;

    /** ICMP echo request: type 8, code 0 (what a ping sends). */
    public static final int ICMP_ECHO_REQUEST = 8;

    public boolean isTcpOrUdp() {
        return protocol == TCP || protocol == UDP;
    }

    public Packet withSrc(long address, int port) {
        return new Packet(address, dst, protocol, port, dstPort, tcpFlags);
    }

    public Packet withDst(long address, int port) {
        return new Packet(src, address, protocol, srcPort, port, tcpFlags);
    }

    /** The protocol's name (tcp, udp, icmp) or its number. */
    public static String protocolName(int protocol) {
        return switch (protocol) {
            case ICMP -> "icmp";
            case TCP -> "tcp";
            case UDP -> "udp";
            default -> Integer.toString(protocol);
        };
    }

    /** Dotted-quad text of an address number. */
    public static String address(long a) {
        return IpText.ipv4(a);
    }

    /** {@code 192.0.2.1:80}, or the address alone when the port is not given or the protocol has none. */
    public String srcText() {
        return endpoint(src, srcPort);
    }

    public String dstText() {
        return endpoint(dst, dstPort);
    }

    private String endpoint(long a, int port) {
        return isTcpOrUdp() && port != NO_PORT ? address(a) + ":" + port : address(a);
    }
}
