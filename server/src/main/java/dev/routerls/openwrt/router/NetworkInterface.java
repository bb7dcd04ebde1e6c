package dev.routerls.openwrt.router;

import dev.routerls.openwrt.uci.UciSection;
import dev.routerls.openwrt.uci.UciValue;

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
}
