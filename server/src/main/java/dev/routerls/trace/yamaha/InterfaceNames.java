package dev.routerls.trace.yamaha;

import dev.routerls.yamaha.model.YamahaConfig;
import dev.routerls.yamaha.model.YamahaConfig.NatUse;
import dev.routerls.yamaha.filter.SecureFilterList;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Interface names two ways: the model's keys ({@code lan1}, {@code pp 1}, {@code pp anonymous},
 * {@code tunnel 2}) and how a user writes them on the command line ({@code lan1}, {@code pp1},
 * {@code pp-anonymous}, {@code tunnel2}).
 */
public final class InterfaceNames {
    private InterfaceNames() {
    }

    /** The model key of a spelled name ({@code pp1} → {@code pp 1}); the name lower-cased when it is a LAN name. */
    public static String key(String spelled) {
        String s = spelled.trim().toLowerCase(Locale.ROOT);
        if (s.equals("pp-anonymous") || s.equals("pp anonymous")) return "pp anonymous";
        if (s.matches("pp ?\\d+")) return "pp " + s.substring(2).trim();
        if (s.matches("tunnel ?\\d+")) return "tunnel " + s.substring(6).trim();
        return s;
    }

    /** How a model key is written on the command line and in trace output. */
    public static String spelled(String key) {
        if (key.equals("pp anonymous")) return "pp-anonymous";
        if (key.startsWith("pp ")) return "pp" + key.substring(3);
        if (key.startsWith("tunnel ")) return "tunnel" + key.substring(7);
        return key;
    }

    public static boolean isLan(String key) {
        return !key.startsWith("pp") && !key.startsWith("tunnel");
    }

    /** The model key of the interface a NAT descriptor use applies to, or null for a pp/tunnel outside a select. */
    public static String keyOf(NatUse use) {
        if (use.onLan()) return use.iface();
        if (use.iface().equals("pp")) return use.context().pp() == null ? null : "pp " + use.context().pp();
        return use.context().tunnel() == null ? null : "tunnel " + use.context().tunnel();
    }

    /** Every interface the config mentions, as model keys in the order they first appear. */
    public static Set<String> known(YamahaConfig m) {
        Set<String> out = new LinkedHashSet<>(m.interfaces().keySet());
        for (String pp : m.pps().keySet()) out.add("pp " + pp);
        for (Integer t : m.tunnels().keySet()) out.add("tunnel " + t);
        for (NatUse u : m.natUses()) {
            String k = keyOf(u);
            if (k != null) out.add(k);
        }
        for (SecureFilterList l : m.secureFilters()) out.add(l.iface());
        out.removeIf(k -> k.equals("pp") || k.equals("tunnel"));
        return out;
    }
}
