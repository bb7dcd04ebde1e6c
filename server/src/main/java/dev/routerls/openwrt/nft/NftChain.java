package dev.routerls.openwrt.nft;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chain of an nftables snippet with its rules in order. A base chain declares
 * {@code type TYPE hook HOOK priority PRIO;} (then {@code hook} is set); a regular chain runs only when a
 * rule jumps to it. {@code priority} is the number the priority name and offset give
 * ({@code srcnat - 1} is 99): base chains of one hook run in ascending priority.
 */
public record NftChain(String name, String type, String hook, Integer priority, NftRule declaration, List<NftRule> rules) {

    /** nftables' standard priority names (ip, ip6 and inet families). */
    private static final Map<String, Integer> PRIORITIES = Map.of("raw", -300, "mangle", -150, "dstnat", -100,
            "filter", 0, "security", 50, "srcnat", 100);

    public NftChain {
        rules = List.copyOf(rules);
    }

    public boolean isBase() {
        return hook != null;
    }

    /** The chains of a snippet in order, with their declarations read and their other rules kept. */
    public static List<NftChain> in(NftSnippet snippet) {
        Map<String, List<NftRule>> rules = new LinkedHashMap<>();
        Map<String, NftRule> declarations = new LinkedHashMap<>();
        for (NftRule r : snippet.rules()) {
            if (r.chain() == null) continue;
            rules.computeIfAbsent(r.chain(), k -> new ArrayList<>());
            if (!r.terms().isEmpty() && r.terms().get(0).isWord("type") && !declarations.containsKey(r.chain())) {
                declarations.put(r.chain(), r);
            } else if (!r.terms().isEmpty() && r.terms().get(0).isWord("policy")) {
                continue;   // the base chain's policy: accept unless it says drop; NAT chains always accept
            } else {
                rules.get(r.chain()).add(r);
            }
        }
        List<NftChain> out = new ArrayList<>();
        rules.forEach((name, list) -> out.add(of(name, declarations.get(name), list)));
        return out;
    }

    private static NftChain of(String name, NftRule declaration, List<NftRule> rules) {
        if (declaration == null) return new NftChain(name, null, null, null, null, rules);
        List<NftTerm> t = declaration.terms();
        String type = null, hook = null;
        Integer priority = null;
        for (int i = 0; i + 1 < t.size(); i++) {
            if (t.get(i).isWord("type")) type = t.get(i + 1).text();
            if (t.get(i).isWord("hook")) hook = t.get(i + 1).text();
            if (t.get(i).isWord("priority")) priority = priority(t, i + 1);
        }
        return new NftChain(name, type, hook, priority, declaration, rules);
    }

    /** {@code NAME}, {@code NUMBER}, {@code NAME - N} or {@code NAME + N} from term {@code i}; null when unreadable. */
    private static Integer priority(List<NftTerm> t, int i) {
        NftTerm first = t.get(i);
        Integer base = PRIORITIES.get(first.text());
        if (base == null) {
            try {
                return Integer.parseInt(first.text());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (i + 2 < t.size() && (t.get(i + 1).isWord("-") || t.get(i + 1).isWord("+"))
                && t.get(i + 2).kind() == NftTerm.Kind.NUMBER) {
            int n = Integer.parseInt(t.get(i + 2).text());
            return t.get(i + 1).isWord("-") ? base - n : base + n;
        }
        return base;
    }
}
