package dev.routerls.yamaha.parse;

import dev.routerls.grammar.YamahaLexer;
import dev.routerls.grammar.YamahaParser;
import dev.routerls.yamaha.catalog.PastedNote;
import dev.routerls.core.Utf16Columns;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The commands that have an explicit grammar rule, by their leading keywords. A line that starts like one
 * of them but only matched the generic rule either has parameters of the wrong shape or has words after a
 * complete command; saying so keeps such a line from silently dropping out of the model. The leading
 * keywords come from the grammar ({@link CommandRules}), and the rule itself is run on the line to find
 * where it stops. Only the form shown to the user is written here, for the rules whose reference form
 * reads poorly; the others show the catalog's.
 */
final class ExplicitForms {
    private ExplicitForms() {
    }

    /** The expected form shown for an explicit rule (by rule name), where the catalog's would not help. */
    private static final Map<String, String> SHOWN = Map.ofEntries(
            Map.entry("natType", "nat descriptor type ID none|nat|masquerade|nat-masquerade"),
            Map.entry("natAddressOuter", "nat descriptor address outer|inner ID ADDRESS|RANGE|KEYWORD ..."),
            Map.entry("natAddressInner", "nat descriptor address outer|inner ID ADDRESS|RANGE|KEYWORD ..."),
            Map.entry("natStatic", "nat descriptor static ID ENTRY OUTER=INNER [COUNT]"),
            Map.entry("natMasqueradeStatic",
                    "nat descriptor masquerade static ID ENTRY INNER-ADDRESS PROTOCOL [[OUTER-PORT=]INNER-PORT]"),
            Map.entry("natPortRange", "nat descriptor masquerade port range ID LOW-HIGH ..."),
            Map.entry("natMasqueradeIncoming", "nat descriptor masquerade incoming ID through|reject|discard|forward [ADDRESS]"),
            Map.entry("natBackwardCompatibility", "nat descriptor backward-compatibility 1|2|3"),
            Map.entry("natApply", "ip INTERFACE nat descriptor [ID ...] [reverse ID ...]"),
            Map.entry("ppSelect", "pp select NUMBER|anonymous|none"),
            Map.entry("tunnelSelect", "tunnel select NUMBER|none"),
            Map.entry("tunnelTemplate", "tunnel template TUNNEL|RANGE ..."),
            Map.entry("ipsecTransportTemplate", "ipsec transport template SOURCE TARGET|RANGE ..."),
            Map.entry("ipsecSaPolicy", "ipsec sa policy POLICY GATEWAY ah|esp ..."),
            Map.entry("ipsecTunnel", "ipsec tunnel POLICY"),
            Map.entry("ipsecIkeId", "ipsec ike local|remote id GATEWAY ADDRESS[/MASK]"),
            Map.entry("dhcpScope", "dhcp scope ID FIRST-LAST/MASK [except ADDRESS ...] [gateway ADDRESS] [expire TIME]"
                    + " [maxexpire TIME]"),
            Map.entry("dhcpScopeOption", "dhcp scope option ID NAME=VALUE ..."),
            Map.entry("ipRoute", "ip route NETWORK|default gateway ADDRESS|pp N|pp anonymous|tunnel N|dhcp INTERFACE"
                    + " [filter N ...] [dpi N ...] [metric N] [hide] [weight N] [keepalive ID] [gateway ...]"));

    /** What a reader of the expected form usually meant instead, for rules a near command is mistaken for. */
    private static final Map<String, String> HINTS = Map.of(
            "ipsecIkeId", "An ID that is a name belongs to `ipsec ike local name` or `ipsec ike remote name`.",
            "dhcpScope", "DHCP options are set with `dhcp scope option ID NAME=VALUE ...`.");

    /** Leading keyword tokens of an explicit rule (from the grammar). */
    private record Form(String rule, int[] prefix) { }

    private static final List<Form> FORMS = forms();

    private static List<Form> forms() {
        List<Form> out = new ArrayList<>();
        for (String rule : CommandRules.alternatives()) {
            if (rule.equals("generic")) continue;
            for (int[] prefix : CommandRules.leadingKeywords(rule)) out.add(new Form(rule, prefix));
        }
        return List.copyOf(out);
    }

    /**
     * How the line fails the explicit rules it starts like, or null when it starts like none. {@code words}
     * are the line's words. The extra word is quoted only when it is a mark such as an arrow: the rule that
     * failed may be one whose words hold a password, which the generic rule did not mask.
     */
    static ExplicitShape check(String text, List<Word> words, Utf16Columns cols) {
        // a template placeholder may stand for any value: the line's shape cannot be judged
        if (words.stream().anyMatch(w -> w.type() == YamahaLexer.PLACEHOLDER)) return null;
        int longest = 0;
        List<String> rules = new ArrayList<>();
        for (Form f : FORMS) {
            if (f.prefix.length > words.size() || f.prefix.length < longest || !startsWith(words, f.prefix)) continue;
            if (f.prefix.length > longest) {
                longest = f.prefix.length;
                rules.clear();
            }
            if (!rules.contains(f.rule)) rules.add(f.rule);
        }
        if (rules.isEmpty()) return null;
        Stop best = null;
        for (String rule : rules) {
            Stop s = run(text, rule);
            if (s != null && (best == null || s.token.getStartIndex() > best.token.getStartIndex())) best = s;
        }
        if (best == null) return null;
        Word first = words.get(0), last = words.get(words.size() - 1);
        Word stop = wordAt(words, cols.utf16(best.token.getStartIndex()));
        if (stop == null) return null;
        // after a complete command: more words than it takes, or a pasted note where a value may follow
        if (best.complete && (!best.couldContinue || PastedNote.looksLikeNote(stop.text()))) {
            Word extra = stop;
            return new ExplicitShape(ExplicitShape.Kind.EXTRA_WORDS, best.rule, longest, null, null, extra.start(),
                    extra.end(), PastedNote.quotable(extra.text()) ? extra.text() : null,
                    PastedNote.looksLikeNote(extra.text()));
        }
        return new ExplicitShape(ExplicitShape.Kind.WRONG_FORM, best.rule, longest, SHOWN.get(best.rule),
                HINTS.get(best.rule), first.start(), last.end(), null, false);
    }

    private static boolean startsWith(List<Word> words, int[] prefix) {
        for (int i = 0; i < prefix.length; i++) if (words.get(i).type() != prefix[i]) return false;
        return true;
    }

    private static Word wordAt(List<Word> words, int start) {
        for (Word w : words) if (w.start() == start) return w;
        return null;
    }

    /**
     * Where one explicit rule stops on the line: at a token it cannot take ({@code complete} false), or
     * complete before one; {@code couldContinue} when the rule could have read some word in its place.
     */
    private record Stop(String rule, Token token, boolean complete, boolean couldContinue) { }

    private static Stop run(String text, String rule) {
        YamahaLexer lexer = new YamahaLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        YamahaParser parser = new YamahaParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.LL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            Method entry = YamahaParser.class.getMethod(rule);
            entry.invoke(parser);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof ParseCancellationException p && p.getCause() instanceof RecognitionException r) {
                Token t = r.getOffendingToken();
                return t == null || t.getType() == Token.EOF ? null : new Stop(rule, t, false, true);
            }
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no parser rule " + rule, e);
        }
        Token next = parser.getCurrentToken();
        if (next.getType() == Token.EOF || next.getType() == YamahaLexer.COMMENT) return null;
        // complete, but could the rule have read a word here (`pp select two`)? then it is a wrong value
        CommonTokenStream tokens = (CommonTokenStream) parser.getInputStream();
        int[] consumed = tokens.getTokens(0, next.getTokenIndex() - 1).stream()
                .filter(t -> t.getChannel() == Token.DEFAULT_CHANNEL).mapToInt(Token::getType).toArray();
        return new Stop(rule, next, true, CommandRules.expectsMore(rule, consumed));
    }

    /** The rules with a form written here (for the grammar test). */
    static java.util.Set<String> shownRules() {
        return SHOWN.keySet();
    }
}
