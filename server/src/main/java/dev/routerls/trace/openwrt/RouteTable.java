package dev.routerls.trace.openwrt;

import dev.routerls.core.IpText;
import dev.routerls.core.SourceRange;
import dev.routerls.core.net.Packet;
import dev.routerls.openwrt.router.NetworkInterface;
import dev.routerls.openwrt.router.NetworkInterface.StaticAddress;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.uci.UciSection;
import dev.routerls.openwrt.uci.UciValue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The IPv4 routes a router's network config gives: the subnets of static interfaces, {@code config route}
 * sections, and the default routes of the interfaces that bring one (dhcp, pppoe, map, a static
 * {@code gateway} …) unless {@code auto '0'} or {@code defaultroute '0'}. Longest prefix first, then the
 * lowest {@code metric}.
 */
final class RouteTable {
    /** Protocols whose interface installs an IPv4 default route when it comes up. */
    private static final Set<String> DEFAULT_ROUTE_PROTOS = Set.of("dhcp", "pppoe", "pppoa", "map", "dslite", "3g",
            "qmi", "ncm", "wwan", "mbim", "l2tp", "pptp");

    record Own(String iface, String uri, SourceRange range) { }

    /** Where a packet goes: {@code device} null when nothing routes it. */
    record Choice(String iface, String device, String uri, SourceRange range, String detail) { }

    private record Candidate(int length, int metric, int order, String iface, String device, String uri,
                             SourceRange range, String what) { }

    private final Router router;

    RouteTable(Router router) {
        this.router = router;
    }

    /** The interface whose static address is {@code a}, if any. */
    Optional<Own> own(long a) {
        for (NetworkInterface i : router.interfaces()) {
            for (StaticAddress s : i.staticIpv4()) {
                if (s.address() == a) return Optional.of(new Own(i.name(), i.uri(), s.value().range()));
            }
        }
        return Optional.empty();
    }

    Choice lookup(long dst) {
        List<Candidate> all = new ArrayList<>();
        int order = 0;
        for (NetworkInterface i : router.interfaces()) {
            Optional<String> dev = router.deviceOf(i);
            for (StaticAddress s : i.staticIpv4()) {
                if (s.covers(dst)) {
                    all.add(new Candidate(s.length(), 0, order++, i.name(), dev.orElse(null), i.uri(), s.value().range(),
                            "the subnet " + IpText.ipv4(s.address()) + "/" + s.length() + " of " + i.name()));
                }
            }
        }
        for (UciSection r : router.routes()) {
            Optional<Candidate> c = configured(r, dst, order++);
            c.ifPresent(all::add);
        }
        for (NetworkInterface i : router.interfaces()) {
            Optional<Candidate> c = defaultRoute(i, order++);
            c.ifPresent(all::add);
        }
        all.sort(Comparator.comparingInt((Candidate c) -> -c.length()).thenComparingInt(Candidate::metric)
                .thenComparingInt(Candidate::order));
        if (all.isEmpty()) {
            return new Choice(null, null, null, null, "no route to " + IpText.ipv4(dst) + ": no interface subnet, route or"
                    + " default route covers it, so the router discards it.");
        }
        Candidate c = all.get(0);
        String others = all.stream().skip(1).filter(o -> o.length() == c.length()).map(o -> o.iface()).distinct()
                .filter(n -> !n.equals(c.iface())).reduce((a, b) -> a + ", " + b).map(s -> " (" + s + " would also route it,"
                        + " with a higher metric or later in the file)").orElse("");
        if (c.device() == null) {
            return new Choice(c.iface(), null, c.uri(), c.range(), "to " + IpText.ipv4(dst) + " by " + c.what() + ", but "
                    + c.iface() + " names no device the trace can follow, so it stops here.");
        }
        return new Choice(c.iface(), c.device(), c.uri(), c.range(), "to " + IpText.ipv4(dst) + " by " + c.what()
                + ": out of " + c.device() + "." + others);
    }

    private Optional<Candidate> configured(UciSection r, long dst, int order) {
        Optional<String> target = r.get("target");
        Optional<String> ifaceName = r.get("interface");
        if (target.isEmpty() || ifaceName.isEmpty()) return Optional.empty();
        String t = target.get().trim();
        IpText.Ipv4Net net = IpText.ipv4Net(t, r.get("netmask").map(m -> IpText.prefixLength(m.trim())).orElse(32));
        if (net == null || !net.contains(dst)) return Optional.empty();
        int len = net.length();
        Optional<NetworkInterface> i = router.networkInterface(ifaceName.get());
        String dev = i.flatMap(router::deviceOf).orElse(null);
        int metric = r.get("metric").map(RouteTable::number).orElse(0);
        String via = r.get("gateway").map(g -> " via " + g).orElse("");
        return Optional.of(new Candidate(len, metric, order, ifaceName.get(), dev, i.map(NetworkInterface::uri).orElse(null),
                r.value("target").map(UciValue::range).orElse(r.header().range()), "the route to " + t + via + " on " + ifaceName.get()));
    }

    private Optional<Candidate> defaultRoute(NetworkInterface i, int order) {
        String proto = i.proto();
        boolean staticGateway = proto.equals("static") && i.option("gateway").isPresent();
        if (!DEFAULT_ROUTE_PROTOS.contains(proto) && !staticGateway) return Optional.empty();
        if (!i.startsAtBoot()) return Optional.empty();
        if (i.option("defaultroute").map(v -> !v.isTrue()).orElse(false)) return Optional.empty();
        String dev = router.deviceOf(i).orElse(null);
        int metric = i.option("metric").map(v -> number(v.text())).orElse(0);
        SourceRange at = staticGateway ? i.option("gateway").get().range()
                : i.option("proto").map(UciValue::range).orElse(i.section().header().range());
        String gateway = switch (proto) {
            case "static" -> i.option("gateway").get().text();
            case "dhcp" -> "dhcp(" + i.name() + "), the gateway of its DHCP lease (not in the config)";
            case "map", "dslite" -> "the " + proto + " tunnel " + dev;
            default -> "the peer " + i.name() + " gets (not in the config)";
        };
        return Optional.of(new Candidate(0, metric, order, i.name(), dev, i.uri(), at, "the default route of " + i.name()
                + " (proto " + proto + ") via " + gateway));
    }

    private static int number(String s) {
        String t = s.trim();
        return !t.isEmpty() && t.length() < 9 && t.chars().allMatch(Character::isDigit) ? Integer.parseInt(t) : 0;
    }
}
