package dev.routerls.yamaha.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The commands that have an explicit grammar rule, by their leading keywords. A line that starts like
 * one of them but only matched the generic rule has parameters of the wrong shape; saying so here
 * keeps such a line from silently dropping out of the model. The leading keywords come from the grammar
 * ({@link CommandRules}); only the form shown to the user is written here, per grammar rule.
 */
final class ExplicitForms {
    private ExplicitForms() {
    }

    /** The expected form shown for each explicit rule whose mis-shaped lines are reported. */
    private static final Map<String, String> SHOWN = Map.ofEntries(
            Map.entry("natType", "nat descriptor type ID none|nat|masquerade|nat-masquerade"),
            Map.entry("natAddressOuter", "nat descriptor address outer|inner ID ADDRESS|RANGE|KEYWORD ..."),
            Map.entry("natAddressInner", "nat descriptor address outer|inner ID ADDRESS|RANGE|KEYWORD ..."),
            Map.entry("natStatic", "nat descriptor static ID ENTRY OUTER=INNER [COUNT]"),
            Map.entry("natMasqueradeStatic",
                    "nat descriptor masquerade static ID ENTRY INNER-ADDRESS PROTOCOL [[OUTER-PORT=]INNER-PORT]"),
            Map.entry("natPortRange", "nat descriptor masquerade port range ID LOW-HIGH ..."),
            Map.entry("natBackwardCompatibility", "nat descriptor backward-compatibility 1|2|3"),
            Map.entry("natApply", "ip INTERFACE nat descriptor [ID ...] [reverse ID ...]"),
            Map.entry("ppSelect", "pp select NUMBER|anonymous|none"),
            Map.entry("tunnelSelect", "tunnel select NUMBER|none"),
            Map.entry("tunnelTemplate", "tunnel template TUNNEL|RANGE ..."),
            Map.entry("ipsecTransportTemplate", "ipsec transport template SOURCE TARGET|RANGE ..."),
            Map.entry("ipsecSaPolicy", "ipsec sa policy POLICY GATEWAY ah|esp ..."),
            Map.entry("ipsecTunnel", "ipsec tunnel POLICY"));

    /** Leading keyword tokens (from the grammar) and the form shown. */
    private record Form(int[] prefix, String syntax) { }

    private static final List<Form> FORMS = forms();

    private static List<Form> forms() {
        List<Form> out = new ArrayList<>();
        for (Map.Entry<String, String> e : SHOWN.entrySet()) {
            for (int[] prefix : CommandRules.leadingKeywords(e.getKey())) out.add(new Form(prefix, e.getValue()));
        }
        return List.copyOf(out);
    }

    /** The expected form when {@code words} start like an explicit command, else null. */
    static String expectedFormOf(List<Word> words) {
        String best = null;
        int bestLength = 0;
        for (Form f : FORMS) {
            if (f.prefix.length > words.size() || f.prefix.length <= bestLength) continue;
            boolean match = true;
            for (int i = 0; i < f.prefix.length && match; i++) match = words.get(i).type() == f.prefix[i];
            if (match) {
                best = f.syntax;
                bestLength = f.prefix.length;
            }
        }
        return best;
    }

    /** The rules this class reports on (for the grammar test). */
    static Set<String> rules() {
        return SHOWN.keySet();
    }
}
