package dev.routerls.openwrt.nft;

import dev.routerls.core.SourceRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A NAT statement ({@code snat}, {@code masquerade}, {@code dnat}, {@code redirect}) of a snippet or of an
 * {@code nft} command, read from its terms:
 * <pre>
 *   oifname "map-wan" … snat ip to 133.200.18.52:5472-5487
 *   oifname "map-wan" … snat ip to numgen inc mod 15 map { 0 : 133.200.18.52 . 5472-5487, 1 : … }
 *   oifname "map-wan" … snat ip to 133.200.18.52 : numgen inc mod 15 map { 0 : 5472-5487, … }
 *   oifname "map-wan" … masquerade to :5472-5487
 * </pre>
 * {@code address} is the statement's own address (absent for masquerade and for the concatenated map
 * form, whose elements carry theirs); {@code targets} holds one entry per port range (one per map element
 * for a map). {@code ipv4} is false for {@code snat ip6}.
 *
 * <p>The third form above loads without error, but the map's data type is then a single port: the kernel
 * keeps only the first port of each range. Such targets have {@link Target#bareMapData()} set.
 */
public record NftNat(NftRule rule, Verb verb, boolean ipv4, Optional<NftTerm> address, List<Target> targets,
                     Optional<OutDevice> oifname, Optional<MapPart> map) {

    public enum Verb {
        SNAT, MASQUERADE, DNAT, REDIRECT;

        /** True for the verbs that rewrite the source (the MAP-E SNAT checks read these). */
        public boolean sourceNat() {
            return this == SNAT || this == MASQUERADE;
        }

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The {@code oifname} match: {@code name} null when it is a set or other expression. */
    public record OutDevice(String name, SourceRange range, boolean negated) { }

    /**
     * One port range the statement maps to: its term, the address term that goes with it (the statement's,
     * or the element's own in {@code IP . LO-HI}; empty for masquerade/redirect), the element key for a map,
     * and whether it is map data written as a bare range after a separate address ({@code IP : … map { K : LO-HI }}).
     */
    public record Target(Optional<NftTerm> address, NftTerm ports, Optional<NftTerm> key, boolean bareMapData) { }

    /**
     * The anonymous map a statement takes its targets from: the selector terms between {@code to} (or the
     * colon after the address) and {@code map}, and the braced term itself.
     */
    public record MapPart(NftTerm selectorStart, NftTerm braced) { }

    public NftNat {
        targets = List.copyOf(targets);
    }

    /** Every source-NAT (snat/masquerade) statement of the snippet that names a port range or an IPv4 target. */
    public static List<NftNat> in(NftSnippet snippet) {
        return in(snippet.rules()).stream().filter(n -> n.verb().sourceNat()).toList();
    }

    /** Every NAT statement of these rules (all four verbs) that routerls can read. */
    public static List<NftNat> in(List<NftRule> rules) {
        List<NftNat> out = new ArrayList<>();
        for (NftRule r : rules) of(r).ifPresent(out::add);
        return out;
    }

    /** True when some port range of the statement is map data the kernel reduces to its first port. */
    public boolean hasBareMapData() {
        return targets.stream().anyMatch(Target::bareMapData);
    }

    static Optional<NftNat> of(NftRule rule) {
        List<NftTerm> t = rule.terms();
        int at = -1;
        Verb verb = null;
        for (int i = 0; i < t.size() && verb == null; i++) {
            for (Verb v : Verb.values()) {
                if (t.get(i).isWord(v.word())) {
                    verb = v;
                    at = i;
                    break;
                }
            }
        }
        if (verb == null) return Optional.empty();
        boolean addressless = verb == Verb.MASQUERADE || verb == Verb.REDIRECT;
        int j = at + 1;
        boolean ipv4 = true;
        if (j < t.size() && (t.get(j).isWord("ip") || t.get(j).isWord("ip6"))) {
            ipv4 = t.get(j).isWord("ip");
            j++;
        }
        if (j >= t.size() || !t.get(j).isWord("to")) return Optional.empty();
        j++;
        Optional<NftTerm> address = Optional.empty();
        if (!addressless && j < t.size() && t.get(j).kind() == NftTerm.Kind.IPV4) {
            address = Optional.of(t.get(j++));
        }
        List<Target> targets = new ArrayList<>();
        Optional<MapPart> map = Optional.empty();
        boolean afterColon = j < t.size() && t.get(j).kind() == NftTerm.Kind.COLON;
        if (afterColon) {
            j++;
            if (j < t.size() && isPort(t.get(j))) {
                targets.add(new Target(address, t.get(j), Optional.empty(), false));
            } else {
                // IP : <expression> map { K : LO-HI, … }: the map's data is a port; a range there keeps only LO
                map = mapAfter(t, j);
                for (List<NftTerm> e : map.map(m -> m.braced().elements()).orElse(List.of())) {
                    int colon = colon(e);
                    if (colon >= 0 && colon + 2 == e.size() && isPort(e.get(colon + 1))) {
                        targets.add(new Target(address, e.get(colon + 1), Optional.of(e.get(0)),
                                e.get(colon + 1).kind() == NftTerm.Kind.RANGE));
                    }
                }
            }
        } else if (address.isEmpty() && !addressless) {
            // snat ip to <expression> map { K : IP . LO-HI, … }: address and ports concatenated in each element
            map = mapAfter(t, j);
            for (List<NftTerm> e : map.map(m -> m.braced().elements()).orElse(List.of())) {
                int colon = colon(e);
                if (colon >= 0 && colon + 4 == e.size() && e.get(colon + 1).kind() == NftTerm.Kind.IPV4
                        && e.get(colon + 2).isWord(".") && isPort(e.get(colon + 3))) {
                    targets.add(new Target(Optional.of(e.get(colon + 1)), e.get(colon + 3), Optional.of(e.get(0)), false));
                }
            }
            if (targets.isEmpty()) return Optional.empty();   // a map of plain addresses, or an expression routerls does not read
        }
        if (targets.isEmpty() && address.isEmpty()) return Optional.empty();
        return Optional.of(new NftNat(rule, verb, ipv4, address, targets, outDevice(t, at), map));
    }

    /** The first {@code map { … }} from {@code from} on, with the term where its selector starts. */
    private static Optional<MapPart> mapAfter(List<NftTerm> t, int from) {
        for (int k = from; k + 1 < t.size(); k++) {
            if (t.get(k).isWord("map") && t.get(k + 1).kind() == NftTerm.Kind.BRACED) {
                return Optional.of(new MapPart(t.get(Math.min(from, k)), t.get(k + 1)));
            }
        }
        return Optional.empty();
    }

    private static int colon(List<NftTerm> element) {
        for (int i = 0; i < element.size(); i++) if (element.get(i).kind() == NftTerm.Kind.COLON) return i;
        return -1;
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
