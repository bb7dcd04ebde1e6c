package dev.routerls.yamaha.catalog;

import dev.routerls.core.BoundedCache;
import dev.routerls.yamaha.catalog.SyntaxPattern.Literal;
import dev.routerls.yamaha.catalog.SyntaxPattern.Node;
import dev.routerls.yamaha.catalog.SyntaxPattern.Param;
import dev.routerls.yamaha.catalog.SyntaxPattern.Part;
import dev.routerls.yamaha.catalog.SyntaxPattern.Word;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches the words of a command line against one syntax form by backtracking over optional groups,
 * repeats and list slots. Strict mode accepts only words that fit their slot; lenient mode also lets a
 * wrong keyword or out-of-range number stand in its slot, recording it as a violation, and keeps the
 * alignment with the fewest violations. A step budget keeps pathological forms from running away.
 */
final class FormMatcher {
    private static final int STEP_BUDGET = 20_000;
    /**
     * The matcher recurses once per word (about 1.5 KB of stack each), so a longer line is not matched at
     * all rather than overflowing a 1 MB thread stack. Real command lines stay far below this.
     */
    private static final int MAX_WORDS = 256;
    /** Regexes of the compound words met (a catalog has a few hundred; a loaded custom catalog adds its own). */
    private static final BoundedCache<Word, Pattern> COMPOUND = new BoundedCache<>(4096);

    /** A word standing in a slot it does not fit. */
    record Violation(int token, ParamSpec.Fit fit, String param, ParamSpec spec) {
    }

    /** One way the words line up with the form: the violations and which slot took each word. */
    record Alignment(List<Violation> violations, Map<Integer, String> slots) {
    }

    /** What may come next when the words run out inside the form (for completion). */
    record Next(Word word, boolean commandWord) {
    }

    private final CommandEntry entry;
    private final List<String> words;
    private final boolean lenient;
    private final CommandEntry entryOfForm;
    private final SyntaxPattern form;
    private int headLength = -1;
    private final Set<Next> next;
    private int steps;
    private Alignment best;
    private final List<Violation> violations = new ArrayList<>();
    private final Map<Integer, String> slots = new HashMap<>();

    private FormMatcher(CommandEntry entry, SyntaxPattern form, List<String> words, boolean lenient, Set<Next> next) {
        this.entry = entry;
        this.words = words;
        this.lenient = lenient;
        this.next = next;
        this.entryOfForm = entry;
        this.form = form;
    }

    /** Best alignment of all of {@code words} with the form, or null if none. */
    static Alignment match(CommandEntry entry, SyntaxPattern form, List<String> words, boolean lenient) {
        if (words.size() > MAX_WORDS) return null;
        FormMatcher m = new FormMatcher(entry, form, words, lenient, null);
        m.seq(form.nodes(), 0, 0, w -> w == words.size() && m.accept());
        return m.best;
    }

    /** The words that could follow {@code words} in this form (empty if the words do not fit). */
    static Set<Next> next(CommandEntry entry, SyntaxPattern form, List<String> words) {
        Set<Next> out = new LinkedHashSet<>();
        if (words.size() > MAX_WORDS) return out;
        FormMatcher m = new FormMatcher(entry, form, words, true, out);
        m.seq(form.nodes(), 0, 0, w -> false);
        return out;
    }

    private boolean accept() {
        if (best == null || violations.size() < best.violations().size()) {
            best = new Alignment(List.copyOf(violations), Map.copyOf(slots));
        }
        return violations.isEmpty(); // a clean alignment ends the search
    }

    private interface Cont {
        boolean go(int wordIndex);
    }

    private boolean seq(List<Node> nodes, int i, int w, Cont k) {
        if (++steps > STEP_BUDGET) return true; // give up: stop searching, keep what was found
        if (i == nodes.size()) return k.go(w);
        Node n = nodes.get(i);
        if (n instanceof Word word) {
            return word(word, w, k, w2 -> seq(nodes, i + 1, w2, k));
        }
        if (n instanceof SyntaxPattern.Optional o) {
            return seq(o.nodes(), 0, w, w2 -> seq(nodes, i + 1, w2, k)) || seq(nodes, i + 1, w, k);
        }
        SyntaxPattern.Repeat r = (SyntaxPattern.Repeat) n;
        return repeat(r.node(), w, w2 -> seq(nodes, i + 1, w2, k));
    }

    private boolean repeat(Node node, int w, Cont after) {
        return seq(List.of(node), 0, w, w2 -> (w2 > w && repeat(node, w2, after)) || after.go(w2));
    }

    private boolean word(Word word, int w, Cont outer, Cont k) {
        if (w >= words.size()) {
            if (next != null) next.add(new Next(word, isCommandPosition(w)));
            return false;
        }
        String token = words.get(w);
        if (word.loose()) {
            return bind(w, word.soleParam(), null, k);
        }
        if (word.isLiteral()) {
            return word.literalText().equalsIgnoreCase(token) && k.go(w + 1);
        }
        String param = word.soleParam();
        if (param != null) {
            ParamSpec spec = entry.param(param);
            if (spec.isList()) {
                return list(param, spec, w, k);
            }
            return slot(param, spec, w, token, k);
        }
        return compound(word, w, token, k);
    }

    /** Only completion asks, so the head is worked out then and not for every line checked. */
    private boolean isCommandPosition(int w) {
        if (headLength < 0) headLength = form.head(entryOfForm::isInterfaceSlot).size();
        return w < headLength;
    }

    /** A list slot takes one or more words, each fitting the slot. */
    private boolean list(String param, ParamSpec spec, int w, Cont k) {
        int size = violations.size();
        int end = w;
        boolean done = false;
        while (!done && end < words.size()) {
            ParamSpec.Fit fit = spec.check(words.get(end));
            if (fit == ParamSpec.Fit.NO || (fit != ParamSpec.Fit.OK && !lenient)) break;
            if (fit != ParamSpec.Fit.OK) violations.add(new Violation(end, fit, param, spec));
            slots.put(end, param);
            end++;
            done = k.go(end);
        }
        for (int i = w; i < end; i++) slots.remove(i);
        while (violations.size() > size) violations.remove(violations.size() - 1);
        return done;
    }

    private boolean slot(String param, ParamSpec spec, int w, String token, Cont k) {
        ParamSpec.Fit fit = spec.check(token);
        if (fit == ParamSpec.Fit.OK) return bind(w, param, null, k);
        if (fit == ParamSpec.Fit.NO || !lenient) return false;
        return bind(w, param, new Violation(w, fit, param, spec), k);
    }

    private boolean bind(int w, String param, Violation v, Cont k) {
        if (v != null) violations.add(v);
        if (param != null) slots.put(w, param);
        boolean r = k.go(w + 1);
        slots.remove(w);
        if (v != null) violations.remove(violations.size() - 1);
        return r;
    }

    /** A word mixing literal text and slots, such as {@code hairpin=<sw>} or {@code <outer_ip>=<inner_ip>}. */
    private boolean compound(Word word, int w, String token, Cont k) {
        if (CatalogToken.ANY.equals(token)) return bind(w, word.soleParam(), null, k);
        Pattern p = COMPOUND.get(word, () -> regex(word));
        Matcher m = p.matcher(token);
        if (!m.matches()) return false;
        Violation v = null;
        int g = 1;
        for (Part part : word.parts()) {
            if (!(part instanceof Param param)) continue;
            ParamSpec spec = entry.param(param.name());
            ParamSpec.Fit fit = spec.isList() ? ParamSpec.Fit.OK : spec.check(m.group(g++));
            if (fit == ParamSpec.Fit.NO || (fit != ParamSpec.Fit.OK && !lenient)) return false;
            if (fit != ParamSpec.Fit.OK && v == null) v = new Violation(w, fit, param.name(), spec);
        }
        return bind(w, word.soleParam(), v, k);
    }

    private static Pattern regex(Word word) {
        StringBuilder sb = new StringBuilder();
        for (Part part : word.parts()) {
            if (part instanceof Literal l) sb.append(Pattern.quote(l.text()));
            else sb.append("(.+?)");
        }
        return Pattern.compile(sb.toString(), Pattern.CASE_INSENSITIVE);
    }
}
