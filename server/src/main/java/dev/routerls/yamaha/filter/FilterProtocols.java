package dev.routerls.yamaha.filter;

import dev.routerls.core.net.Packet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The protocol field of {@code ip filter} (reference 8.1.10): {@code *}, numbers and mnemonics, the special
 * forms {@code icmp-error}, {@code icmp-info}, {@code tcpsyn}, {@code tcpfin}, {@code tcprst},
 * {@code established}, {@code tcpflag=V/M}, {@code tcpflag!=V/M}, or a comma list of these.
 */
public record FilterProtocols(String text, List<Element> elements, List<String> unresolved) {

    /** What one element matches. */
    public enum Kind {
        /** {@code *}: every protocol. */
        ANY,
        /** A protocol number (mnemonics resolved). */
        NUMBER,
        /** ICMP of the error types 3, 4, 5, 11, 12, 31, 32. */
        ICMP_ERROR,
        /** ICMP of the information types 0, 8-10, 13-18, 30, 33-36. */
        ICMP_INFO,
        /** TCP whose flags satisfy {@code (flags & mask) == value} ({@link Element#equal}) or {@code !=}. */
        TCP_FLAGS
    }

    /** One element; {@code protocol} for NUMBER, {@code value/mask/equal} for TCP_FLAGS. */
    public record Element(Kind kind, int protocol, int value, int mask, boolean equal) {
        static Element number(int p) {
            return new Element(Kind.NUMBER, p, 0, 0, true);
        }

        static Element flags(int value, int mask, boolean equal) {
            return new Element(Kind.TCP_FLAGS, Packet.TCP, value, mask, equal);
        }

        /** Whether the element's packets are TCP or UDP (so the port fields apply to them). */
        boolean tcpOrUdp() {
            return kind == Kind.TCP_FLAGS || kind == Kind.NUMBER && (protocol == Packet.TCP || protocol == Packet.UDP);
        }
    }

    public static final FilterProtocols ANY = new FilterProtocols("*", List.of(new Element(Kind.ANY, 0, 0, 0, true)), List.of());

    static final int[] ICMP_ERROR_TYPES = {3, 4, 5, 11, 12, 31, 32};
    static final int[][] ICMP_INFO_TYPES = {{0, 0}, {8, 10}, {13, 18}, {30, 30}, {33, 36}};

    private static final Map<String, Integer> NAMES = Map.of("icmp", 1, "tcp", 6, "udp", 17, "ipv6", 41, "gre", 47,
            "esp", 50, "ah", 51, "icmp6", 58);

    /** The header bits a TCP flag mnemonic tests. */
    private static final Map<String, Integer> FLAG_WORDS = Map.of("tcpsyn", Packet.SYN, "tcpfin", Packet.FIN,
            "tcprst", Packet.RST, "established", Packet.ACK);

    /** True when the field is {@code icmp} (or 1) alone: the port fields then hold ICMP type and code. */
    public boolean icmpAlone() {
        return elements.size() == 1 && unresolved.isEmpty() && elements.get(0).kind() == Kind.NUMBER
                && elements.get(0).protocol() == Packet.ICMP;
    }

    public static FilterProtocols parse(String text) {
        if (text == null || text.equals("*")) return ANY;
        List<Element> elements = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            Element e = element(item.trim().toLowerCase(Locale.ROOT));
            if (e == null) unresolved.add(item);
            else elements.add(e);
        }
        return new FilterProtocols(text, List.copyOf(elements), List.copyOf(unresolved));
    }

    private static Element element(String t) {
        if (t.equals("*")) return ANY.elements.get(0);
        if (t.equals("icmp-error")) return new Element(Kind.ICMP_ERROR, Packet.ICMP, 0, 0, true);
        if (t.equals("icmp-info")) return new Element(Kind.ICMP_INFO, Packet.ICMP, 0, 0, true);
        Integer flag = FLAG_WORDS.get(t);
        if (flag != null) return Element.flags(flag, flag, true);
        if (t.startsWith("tcpflag=") || t.startsWith("tcpflag!=")) {
            boolean equal = t.startsWith("tcpflag=");
            String[] vm = t.substring(equal ? 8 : 9).split("/", -1);
            if (vm.length != 2) return null;
            Integer value = hex(vm[0]), mask = hex(vm[1]);
            // the low twelve bits are the flags; a mask on the header-length bits is not modelled
            if (value == null || mask == null || (mask & ~0xFFF) != 0) return null;
            return Element.flags(value & mask, mask, equal);
        }
        Integer named = NAMES.get(t);
        if (named != null) return Element.number(named);
        if (!t.isEmpty() && t.length() <= 3 && t.chars().allMatch(Character::isDigit)) {
            int v = Integer.parseInt(t);
            return v <= 255 ? Element.number(v) : null;
        }
        return null;
    }

    private static Integer hex(String s) {
        if (!s.startsWith("0x") || s.length() < 3 || s.length() > 6) return null;
        try {
            return Integer.parseInt(s.substring(2), 16);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
