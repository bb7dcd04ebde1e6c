package dev.routerls.openwrt.router;

import dev.routerls.core.IpText;
import dev.routerls.openwrt.uci.UciSection;
import dev.routerls.openwrt.uci.UciValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@code config interface} section of the network package, with the file it is in. */
public record NetworkInterface(String uri, UciSection section) {
    /** netifd names the device of a tunnel or PPP interface after the interface: prefix + section name. */
    private static final Map<String, String> DEVICE_PREFIXES = Map.of(
            "map", "map-", "pppoe", "pppoe-", "6in4", "6in4-", "gre", "gre4-");

    public String name() {
        return section.ref();
    }

    /** The {@code proto} option, or "" when it is not set. */
    public String proto() {
        return section.get("proto").orElse("");
    }

    public Optional<UciValue> option(String name) {
        return section.value(name);
    }

    public boolean isMap() {
        return proto().equals("map");
    }

    /** The device netifd creates for a {@code proto 'map'} interface: {@code map-<name>}. */
    public String mapDevice() {
        return DEVICE_PREFIXES.get("map") + name();
    }

    /** The device netifd creates for this interface's protocol ({@code map-NAME}, {@code pppoe-NAME} …), if any. */
    public Optional<String> ownDevice() {
        return Optional.ofNullable(DEVICE_PREFIXES.get(proto())).map(p -> p + name());
    }

    /** {@code option device} (or the older {@code ifname}) as written: a device name or {@code @interface}. */
    public Optional<UciValue> deviceOption() {
        return option("device").or(() -> option("ifname"));
    }

    /** Whether netifd brings the interface up at boot ({@code auto '0'} keeps it down). */
    public boolean startsAtBoot() {
        return option("auto").map(UciValue::isTrue).orElse(true);
    }

    /**
     * The IPv4 addresses of a {@code proto 'static'} interface: each {@code ipaddr} value ({@code a.b.c.d} with
     * {@code netmask}, or {@code a.b.c.d/len}), as {address, prefix length} with the value it came from.
     */
    public List<StaticAddress> staticIpv4() {
        List<StaticAddress> out = new ArrayList<>();
        if (!proto().equals("static")) return out;
        int maskLength = option("netmask").map(v -> IpText.prefixLength(v.text().trim())).orElse(32);
        for (UciValue v : section.values("ipaddr")) {
            for (UciValue w : v.words()) {
                IpText.Ipv4Net net = IpText.ipv4Net(w.text(), maskLength);
                if (net != null) out.add(new StaticAddress(net.address(), net.length(), w));
            }
        }
        return out;
    }

    /** One static IPv4 address: the address, its prefix length and where it is written. */
    public record StaticAddress(long address, int length, UciValue value) {
        public boolean covers(long a) {
            long mask = IpText.netmask(length);
            return (a & mask) == (address & mask);
        }
    }

}
