package dev.routerls.yamaha.parse;

import dev.routerls.grammar.YamahaLexer;

import java.util.List;

/**
 * The commands that have an explicit grammar rule, by their leading keywords. A line that starts like
 * one of them but only matched the generic rule has parameters of the wrong shape; saying so here
 * keeps such a line from silently dropping out of the model.
 */
final class ExplicitForms {
    private ExplicitForms() {
    }

    /** Keyword token types to match (IFACE matches any interface after {@code ip}), and the expected form. */
    private record Form(int[] prefix, String syntax) { }

    private static final int IFACE = -1;

    private static final List<Form> FORMS = List.of(
            new Form(new int[]{YamahaLexer.NAT, YamahaLexer.DESCRIPTOR, YamahaLexer.TYPE},
                    "nat descriptor type ID none|nat|masquerade|nat-masquerade"),
            new Form(new int[]{YamahaLexer.NAT, YamahaLexer.DESCRIPTOR, YamahaLexer.ADDRESS},
                    "nat descriptor address outer|inner ID ADDRESS|RANGE|KEYWORD ..."),
            new Form(new int[]{YamahaLexer.NAT, YamahaLexer.DESCRIPTOR, YamahaLexer.STATIC},
                    "nat descriptor static ID ENTRY OUTER=INNER [COUNT]"),
            new Form(new int[]{YamahaLexer.NAT, YamahaLexer.DESCRIPTOR, YamahaLexer.MASQUERADE, YamahaLexer.STATIC},
                    "nat descriptor masquerade static ID ENTRY INNER-ADDRESS PROTOCOL [[OUTER-PORT=]INNER-PORT]"),
            new Form(new int[]{YamahaLexer.NAT, YamahaLexer.DESCRIPTOR, YamahaLexer.MASQUERADE, YamahaLexer.PORT,
                    YamahaLexer.RANGE}, "nat descriptor masquerade port range ID LOW-HIGH ..."),
            new Form(new int[]{YamahaLexer.NAT, YamahaLexer.DESCRIPTOR, YamahaLexer.MASQUERADE, YamahaLexer.INCOMING},
                    "nat descriptor masquerade incoming ID through|reject|discard|forward [ADDRESS]"),
            new Form(new int[]{YamahaLexer.NAT, YamahaLexer.DESCRIPTOR, YamahaLexer.BACKWARD_COMPATIBILITY},
                    "nat descriptor backward-compatibility 1|2|3"),
            new Form(new int[]{YamahaLexer.IP, IFACE, YamahaLexer.NAT, YamahaLexer.DESCRIPTOR},
                    "ip INTERFACE nat descriptor [ID ...] [reverse ID ...]"),
            new Form(new int[]{YamahaLexer.PP, YamahaLexer.SELECT}, "pp select NUMBER|anonymous|none"),
            new Form(new int[]{YamahaLexer.TUNNEL, YamahaLexer.SELECT}, "tunnel select NUMBER|none"),
            new Form(new int[]{YamahaLexer.TUNNEL, YamahaLexer.TEMPLATE}, "tunnel template TUNNEL|RANGE ..."),
            new Form(new int[]{YamahaLexer.IPSEC, YamahaLexer.TRANSPORT, YamahaLexer.TEMPLATE},
                    "ipsec transport template SOURCE TARGET|RANGE ..."),
            new Form(new int[]{YamahaLexer.IPSEC, YamahaLexer.SA, YamahaLexer.POLICY},
                    "ipsec sa policy POLICY GATEWAY ah|esp ..."),
            new Form(new int[]{YamahaLexer.IPSEC, YamahaLexer.TUNNEL}, "ipsec tunnel POLICY"));

    /** The expected form when {@code words} start like an explicit command, else null. */
    static String expectedFormOf(List<Word> words) {
        String best = null;
        int bestLength = 0;
        for (Form f : FORMS) {
            if (f.prefix.length > words.size() || f.prefix.length <= bestLength) continue;
            boolean match = true;
            for (int i = 0; i < f.prefix.length && match; i++) {
                int t = words.get(i).type();
                match = f.prefix[i] == IFACE
                        ? t == YamahaLexer.IFNAME || t == YamahaLexer.PP || t == YamahaLexer.TUNNEL
                        : t == f.prefix[i];
            }
            if (match) {
                best = f.syntax;
                bestLength = f.prefix.length;
            }
        }
        return best;
    }
}
