package dev.routerls.rules.openwrt;

import dev.routerls.core.Spelling;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean" for the UCI rules: the closest known name by edit distance, if it is close enough. */
final class UciNames {
    private UciNames() {
    }

    static Optional<String> closest(String wrong, Collection<String> known) {
        // one edit per four characters (at least one); a case-only difference always qualifies
        return Spelling.closest(wrong, known, Math.max(1, wrong.length() / 4));
    }

    /** Who reads a package's options, for messages. */
    static String consumer(String pkg) {
        return switch (pkg) {
            case "network" -> "netifd";
            case "firewall" -> "the firewall (fw3/fw4)";
            case "dhcp" -> "dnsmasq/odhcpd";
            default -> "its service";
        };
    }
}
