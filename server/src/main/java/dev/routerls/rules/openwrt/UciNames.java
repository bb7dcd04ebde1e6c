package dev.routerls.rules.openwrt;

import dev.routerls.core.Spelling;

import java.util.Collection;
import java.util.Locale;
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

    /** Options whose values are secrets and must never be echoed in a message. */
    static boolean isSecret(String option) {
        String o = option.toLowerCase(Locale.ROOT);
        return o.contains("password") || o.contains("key") || o.contains("secret") || o.contains("psk")
                || o.equals("auth_secret");
    }
}
