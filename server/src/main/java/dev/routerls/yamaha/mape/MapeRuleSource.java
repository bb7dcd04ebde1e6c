package dev.routerls.yamaha.mape;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the MAP-E port-set profile of a tunnel from its endpoint addresses (CE, BR). This is the seam for
 * the full rule table ({@code dev.routerls.mape}, which also yields the CE's PSID); until it is plugged
 * in, {@link #BORDER_RELAYS} recognises the services by their published BR addresses (shape only).
 */
public interface MapeRuleSource {
    Optional<PortSetProfile> profileFor(String ceAddress, String brAddress);

    MapeRuleSource NONE = (ce, br) -> Optional.empty();

    /** BR addresses of the Japanese services (domain notes §2) → their port-set shape. */
    MapeRuleSource BORDER_RELAYS = new MapeRuleSource() {
        private final Map<String, PortSetProfile> byBr = Map.of(
                Ipv6Text.canonical("2404:9200:225:100::64"), PortSetProfile.V6PLUS_BIGLOBE,
                Ipv6Text.canonical("2001:260:700:1::1:275"), PortSetProfile.V6PLUS_BIGLOBE,
                Ipv6Text.canonical("2001:260:700:1::1:276"), PortSetProfile.V6PLUS_BIGLOBE,
                Ipv6Text.canonical("2001:380:a120::9"), PortSetProfile.OCN);

        @Override
        public Optional<PortSetProfile> profileFor(String ceAddress, String brAddress) {
            String key = brAddress == null ? null : Ipv6Text.canonical(brAddress);
            return key == null ? Optional.empty() : Optional.ofNullable(byBr.get(key));
        }
    };

    /** IPv6 text → one canonical spelling (8 lower-case groups), or null when it is not an address. */
    final class Ipv6Text {
        private Ipv6Text() {
        }

        static String canonical(String s) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            if (!t.matches("[0-9a-f:]+") || t.indexOf(':') < 0) return null;
            int dbl = t.indexOf("::");
            String[] head, tail;
            if (dbl >= 0) {
                if (t.indexOf("::", dbl + 1) >= 0) return null;
                head = t.substring(0, dbl).isEmpty() ? new String[0] : t.substring(0, dbl).split(":");
                tail = t.substring(dbl + 2).isEmpty() ? new String[0] : t.substring(dbl + 2).split(":");
            } else {
                head = t.split(":");
                tail = new String[0];
            }
            int fill = 8 - head.length - tail.length;
            if (fill < 0 || (dbl < 0 && fill != 0)) return null;
            StringBuilder b = new StringBuilder();
            int n = 0;
            for (String g : head) n = append(b, g, n);
            for (int i = 0; i < fill; i++) n = append(b, "0", n);
            for (String g : tail) n = append(b, g, n);
            return n == 8 && b.indexOf("!") < 0 ? b.toString() : null;
        }

        private static int append(StringBuilder b, String group, int n) {
            if (n > 0) b.append(':');
            if (group.isEmpty() || group.length() > 4) b.append('!');
            else b.append(Integer.toHexString(Integer.parseInt(group, 16)));
            return n + 1;
        }
    }
}
