package dev.routerls.testing;

import dev.routerls.core.Diagnostic;
import dev.routerls.core.SourceRange;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Table-driven fixtures: config text with inline markers for the findings a test expects.
 * <pre>
 *   ip lan1 nat descriptor «yamaha/nat-outer-proxy-arp|31»
 *   «yamaha/syntax~unknown command|ip lan1 frobnicate»
 * </pre>
 * {@code «RULE|TEXT»} expects a finding of RULE exactly over TEXT; {@code «RULE~WORDS|TEXT»} also
 * expects the message to contain WORDS (case-insensitive). Markers may span lines. The text the
 * analyser sees is the fixture with the markers removed.
 */
public final class Fixture {
    public record Expected(String ruleId, SourceRange range, String messagePart) {
    }

    private final String text;
    private final List<Expected> expected;

    private Fixture(String text, List<Expected> expected) {
        this.text = text;
        this.expected = expected;
    }

    public static Fixture parse(String marked) {
        StringBuilder out = new StringBuilder();
        List<Expected> exp = new ArrayList<>();
        // stack of open markers: rule, message part, start line/col
        List<Object[]> open = new ArrayList<>();
        int line = 0, col = 0;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == '«') {
                int bar = marked.indexOf('|', i);
                String head = marked.substring(i + 1, bar);
                String rule = head, part = null;
                int tilde = head.indexOf('~');
                if (tilde >= 0) {
                    rule = head.substring(0, tilde);
                    part = head.substring(tilde + 1);
                }
                open.add(new Object[]{rule, part, line, col});
                i = bar;
                continue;
            }
            if (c == '»' && !open.isEmpty()) {
                Object[] o = open.remove(open.size() - 1);
                exp.add(new Expected((String) o[0], new SourceRange((int) o[2], (int) o[3], line, col), (String) o[1]));
                continue;
            }
            out.append(c);
            if (c == '\n') {
                line++;
                col = 0;
            } else {
                col++;
            }
        }
        return new Fixture(out.toString(), exp);
    }

    public String text() {
        return text;
    }

    public List<Expected> expected() {
        return expected;
    }

    /**
     * Asserts that the diagnostics of the rules selected by {@code rules} are exactly the expected ones
     * (same rule, same range, message containing the expected words). Other rules' findings are ignored,
     * but every finding must have a registered id and its rule's severity ({@link RegisteredFindings}).
     */
    public void assertFindings(Collection<Diagnostic> actual, Predicate<String> rules) {
        RegisteredFindings.check(actual);
        List<Diagnostic> relevant = actual.stream().filter(d -> rules.test(d.ruleId())).toList();
        List<String> want = expected.stream().filter(e -> rules.test(e.ruleId()))
                .map(e -> e.ruleId() + " @" + e.range()).sorted().toList();
        List<String> got = relevant.stream().map(d -> d.ruleId() + " @" + d.range()).sorted().toList();
        assertEquals(want, got, () -> "findings differ; actual:\n" + relevant.stream()
                .map(d -> "  " + d.ruleId() + " @" + d.range() + " " + d.severity().label() + ": " + d.message())
                .collect(Collectors.joining("\n")));
        for (Expected e : expected) {
            if (e.messagePart() == null || !rules.test(e.ruleId())) continue;
            assertTrue(relevant.stream().anyMatch(d -> d.ruleId().equals(e.ruleId()) && d.range().equals(e.range())
                            && d.message().toLowerCase().contains(e.messagePart().toLowerCase())),
                    () -> "no " + e.ruleId() + " finding at " + e.range() + " whose message contains '"
                            + e.messagePart() + "'; actual: " + relevant);
        }
    }

    /** Asserts exactly the expected findings of one rule id (or rule-id prefix ending in '/'). */
    public void assertFindings(Collection<Diagnostic> actual, String ruleIdOrPrefix) {
        assertFindings(actual, id -> ruleIdOrPrefix.endsWith("/") ? id.startsWith(ruleIdOrPrefix) : id.equals(ruleIdOrPrefix));
    }
}
