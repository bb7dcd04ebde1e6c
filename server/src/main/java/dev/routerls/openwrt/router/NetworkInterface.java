package dev.routerls.openwrt.router;

import dev.routerls.openwrt.uci.UciSection;
import dev.routerls.openwrt.uci.UciValue;

import java.util.Optional;

/** A {@code config interface} section of the network package, with the file it is in. */
public record NetworkInterface(String uri, UciSection section) {

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
        return "map-" + name();
    }
}
