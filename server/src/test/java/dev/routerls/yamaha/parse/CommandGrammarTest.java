package dev.routerls.yamaha.parse;

import dev.routerls.grammar.YamahaLexer;
import dev.routerls.grammar.YamahaParser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The Java side of the YAMAHA grammar follows the grammar: every explicit command rule has a conversion
 * to a {@link Command}, and the explicit forms reported on are command rules whose leading keywords come
 * from the grammar itself.
 */
class CommandGrammarTest {

    @Test
    void everyExplicitCommandRuleHasAConversion() throws ClassNotFoundException {
        List<String> missing = new ArrayList<>();
        Class<?> converter = CommandConverter.class;
        for (String rule : CommandRules.alternatives()) {
            String cap = Character.toUpperCase(rule.charAt(0)) + rule.substring(1);
            Class<?> context = Class.forName(YamahaParser.class.getName() + "$" + cap + "Context");
            try {
                converter.getDeclaredMethod("visit" + cap, context);
            } catch (NoSuchMethodException e) {
                missing.add(rule);
            }
        }
        assertEquals(List.of(), missing, "command alternatives without a visit method in CommandConverter");
        assertTrue(CommandRules.alternatives().size() > 40, "alternatives read: " + CommandRules.alternatives());
    }

    @Test
    void explicitFormsNameCommandRulesAndTakeTheirKeywordsFromTheGrammar() {
        for (String rule : ExplicitForms.shownRules()) {
            assertTrue(CommandRules.alternatives().contains(rule), rule + " is not an alternative of `command`");
            assertFalse(CommandRules.leadingKeywords(rule).isEmpty(), rule + " has no leading keywords");
        }
        assertEquals(List.of("nat descriptor type"), words("natType"));
        assertEquals(List.of("nat descriptor masquerade port range"), words("natPortRange"));
        assertEquals(List.of("ip IFNAME nat descriptor", "ip PP nat descriptor", "ip TUNNEL nat descriptor"),
                words("natApply").stream().sorted().toList());
        assertEquals(List.of("snmp trap host", "snmpv2c trap host"), words("snmpTrapHost").stream().sorted().toList());
    }

    @Test
    void aMisShapedExplicitLineCarriesItsShape() {
        LineParser parser = new LineParser();
        ExplicitShape wrong = parser.parse("ip lan2 nat descriptor x").shape();
        assertEquals(ExplicitShape.Kind.WRONG_FORM, wrong.kind());
        assertEquals("ip INTERFACE nat descriptor [ID ...] [reverse ID ...]", wrong.form());
        assertEquals(4, wrong.commandWords());
        ExplicitShape extra = parser.parse("ip lan1 proxyarp on \u2190 note").shape();
        assertEquals(ExplicitShape.Kind.EXTRA_WORDS, extra.kind());
        assertEquals(20, extra.start());
        assertTrue(extra.note());
        assertNull(parser.parse("ip lan2 address 192.0.2.1/24").shape());
        assertNull(parser.parse("ip lan2 mtu 1454").shape(), "no explicit rule starts like it");
    }

    private static List<String> words(String rule) {
        return CommandRules.leadingKeywords(rule).stream().map(p -> Arrays.stream(p)
                .mapToObj(t -> t == YamahaLexer.IFNAME ? "IFNAME" : t == YamahaLexer.PP && p.length > 3 ? "PP"
                        : t == YamahaLexer.TUNNEL && p.length > 3 ? "TUNNEL"
                        : YamahaLexer.VOCABULARY.getSymbolicName(t).toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining(" "))).toList();
    }
}
