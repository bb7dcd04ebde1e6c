package dev.routerls.analysis;

import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.LineIndex;
import dev.routerls.core.Severity;
import dev.routerls.core.SourceRange;
import dev.routerls.core.Spelling;
import dev.routerls.rules.Example;
import dev.routerls.rules.RuleInfo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Inline suppressions, written as comment lines in the config's own comment syntax ({@code #} in YAMAHA,
 * UCI, shell and nft files alike):
 * <pre>
 * # routerls-disable-next-line yamaha/nat-outer-proxy-arp -- the LAN hosts never use .254
 * # routerls-disable yamaha/unused-definition          (… until)
 * # routerls-enable yamaha/unused-definition
 * # routerls-disable-file openwrt/unknown-option      (no rule: every rule)
 * </pre>
 * Several rules may be listed, separated by commas or spaces; text after {@code --} is the reason. A
 * directive must be a comment line of its own. Suppressed findings are kept aside with their reason (SARIF
 * lists them as suppressed); a directive that suppresses nothing, or names no known rule, is reported as
 * {@code routerls/unused-suppression}, as ESLint reports unused disable directives.
 */
public final class Suppressions {
    public static final RuleInfo UNUSED = RuleInfo.rule("routerls/unused-suppression", Severity.HINT)
            .summary("a routerls-disable comment that suppresses nothing, or names a rule that does not exist")
            .rationale("""
                    A suppression comment outlives the finding it was written for: after the config is fixed, or \
                    the line below it changes, it silences nothing, yet it would hide the next real problem \
                    there. A suppression naming a misspelt rule never worked at all. Delete the comment, or \
                    correct the rule id (`routerls rules` lists them).""")
            .bad(Example.yamaha("""
                    # routerls-disable-next-line yamaha/route-gateway-self -- the old gateway is the router
                    ip lan1 address 192.168.11.250/24
                    ip route 192.168.253.0/24 gateway 192.168.11.240
                    """))
            .good(Example.yamaha("""
                    ip lan1 address 192.168.11.250/24
                    ip route 192.168.253.0/24 gateway 192.168.11.240
                    """))
            .tags("routerls")
            .build();

    private static final String PREFIX = "routerls-";

    enum Kind { NEXT_LINE, DISABLE, ENABLE, FILE }

    /** One rule of one directive: where it is written, which lines it covers, whether it was used. */
    private static final class Entry {
        final String rule;  // null: every rule
        final String reason;
        final SourceRange at;
        final int fromLine;
        final int toLine;   // inclusive
        boolean used;

        Entry(String rule, String reason, SourceRange at, int fromLine, int toLine) {
            this.rule = rule;
            this.reason = reason;
            this.at = at;
            this.fromLine = fromLine;
            this.toLine = toLine;
        }

        boolean covers(Diagnostic d) {
            int line = d.range().startLine();
            return line >= fromLine && line <= toLine && (rule == null || rule.equals(d.ruleId()));
        }
    }

    /** A finding a directive silenced, with the directive's reason ("" when none was given). */
    public record Suppressed(Diagnostic finding, String reason) {
    }

    /** The findings still reported (with the directive hints), and those suppressed. */
    public record Result(List<Diagnostic> kept, List<Suppressed> suppressed) {
        public static final Result EMPTY = new Result(List.of(), List.of());
    }

    private Suppressions() {
    }

    /**
     * Applies the directives of {@code text} to the findings of that document. {@code known} says which
     * rule ids exist; {@code settings} re-grades or turns off the unused-suppression hints.
     */
    public static Result apply(String uri, String text, List<Diagnostic> findings, Predicate<String> known,
                               AnalysisSettings settings) {
        if (text.indexOf(PREFIX) < 0) return new Result(findings, List.of());
        List<Entry> entries = new ArrayList<>();
        List<Diagnostic> hints = new ArrayList<>();
        read(uri, text, entries, hints, known);
        List<Diagnostic> kept = new ArrayList<>();
        List<Suppressed> suppressed = new ArrayList<>();
        for (Diagnostic d : findings) {
            Entry by = null;
            for (Entry e : entries) {
                if (e.covers(d)) {
                    e.used = true;
                    if (by == null) by = e;
                }
            }
            if (by == null) kept.add(d);
            else suppressed.add(new Suppressed(d, by.reason));
        }
        for (Entry e : entries) {
            if (e.used) continue;
            hints.add(new Diagnostic(UNUSED.id(), UNUSED.defaultSeverity(), uri, e.at, (e.rule == null
                    ? "This routerls-disable comment" : "The suppression of " + e.rule) + " matches no finding here; "
                    + "delete it (it would hide the next real problem)."));
        }
        if (settings.enabled(UNUSED.id())) for (Diagnostic h : hints) kept.add(settings.apply(h));
        return new Result(kept, suppressed);
    }

    private static void read(String uri, String text, List<Entry> entries, List<Diagnostic> hints, Predicate<String> known) {
        LineIndex lines = new LineIndex(text);
        List<Entry> open = new ArrayList<>();
        int pendingNext = -1;
        List<Entry> next = new ArrayList<>();
        for (int i = 0; i < lines.lineCount(); i++) {
            String line = lines.line(i);
            int hash = firstNonBlank(line);
            boolean directive = false;
            if (hash >= 0 && line.charAt(hash) == '#') {
                int start = firstNonBlank(line, hash + 1);
                if (start >= 0 && line.startsWith(PREFIX, start)) {
                    directive = directive(uri, line, i, start, entries, open, next, hints, known);
                }
            }
            // a disable-next-line covers the next line that is not itself a directive
            if (!directive && !next.isEmpty()) {
                for (Entry e : next) entries.add(new Entry(e.rule, e.reason, e.at, i, i));
                next.clear();
            }
        }
        for (Entry e : open) entries.add(new Entry(e.rule, e.reason, e.at, e.fromLine, Integer.MAX_VALUE));
        for (Entry e : next) entries.add(new Entry(e.rule, e.reason, e.at, Integer.MAX_VALUE, Integer.MAX_VALUE));
    }

    /** Reads one directive line; false when the comment only looks like one (then it is an ordinary comment). */
    private static boolean directive(String uri, String line, int lineNo, int start, List<Entry> entries,
                                     List<Entry> open, List<Entry> next, List<Diagnostic> hints, Predicate<String> known) {
        int end = start;
        while (end < line.length() && !Character.isWhitespace(line.charAt(end))) end++;
        Kind kind = switch (line.substring(start, end)) {
            case "routerls-disable-next-line" -> Kind.NEXT_LINE;
            case "routerls-disable" -> Kind.DISABLE;
            case "routerls-enable" -> Kind.ENABLE;
            case "routerls-disable-file" -> Kind.FILE;
            default -> null;
        };
        if (kind == null) return false;
        String rest = line.substring(end);
        String reason = "";
        int dashes = rest.indexOf("--");
        if (dashes >= 0) {
            reason = rest.substring(dashes + 2).strip();
            rest = rest.substring(0, dashes);
        }
        SourceRange at = SourceRange.of(lineNo, start, line.stripTrailing().length());
        Set<String> rules = new LinkedHashSet<>();
        int col = end;
        for (String word : rest.split("[,\\s]+")) {
            if (word.isEmpty()) continue;
            int wordAt = line.indexOf(word, col);
            col = wordAt + word.length();
            if (!known.test(word)) {
                hints.add(new Diagnostic(UNUSED.id(), UNUSED.defaultSeverity(), uri, SourceRange.of(lineNo, wordAt, col),
                        "There is no rule '" + word + "'" + Spelling.closest(word, RuleRegistry.all().stream()
                                .map(RuleInfo::id).toList(), 6).map(s -> "; did you mean " + s + "?").orElse("")
                                + " This suppression has no effect."));
                continue;
            }
            rules.add(word);
        }
        boolean unknownOnly = rules.isEmpty() && !rest.isBlank();
        if (unknownOnly) return true;
        List<String> named = rules.isEmpty() ? java.util.Collections.singletonList(null) : new ArrayList<>(rules);
        switch (kind) {
            case NEXT_LINE -> {
                for (String r : named) next.add(new Entry(r, reason, at, -1, -1));
            }
            case FILE -> {
                for (String r : named) entries.add(new Entry(r, reason, at, 0, Integer.MAX_VALUE));
            }
            case DISABLE -> {
                for (String r : named) open.add(new Entry(r, reason, at, lineNo + 1, Integer.MAX_VALUE));
            }
            case ENABLE -> {
                for (String r : named) {
                    for (java.util.Iterator<Entry> it = open.iterator(); it.hasNext(); ) {
                        Entry e = it.next();
                        if (r == null || r.equals(e.rule)) {
                            entries.add(new Entry(e.rule, e.reason, e.at, e.fromLine, lineNo - 1));
                            it.remove();
                        }
                    }
                }
            }
        }
        return true;
    }

    private static int firstNonBlank(String s) {
        return firstNonBlank(s, 0);
    }

    private static int firstNonBlank(String s, int from) {
        for (int i = from; i < s.length(); i++) if (!Character.isWhitespace(s.charAt(i))) return i;
        return -1;
    }
}
