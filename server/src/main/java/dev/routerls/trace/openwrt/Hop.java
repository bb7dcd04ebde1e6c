package dev.routerls.trace.openwrt;

import dev.routerls.core.net.Packet;

/**
 * What a netfilter rule can test at one point of a packet's way: the packet, the devices it came in by and
 * goes out by (null before routing), and its mark.
 */
record Hop(Packet packet, String inDevice, String outDevice, long mark) {
}
