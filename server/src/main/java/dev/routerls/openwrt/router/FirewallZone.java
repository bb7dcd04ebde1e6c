package dev.routerls.openwrt.router;

import dev.routerls.openwrt.uci.UciSection;
import dev.routerls.openwrt.uci.UciValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A {@code config zone} of the firewall package: its name and the interfaces it covers. */
public record FirewallZone(String uri, UciSection section) {

    public String name() {
        return section.get("name").orElse(section.ref());
    }

    /** Interface names from {@code network} (a list, or an option holding several names separated by spaces). */
    public List<String> networks() {
        List<String> out = new ArrayList<>();
        for (UciValue v : section.values("network")) {
            for (UciValue w : v.words()) out.add(w.text());
        }
        return out;
    }

    /** The zone's {@code masq} option when it is on: traffic leaving the devices of its networks is masqueraded. */
    public Optional<UciValue> masquerade() {
        return section.value("masq").filter(UciValue::isTrue);
    }

    public boolean covers(String interfaceName) {
        return networks().contains(interfaceName);
    }

    /** The upstream zone: named like wan, or masquerading (what LuCI's wan zone does). */
    public boolean isWan() {
        String n = name().toLowerCase(Locale.ROOT);
        return n.contains("wan") || masquerade().isPresent();
    }
}
