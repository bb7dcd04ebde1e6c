package dev.routerls.openwrt.router;

import dev.routerls.openwrt.uci.UciSection;
import dev.routerls.openwrt.uci.UciValue;

/** A {@code config include} of the firewall package (how fw3/fw4 run extra scripts or nftables files). */
public record FirewallInclude(String uri, UciSection section) {

    public String path() {
        return section.get("path").orElse("");
    }

    /** {@code type}: script (the default), restore, or nftables (fw4). */
    public String type() {
        return section.get("type").orElse("script");
    }

    public boolean fw4Compatible() {
        return section.value("fw4_compatible").map(UciValue::isTrue).orElse(false);
    }

    public boolean runsFirewallUser() {
        return path().trim().equals("/etc/firewall.user") && type().equals("script");
    }
}
