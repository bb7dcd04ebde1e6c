package dev.routerls.rules.openwrt;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for the UCI rules: the closest known name by edit distance, if it is close enough. */
final class UciNames {
    private UciNames() {
    }

    static Optional<String> closest(String wrong, Collection<String> known) {
        String best = null;
        int bestDist = Integer.MAX_VALUE;
        for (String k : known) {
            int d = k.equalsIgnoreCase(wrong) ? 0 : distance(wrong.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT)) + 1;
            if (d < bestDist) {
                bestDist = d;
                best = k;
            }
        }
        // allow one edit per four characters (at least one), plus the case-only match
        int allowed = Math.max(1, wrong.length() / 4) + 1;
        return best != null && bestDist <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance with adjacent transpositions counted as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
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
        return dev.routerls.openwrt.uci.UciSecrets.isSecretOption(option);
    }
}
