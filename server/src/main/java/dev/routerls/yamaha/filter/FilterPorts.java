package dev.routerls.yamaha.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A port (or ICMP type/code) field of {@code ip filter} (reference 8.1.10): {@code *}, a number, a
 * mnemonic, {@code A-B}, {@code -B}, {@code A-}, or a comma list of up to ten of these. Mnemonics the
 * reference lists are resolved; an unknown one stays in {@link #unresolved()}.
 *
 * @param intervals inclusive {@code [lo, hi]} port intervals
 */
public record FilterPorts(String text, List<int[]> intervals, List<String> unresolved) {
    public static final int MAX_PORT = 65535;

    public static final FilterPorts ANY = new FilterPorts("*", List.of(new int[]{0, MAX_PORT}), List.of());

    /**
     * The port mnemonics of the reference's table (8.1.10), and the NetBIOS names YAMAHA's own default
     * filters use ({@code netbios_ns-netbios_ssn}).
     */
    private static final Map<String, int[]> NAMES = Map.ofEntries(
            Map.entry("ftp", new int[]{20, 21}), Map.entry("ftpdata", new int[]{20}), Map.entry("telnet", new int[]{23}),
            Map.entry("smtp", new int[]{25}), Map.entry("domain", new int[]{53}), Map.entry("gopher", new int[]{70}),
            Map.entry("finger", new int[]{79}), Map.entry("www", new int[]{80}), Map.entry("pop3", new int[]{110}),
            Map.entry("sunrpc", new int[]{111}), Map.entry("ident", new int[]{113}), Map.entry("ntp", new int[]{123}),
            Map.entry("nntp", new int[]{119}), Map.entry("snmp", new int[]{161}), Map.entry("syslog", new int[]{514}),
            Map.entry("printer", new int[]{515}), Map.entry("talk", new int[]{517}), Map.entry("route", new int[]{520}),
            Map.entry("uucp", new int[]{540}), Map.entry("submission", new int[]{587}),
            Map.entry("netbios_ns", new int[]{137}), Map.entry("netbios_dgm", new int[]{138}),
            Map.entry("netbios_ssn", new int[]{139}));

    public static FilterPorts parse(String text) {
        if (text == null || text.equals("*")) return ANY;
        List<int[]> intervals = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            if (!item(item.trim().toLowerCase(Locale.ROOT), intervals)) unresolved.add(item);
        }
        return new FilterPorts(text, List.copyOf(intervals), List.copyOf(unresolved));
    }

    private static boolean item(String t, List<int[]> out) {
        if (t.equals("*")) {
            out.add(new int[]{0, MAX_PORT});
            return true;
        }
        int dash = t.indexOf('-');
        if (dash < 0) {
            int[] values = values(t);
            if (values == null) return false;
            for (int v : values) out.add(new int[]{v, v});
            return true;
        }
        String from = t.substring(0, dash), to = t.substring(dash + 1);
        int[] a = from.isEmpty() ? new int[]{0} : values(from);
        int[] b = to.isEmpty() ? new int[]{MAX_PORT} : values(to);
        if (a == null || b == null || b[b.length - 1] < a[0]) return false;
        out.add(new int[]{a[0], b[b.length - 1]});
        return true;
    }

    /** A number 0-65535 or a mnemonic's ports; null when it is neither. */
    private static int[] values(String t) {
        if (!t.isEmpty() && t.length() <= 5 && isDigits(t)) {
            int v = Integer.parseInt(t);
            return v <= MAX_PORT ? new int[]{v} : null;
        }
        return NAMES.get(t);
    }

    /** A loop, not a stream: every port of every filter line is read on each analysis. */
    private static boolean isDigits(String t) {
        for (int i = 0; i < t.length(); i++) if (!Character.isDigit(t.charAt(i))) return false;
        return true;
    }
}
