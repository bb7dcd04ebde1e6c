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
 */
public record NftSnat(NftRule rule, boolean ipv4, Optional<NftTerm> address, List<NftTerm> ports,
                      Optional<OutDevice> oifname) {

    /** The {@code oifname} match: {@code name} null when it is a set or other expression. */
    public record OutDevice(String name, SourceRange range, boolean negated) { }

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
        if (j < t.size() && t.get(j).kind() == NftTerm.Kind.COLON) {
            j++;
            if (j < t.size() && isPort(t.get(j))) {
                ports.add(t.get(j));
            } else if (j < t.size() && t.get(j).isWord("numgen")) {
                // numgen inc mod N [offset K] map { K : LO-HI, … }: the ports are the map's values
                for (int k = j; k + 1 < t.size(); k++) {
                    if (t.get(k).isWord("map") && t.get(k + 1).kind() == NftTerm.Kind.BRACED) {
                        for (List<NftTerm> e : t.get(k + 1).elements()) {
                            NftTerm last = e.isEmpty() ? null : e.get(e.size() - 1);
                            if (last != null && isPort(last)) ports.add(last);
                        }
                        break;
                    }
                }
            }
        }
        if (masquerade && ports.isEmpty()) return Optional.empty();
        return Optional.of(new NftSnat(rule, ipv4, address, ports, outDevice(t, verb)));
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
