package dev.routerls.openwrt.nft;

import dev.routerls.core.SourceRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code snat} or {@code masquerade} statement of a snippet, read from its terms:
 * <pre>
 *   oifname "map-wan" … snat ip to 133.200.18.52:5472-5487
 *   oifname "map-wan" … snat ip to 133.200.18.52 : numgen inc mod 15 map { 0 : 5472-5487, 1 : 9568-9583, … }
 *   oifname "map-wan" … masquerade to :5472-5487
 * </pre>
 * {@code address} is absent for masquerade (the device's own address); {@code ports} holds one entry
 * per port range (one per map element for numgen). {@code ipv4} is false for {@code snat ip6}.
 * {@code numgen} is set when a {@code numgen} expression picks the port range.
 */
public record NftSnat(NftRule rule, boolean ipv4, Optional<NftTerm> address, List<NftTerm> ports,
                      Optional<OutDevice> oifname, Optional<Numgen> numgen) {

    /** The {@code oifname} match: {@code name} null when it is a set or other expression. */
    public record OutDevice(String name, SourceRange range, boolean negated) { }

    /**
     * {@code numgen inc|random mod MODULUS [offset OFFSET] map { KEY : PORTS, … }}: {@code keys} holds the map
     * key of each entry of {@link #ports()} (null where a key is not a number); {@code range} spans the numgen
     * expression.
     */
    public record Numgen(String mode, int modulus, int offset, List<Integer> keys, SourceRange range) {
        public Numgen {
            keys = java.util.Collections.unmodifiableList(new ArrayList<>(keys));
        }
    }

    public NftSnat {
        ports = List.copyOf(ports);
    }

    /** Every snat/masquerade statement of the snippet that names a port range or an IPv4 target. */
    public static List<NftSnat> in(NftSnippet snippet) {
        List<NftSnat> out = new ArrayList<>();
        for (NftRule r : snippet.rules()) of(r).ifPresent(out::add);
        return out;
    }

    static Optional<NftSnat> of(NftRule rule) {
        List<NftTerm> t = rule.terms();
        int verb = -1;
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i).isWord("snat") || t.get(i).isWord("masquerade")) {
                verb = i;
                break;
            }
        }
        if (verb < 0) return Optional.empty();
        boolean masquerade = t.get(verb).isWord("masquerade");
        int j = verb + 1;
        boolean ipv4 = true;
        if (j < t.size() && (t.get(j).isWord("ip") || t.get(j).isWord("ip6"))) {
            ipv4 = t.get(j).isWord("ip");
            j++;
        }
        if (j >= t.size() || !t.get(j).isWord("to")) return Optional.empty();
        j++;
        Optional<NftTerm> address = Optional.empty();
        if (!masquerade && j < t.size() && t.get(j).kind() == NftTerm.Kind.IPV4) {
            address = Optional.of(t.get(j++));
        }
        if (address.isEmpty() && !masquerade) return Optional.empty();   // snat to an expression routerls does not read
        List<NftTerm> ports = new ArrayList<>();
        Optional<Numgen> numgen = Optional.empty();
        if (j < t.size() && t.get(j).kind() == NftTerm.Kind.COLON) {
            j++;
            if (j < t.size() && isPort(t.get(j))) {
                ports.add(t.get(j));
            } else if (j < t.size() && t.get(j).isWord("numgen")) {
                // numgen inc mod N [offset K] map { K : LO-HI, … }: the ports are the map's values
                List<Integer> keys = new ArrayList<>();
                for (int k = j; k + 1 < t.size(); k++) {
                    if (t.get(k).isWord("map") && t.get(k + 1).kind() == NftTerm.Kind.BRACED) {
                        for (List<NftTerm> e : t.get(k + 1).elements()) {
                            NftTerm last = e.isEmpty() ? null : e.get(e.size() - 1);
                            if (last != null && isPort(last)) {
                                ports.add(last);
                                keys.add(e.get(0).kind() == NftTerm.Kind.NUMBER ? Integer.valueOf(e.get(0).text()) : null);
                            }
                        }
                        numgen = numgen(t, j, k, keys);
                        break;
                    }
                }
            }
        }
        if (masquerade && ports.isEmpty()) return Optional.empty();
        return Optional.of(new NftSnat(rule, ipv4, address, ports, outDevice(t, verb), numgen));
    }

    /** {@code numgen MODE mod N [offset K]} between terms {@code from} and {@code map} (at {@code to}). */
    private static Optional<Numgen> numgen(List<NftTerm> t, int from, int to, List<Integer> keys) {
        String mode = from + 1 < to ? t.get(from + 1).text() : null;
        Integer modulus = null, offset = 0;
        for (int i = from; i + 1 < to; i++) {
            if (t.get(i).isWord("mod")) modulus = number(t.get(i + 1));
            if (t.get(i).isWord("offset")) offset = number(t.get(i + 1));
        }
        if (mode == null || modulus == null || modulus <= 0 || offset == null) return Optional.empty();
        SourceRange r = t.get(from).range(), end = t.get(to).range();
        return Optional.of(new Numgen(mode, modulus, offset, keys,
                new SourceRange(r.startLine(), r.startColumn(), end.endLine(), end.endColumn())));
    }

    private static Integer number(NftTerm x) {
        return x.kind() == NftTerm.Kind.NUMBER && x.text().length() <= 9 ? Integer.valueOf(x.text()) : null;
    }

    private static boolean isPort(NftTerm x) {
        return x.kind() == NftTerm.Kind.RANGE || x.kind() == NftTerm.Kind.NUMBER;
    }

    private static Optional<OutDevice> outDevice(List<NftTerm> t, int before) {
        for (int i = 0; i + 1 < before; i++) {
            if (!t.get(i).isWord("oifname")) continue;
            int v = i + 1;
            boolean negated = t.get(v).isWord("!=");
            if (negated) v++;
            if (v >= before) return Optional.empty();
            NftTerm value = t.get(v);
            boolean plain = value.kind() == NftTerm.Kind.STRING || value.kind() == NftTerm.Kind.WORD;
            return Optional.of(new OutDevice(plain ? value.value() : null, value.range(), negated));
        }
        return Optional.empty();
    }
}
