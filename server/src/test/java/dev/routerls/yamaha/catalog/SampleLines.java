package dev.routerls.yamaha.catalog;

import java.util.List;
import java.util.Locale;

/**
 * Test helper: a command line built from one syntax form, with a valid value in every slot — the first
 * keyword of a keyword slot, the lowest number of a range, an interface name, an address — chosen by the
 * slot's kind and, for free-text slots, by what its name says it holds.
 */
final class SampleLines {
    private SampleLines() {
    }

    /** {@code full}: every optional part once and every repeat once; else no optional part at all. */
    static String build(CommandEntry e, SyntaxPattern p, boolean full) {
        StringBuilder sb = new StringBuilder();
        nodes(e, p.nodes(), full, sb);
        return sb.toString().strip();
    }

    private static void nodes(CommandEntry e, List<SyntaxPattern.Node> nodes, boolean full, StringBuilder sb) {
        for (SyntaxPattern.Node n : nodes) {
            if (n instanceof SyntaxPattern.Word w) {
                sb.append(' ').append(word(e, w));
            } else if (n instanceof SyntaxPattern.Optional o) {
                if (full) nodes(e, o.nodes(), true, sb);
            } else if (n instanceof SyntaxPattern.Repeat r) {
                nodes(e, List.of(r.node()), full, sb);
            }
        }
    }

    private static String word(CommandEntry e, SyntaxPattern.Word w) {
        StringBuilder sb = new StringBuilder();
        for (SyntaxPattern.Part part : w.parts()) {
            if (part instanceof SyntaxPattern.Literal l) sb.append(l.text());
            else sb.append(value(e, ((SyntaxPattern.Param) part).name(), w.parts().size() > 1));
        }
        return sb.toString();
    }

    static String value(CommandEntry e, String name, boolean inCompound) {
        ParamSpec spec = e.param(name);
        String n = name.toLowerCase(Locale.ROOT);
        switch (spec.kind()) {
            case ParamSpec.KEYWORD:
                return spec.values().get(0);
            case ParamSpec.INTEGER:
                return Long.toString(spec.min() != null ? spec.min() : spec.max() != null ? Math.min(1, spec.max()) : 1);
            case ParamSpec.INTERFACE:
                if (n.contains("tunnel")) return "tunnel1";
                if (n.contains("bridge")) return "bridge1";
                if (n.contains("loopback")) return "loopback1";
                if (n.equals("wan")) return "wan1";
                return "lan1";
            case ParamSpec.IP:
                return n.contains("ipv6") || n.contains("ip6") ? "2001:db8::1" : "192.0.2.1";
            default:
                return text(n, inCompound);
        }
    }

    /** A value for a slot the reference describes only in prose, from what its name says. */
    private static String text(String n, boolean inCompound) {
        if (n.endsWith("id") || n.endsWith("num") || n.contains("number") || n.endsWith("_no")) return "1";
        if (n.equals("parameter")) return "hide"; // ip route / ipv6 route options
        if (n.equals("option")) return "dns";
        if (n.contains("ipv6") || n.contains("ip6")) return n.contains("prefix") ? "2001:db8::/64" : "2001:db8::1";
        if (n.contains("mask")) return "24";
        if (n.contains("mac")) return "00:a0:de:00:00:01";
        if (n.contains("port")) return "80";
        if (n.contains("url")) return "http://192.0.2.1/";
        if (n.contains("ip") || n.contains("addr") || n.contains("gateway") || n.contains("network") || n.contains("host")
                || n.contains("server")) {
            return "192.0.2.1";
        }
        if (n.contains("interface")) return "lan1";
        if (n.contains("name") || n.contains("user") || n.contains("pass") || n.contains("word") || n.contains("string")
                || n.contains("text") || n.contains("key") || n.contains("file") || n.contains("comment")
                || n.contains("description")) {
            return "name1";
        }
        return "1";
    }
}
