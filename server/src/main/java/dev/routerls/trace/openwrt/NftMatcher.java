package dev.routerls.trace.openwrt;

import dev.routerls.core.net.Packet;
import dev.routerls.openwrt.nft.NftRule;
import dev.routerls.openwrt.nft.NftTerm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The match expressions of one nftables rule, read from its terms up to its first statement
 * (snat, masquerade, accept, jump, {@code meta mark set} …): {@code oifname}/{@code iifname}, {@code meta l4proto}, {@code ip protocol},
 * {@code ip saddr}/{@code daddr}, {@code tcp}/{@code udp}/{@code th dport|sport}, {@code meta mark},
 * {@code ct state} and {@code meta nfproto}, each with {@code !=} and anonymous sets; {@code counter} and
 * {@code comment} do not restrict. Anything else is a condition the trace cannot judge.
 */
final class NftMatcher {
    private NftMatcher() {
    }

    /** Words that start what a rule does rather than what it matches. */
    private static final Set<String> VERBS = Set.of("snat", "dnat", "masquerade", "redirect", "accept", "drop", "reject",
            "return", "jump", "goto");

    /** The index of the rule's first statement term (the terms before it are its matches). */
    static int statementIndex(NftRule r) {
        List<NftTerm> t = r.terms();
        for (int i = 0; i < t.size(); i++) {
            NftTerm x = t.get(i);
            if (x.kind() != NftTerm.Kind.WORD) continue;
            if (VERBS.contains(x.text())) return i;
            if ((x.isWord("meta") || x.isWord("ct")) && i + 2 < t.size() && t.get(i + 1).isWord("mark") && t.get(i + 2).isWord("set")) {
                return i;
            }
            if (x.isWord("mark") && i + 1 < t.size() && t.get(i + 1).isWord("set")) return i;
        }
        return t.size();
    }

    static Match match(NftRule r, Hop h) {
        List<NftTerm> t = r.terms();
        int end = statementIndex(r);
        Packet p = h.packet();
        int i = 0;
        while (i < end) {
            NftTerm x = t.get(i);
            String w = x.kind() == NftTerm.Kind.WORD ? x.text() : "";
            if (w.equals("counter")) {
                i++;
                continue;
            }
            if (w.equals("comment") && i + 1 < end) {
                i += 2;
                continue;
            }
            String key;
            int valueAt;
            if ((w.equals("oifname") || w.equals("iifname")) && i + 1 < end) {
                key = w;
                valueAt = i + 1;
            } else if (i + 2 < end + 1 && i + 1 < end && (w.equals("meta") || w.equals("ip") || w.equals("tcp") || w.equals("udp")
                    || w.equals("th") || w.equals("ct"))) {
                key = w + " " + t.get(i + 1).text();
                valueAt = i + 2;
            } else {
                return Match.unknown(x.text());
            }
            boolean negated = valueAt < end && t.get(valueAt).isWord("!=");
            if (negated) valueAt++;
            if (valueAt < end && t.get(valueAt).isWord("==")) valueAt++;
            if (valueAt >= end) return Match.unknown(key);
            List<String> values = values(t.get(valueAt));
            Boolean ok = test(key, values, h, p);
            if (ok == null) return Match.unknown(key + " " + t.get(valueAt).text());
            if (ok == negated) return Match.NO;
            i = valueAt + 1;
        }
        return Match.YES;
    }

    /** A term's values: the elements of an anonymous set, or the term itself (quotes removed). */
    private static List<String> values(NftTerm v) {
        List<String> out = new ArrayList<>();
        if (v.kind() == NftTerm.Kind.BRACED) {
            for (List<NftTerm> e : v.elements()) if (e.size() == 1) out.add(e.get(0).value());
        } else {
            out.add(v.value());
        }
        return out;
    }

    private static Boolean test(String key, List<String> values, Hop h, Packet p) {
        switch (key) {
            case "oifname", "iifname" -> {
                String dev = key.equals("oifname") ? h.outDevice() : h.inDevice();
                if (dev == null) return null;
                for (String v : values) {
                    if (v.endsWith("*") ? dev.startsWith(v.substring(0, v.length() - 1)) : dev.equals(v)) return true;
                }
                return false;
            }
            case "meta l4proto", "ip protocol" -> {
                for (String v : values) {
                    Integer n = protocol(v);
                    if (n == null) return null;
                    if (n == p.protocol()) return true;
                }
                return false;
            }
            case "meta nfproto" -> {
                return values.contains("ipv4") || values.contains("ip");
            }
            case "ip saddr", "ip daddr" -> {
                long a = key.endsWith("saddr") ? p.src() : p.dst();
                for (String v : values) {
                    Boolean in = IptablesMatcher.addresses(v, a);
                    if (in == null) return null;
                    if (in) return true;
                }
                return false;
            }
            case "tcp dport", "tcp sport", "udp dport", "udp sport", "th dport", "th sport" -> {
                String proto = key.substring(0, key.indexOf(' '));
                if (proto.equals("tcp") && p.protocol() != Packet.TCP || proto.equals("udp") && p.protocol() != Packet.UDP
                        || !p.isTcpOrUdp()) {
                    return false;
                }
                int port = key.endsWith("dport") ? p.dstPort() : p.srcPort();
                if (port == Packet.NO_PORT) return false;
                for (String v : values) {
                    String[] lh = v.split("-", 2);
                    Long lo = IptablesMatcher.number(lh[0]), hi = lh.length > 1 ? IptablesMatcher.number(lh[1]) : lo;
                    if (lo == null || hi == null) return null;
                    if (port >= lo && port <= hi) return true;
                }
                return false;
            }
            case "meta mark" -> {
                for (String v : values) {
                    Long m = IptablesMatcher.number(v);
                    if (m == null) return null;
                    if (m == h.mark()) return true;
                }
                return false;
            }
            case "ct state" -> {
                return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).anyMatch(v -> v.equals("new"));
            }
            default -> {
                return null;
            }
        }
    }

    private static Integer protocol(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "tcp" -> Packet.TCP;
            case "udp" -> Packet.UDP;
            case "icmp" -> Packet.ICMP;
            default -> v.chars().allMatch(Character::isDigit) && !v.isEmpty() && v.length() < 4 ? Integer.valueOf(v) : null;
        };
    }
}
