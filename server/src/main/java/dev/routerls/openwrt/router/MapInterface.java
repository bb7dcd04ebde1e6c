package dev.routerls.openwrt.router;

import dev.routerls.mape.Ipv4Address;
import dev.routerls.mape.Ipv4Prefix;
import dev.routerls.mape.Ipv6Address;
import dev.routerls.mape.Ipv6Prefix;
import dev.routerls.mape.MapRule;
import dev.routerls.openwrt.uci.UciValue;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A {@code proto 'map'} interface and its Basic Mapping Rule options as OpenWrt's map.sh reads them:
 * {@code ip6prefix}/{@code ip6prefixlen} (rule IPv6 prefix), {@code ipaddr}/{@code ip4prefixlen} (rule
 * IPv4 prefix), {@code ealen}, {@code psidlen}, {@code offset}, {@code peeraddr} (BR), {@code legacymap}.
 * Values that do not parse count as absent here; {@code openwrt/invalid-value} reports them.
 */
public record MapInterface(NetworkInterface iface) {

    /** RFC 7597 §5.1: the PSID offset is 6 unless the rule says otherwise. */
    public static final int DEFAULT_OFFSET = 6;

    public String name() {
        return iface.name();
    }

    public String uri() {
        return iface.uri();
    }

    public Optional<UciValue> option(String name) {
        return iface.option(name);
    }

    /** {@code maptype}; map.sh treats a missing one as map-e. */
    public String maptype() {
        return iface.section().get("maptype").orElse("map-e");
    }

    public OptionalInt integer(String name) {
        Optional<UciValue> v = option(name);
        if (v.isEmpty()) return OptionalInt.empty();
        String t = v.get().text().trim();
        if (t.isEmpty() || t.length() > 6 || !t.chars().allMatch(Character::isDigit)) return OptionalInt.empty();
        return OptionalInt.of(Integer.parseInt(t));
    }

    public boolean legacymap() {
        return option("legacymap").map(UciValue::isTrue).orElse(false);
    }

    /** The rule IPv6 prefix: {@code ip6prefix} (with or without /len) and {@code ip6prefixlen}. */
    public Optional<Ipv6Prefix> ip6prefix() {
        Optional<UciValue> v = option("ip6prefix");
        if (v.isEmpty()) return Optional.empty();
        String t = v.get().text().trim();
        try {
            int slash = t.indexOf('/');
            OptionalInt len = integer("ip6prefixlen");
            if (slash >= 0) {
                Ipv6Prefix p = Ipv6Prefix.parse(t);
                return Optional.of(len.isPresent() && len.getAsInt() <= 128 ? new Ipv6Prefix(p.address(), len.getAsInt()) : p);
            }
            if (len.isEmpty() || len.getAsInt() > 128) return Optional.empty();
            return Optional.of(new Ipv6Prefix(Ipv6Address.parse(t), len.getAsInt()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code ipaddr} as written (users put either the rule prefix or their own shared address there). */
    public Optional<Ipv4Address> ipaddr() {
        Optional<UciValue> v = option("ipaddr");
        if (v.isEmpty()) return Optional.empty();
        try {
            return Optional.of(Ipv4Address.parse(v.get().text().trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The rule IPv4 prefix: {@code ipaddr} masked to {@code ip4prefixlen}. */
    public Optional<Ipv4Prefix> ip4prefix() {
        Optional<Ipv4Address> a = ipaddr();
        OptionalInt len = integer("ip4prefixlen");
        if (a.isEmpty() || len.isEmpty() || len.getAsInt() > 32) return Optional.empty();
        return Optional.of(new Ipv4Prefix(a.get().masked(len.getAsInt()), len.getAsInt()));
    }

    public Optional<Ipv6Address> peeraddr() {
        Optional<UciValue> v = option("peeraddr");
        if (v.isEmpty()) return Optional.empty();
        try {
            return Optional.of(Ipv6Address.parse(v.get().text().trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The rule these options describe, when every part needed is present and in range. The PSID length
     * defaults to what the EA bits leave and the offset to 6, as mapcalc does. The rule may still be
     * inconsistent ({@link MapRule#inconsistency()}).
     */
    public Optional<MapRule> rule() {
        Optional<Ipv6Prefix> p6 = ip6prefix();
        Optional<Ipv4Prefix> p4 = ip4prefix();
        OptionalInt ealen = integer("ealen");
        if (p6.isEmpty() || p4.isEmpty() || ealen.isEmpty()) return Optional.empty();
        int psidlen = integer("psidlen").orElse(Math.max(0, ealen.getAsInt() - (32 - p4.get().length())));
        int offset = integer("offset").orElse(DEFAULT_OFFSET);
        try {
            return Optional.of(new MapRule(null, p6.get(), p4.get(), ealen.getAsInt(), psidlen, offset,
                    peeraddr().orElse(null), legacymap()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
