package dev.routerls.yamaha.catalog;

import dev.routerls.core.Spelling;
import dev.routerls.core.SourceRange;
import dev.routerls.yamaha.catalog.CatalogFinding.Kind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The YAMAHA RTX command catalog: checks command lines against the reference (unknown command with a
 * suggestion, wrong keyword, out-of-range number, command or keyword not on the model/firmware) and
 * answers completion and hover questions. Built once from the resource; immutable and thread-safe.
 * <p>It reports only what the reference states plainly: a slot whose printed description is open, a
 * line whose shape matches no form, a model the reference does not cover — all yield no finding.
 */
public final class CommandCatalog implements CommandChecker {

    /**
     * A command of the catalog. The packed resource gives its command words up front and the rest (forms,
     * parameters, models, limits) on first use: a config meets a few dozen of the 1,100 commands, and
     * decoding them all cost a cold lint more than checking its lines.
     */
    static final class Command {
        private final java.util.function.Supplier<CommandEntry> decode;
        private volatile CommandEntry entry;

        Command(java.util.function.Supplier<CommandEntry> decode) {
            this.decode = decode;
        }

        static Command of(CommandEntry entry) {
            Command c = new Command(null);
            c.entry = entry;
            return c;
        }

        CommandEntry entry() {
            CommandEntry e = entry;
            if (e == null) {
                synchronized (this) {
                    e = entry;
                    if (e == null) entry = e = decode.get();
                }
            }
            return e;
        }
    }

    /**
     * One syntax form's place in its command ({@code index} among its forms, or its no-forms when
     * {@code negated}) and its command words: each one's literal text, or null for an interface slot.
     */
    record FormHead(boolean negated, int index, String[] headText) {
    }

    /** A command and the command words of each of its forms. */
    record Indexed(Command command, List<FormHead> forms) {
    }

    /** What a catalog is built from. */
    record Source(List<String> models, List<ModelProfile> profiles, List<Indexed> commands) {
    }

    /**
     * A syntax form together with the command it belongs to and its command words. {@code headText} holds
     * each command word's literal text, or null for an interface slot, so matching a line's words against
     * the hundreds of forms that share a first word does not rebuild them each time; {@code order} is its
     * place in the catalog.
     */
    static final class Form {
        private final Command command;
        private final FormHead head;
        private final int order;

        Form(Command command, FormHead head, int order) {
            this.command = command;
            this.head = head;
            this.order = order;
        }

        CommandEntry entry() {
            return command.entry();
        }

        SyntaxPattern pattern() {
            CommandEntry e = entry();
            return (head.negated() ? e.noForms() : e.forms()).get(head.index());
        }

        boolean negated() {
            return head.negated();
        }

        String[] headText() {
            return head.headText();
        }

        int headLength() {
            return head.headText().length;
        }
    }

    /** The command words of a form (see {@link FormHead}); the packer stores them, the JSON path works them out. */
    static String[] headText(CommandEntry entry, SyntaxPattern pattern) {
        List<SyntaxPattern.Word> head = pattern.head(entry::isInterfaceSlot);
        String[] text = new String[head.size()];
        for (int i = 0; i < text.length; i++) text[i] = head.get(i).isLiteral() ? head.get(i).literalText() : null;
        return text;
    }

    /** The forms of a decoded command, with their command words worked out. */
    static List<FormHead> formHeads(CommandEntry e) {
        List<FormHead> out = new ArrayList<>();
        for (int i = 0; i < e.forms().size(); i++) out.add(new FormHead(false, i, headText(e, e.forms().get(i))));
        for (int i = 0; i < e.noForms().size(); i++) out.add(new FormHead(true, i, headText(e, e.noForms().get(i))));
        return out;
    }

    /** A source of commands already decoded (the JSON resource, tests). */
    static Source source(CatalogLoader.Loaded loaded) {
        List<Indexed> commands = new ArrayList<>();
        for (CommandEntry e : loaded.commands()) commands.add(new Indexed(Command.of(e), formHeads(e)));
        return new Source(loaded.models(), loaded.profiles(), commands);
    }

    /** A line's words, with whether each looks like an interface name worked out at most once per line. */
    private static final class WordsToMatch {
        final List<String> words;
        private final byte[] iface; // 0 unknown, 1 yes, 2 no

        WordsToMatch(List<String> words) {
            this.words = words;
            this.iface = new byte[words.size()];
        }

        boolean looksLikeInterface(int i) {
            if (iface[i] == 0) iface[i] = InterfaceNames.looksLikeInterface(words.get(i)) ? (byte) 1 : (byte) 2;
            return iface[i] == 1;
        }

        /** Whether command word {@code d} of {@code f} fits word {@code d} of the line. */
        boolean fits(Form f, int d) {
            String literal = f.headText()[d];
            return literal != null ? literal.equalsIgnoreCase(words.get(d)) : looksLikeInterface(d);
        }
    }

    private final List<String> catalogModels;
    private final Map<String, ModelProfile> profiles = new LinkedHashMap<>();
    private final List<Command> commands = new ArrayList<>();
    private final Map<String, List<Form>> byFirstWord = new HashMap<>();
    /**
     * The forms again, as a tree of their head words (literal words lower-cased, one branch for an interface
     * slot): walking a line's words down it finds exactly the forms whose whole head fits, without comparing
     * the line with every form of {@code ip} or {@code nat}.
     */
    private final HeadNode heads = new HeadNode();
    private int formCount;
    /** The completions of a line's first word by select context, the same on every keystroke: built once each. */
    private final Map<String, List<Completion>> firstWords = new java.util.concurrent.ConcurrentHashMap<>();

    private static final class HeadNode {
        final Map<String, HeadNode> literal = new HashMap<>();
        HeadNode iface;
        final List<Form> ending = new ArrayList<>();
    }
    private final Map<String, String> meanings;

    CommandCatalog(CatalogLoader.Loaded loaded, Map<String, String> meanings) {
        this(source(loaded), meanings);
    }

    CommandCatalog(Source source, Map<String, String> meanings) {
        this.catalogModels = source.models();
        this.meanings = meanings;
        for (ModelProfile p : source.profiles()) profiles.put(p.model(), p);
        for (Indexed c : source.commands()) {
            commands.add(c.command());
            for (FormHead h : c.forms()) {
                if (h.headText().length > 0) index(new Form(c.command(), h, formCount++));
            }
        }
    }

    private void index(Form f) {
        String[] text = f.headText();
        // a head opening with an interface slot files under "", as the slot's (empty) literal text
        String first = text[0] == null ? "" : text[0].toLowerCase(Locale.ROOT);
        byFirstWord.computeIfAbsent(first, k -> new ArrayList<>()).add(f);
        HeadNode node = heads;
        for (String word : f.headText()) {
            if (word == null) {
                if (node.iface == null) node.iface = new HeadNode();
                node = node.iface;
            } else {
                node = node.literal.computeIfAbsent(word.toLowerCase(Locale.ROOT), k -> new HeadNode());
            }
        }
        node.ending.add(f);
    }

    /** The forms whose whole head fits the line's first words, in catalog order. */
    private List<Form> headMatched(WordsToMatch line) {
        List<Form> out = new ArrayList<>();
        walk(heads, 0, line, out);
        if (out.size() > 1) out.sort(CATALOG_ORDER);
        return out;
    }

    private static void walk(HeadNode node, int i, WordsToMatch line, List<Form> out) {
        out.addAll(node.ending);
        if (i >= line.words.size()) return;
        HeadNode next = node.literal.get(line.words.get(i).toLowerCase(Locale.ROOT));
        if (next != null) walk(next, i + 1, line, out);
        if (node.iface != null && line.looksLikeInterface(i)) walk(node.iface, i + 1, line, out);
    }

    private static final Comparator<Form> CATALOG_ORDER = (a, b) -> Integer.compare(a.order, b.order);

    private static final class Holder {
        static final CommandCatalog STANDARD = new CommandCatalog(CatalogLoader.standardSource(), CommandMeanings.load());
    }

    /** The catalog built from the bundled resource (loaded on first use). */
    public static CommandCatalog standard() {
        return Holder.STANDARD;
    }

    public int commandCount() {
        return commands.size();
    }

    /** What is known of a model (catalog models and NVR500/NVR510), or empty. */
    public Optional<ModelProfile> profile(String model) {
        return Optional.ofNullable(profiles.get(ModelNames.canonical(model)));
    }

    /** Every model something is known of (the reference's models, then NVR500/NVR510), in catalog order. */
    public List<String> models() {
        return List.copyOf(profiles.keySet());
    }

    /** Whether the reference covers the model, i.e. whether model-specific findings can be made. */
    public boolean coversModel(String model) {
        return model != null && catalogModels.contains(ModelNames.canonical(model));
    }

    // ---------------------------------------------------------------- checking

    /** How a line relates to the catalog; {@link #check} turns it into findings. */
    record Resolution(List<Form> matched, List<FormMatcher.Alignment> alignments, boolean negated,
                      int start, List<Form> headMatched) {
        boolean known() {
            return !headMatched.isEmpty();
        }

        boolean fullyMatched() {
            return !matched.isEmpty();
        }
    }

    Resolution resolve(List<String> words) {
        boolean negated = words.size() > 1 && words.get(0).equalsIgnoreCase("no");
        int start = negated ? 1 : 0;
        List<String> rest = words.subList(start, words.size());
        List<Form> headMatched = headMatched(new WordsToMatch(rest));
        List<Form> matched = new ArrayList<>();
        List<FormMatcher.Alignment> alignments = new ArrayList<>();
        if (!headMatched.isEmpty() && !negated) {
            for (Form f : headMatched) {
                if (f.negated()) continue;
                FormMatcher.Alignment a = FormMatcher.match(f.entry(), f.pattern(), rest, false);
                if (a != null) {
                    matched.add(f);
                    alignments.add(a);
                }
            }
        }
        return new Resolution(matched, alignments, negated, start, headMatched);
    }

    @Override
    public boolean knowsFirstWord(String word) {
        return byFirstWord.containsKey(word.toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean knowsCommand(List<String> words) {
        return !words.isEmpty() && resolve(words).known();
    }

    @Override
    public Optional<String> syntaxOf(List<String> words) {
        if (words.isEmpty()) return Optional.empty();
        Resolution r = resolve(words);
        return r.headMatched().stream().filter(f -> !f.negated()).max(Comparator.comparingInt(Form::headLength))
                .map(f -> f.pattern().display());
    }

    @Override
    public List<CatalogFinding> check(List<CatalogToken> tokens, String model, String revision) {
        if (tokens == null || tokens.isEmpty()) return List.of();
        List<String> words = new ArrayList<>(tokens.size());
        for (CatalogToken t : tokens) words.add(t.text());
        Resolution r = resolve(words);
        if (!r.known()) return unknown(tokens, words, r.start(), coversModel(model), model == null);
        if (r.negated()) {
            Form longest = r.headMatched().stream().max(Comparator.comparingInt(Form::headLength)).get();
            return modelFindings(List.of(longest), List.of(new FormMatcher.Alignment(List.of(), Map.of())), tokens, r.start(), model, revision);
        }
        if (r.fullyMatched()) {
            return modelFindings(r.matched(), r.alignments(), tokens, r.start(), model, revision);
        }
        return parameterFindings(r, tokens, words);
    }

    /** A line whose command words are known but whose parameters fit no form: report only certain faults. */
    private List<CatalogFinding> parameterFindings(Resolution r, List<CatalogToken> tokens, List<String> words) {
        int longest = r.headMatched().stream().mapToInt(f -> f.headLength()).max().orElse(0);
        List<String> rest = words.subList(r.start(), words.size());
        List<List<FormMatcher.Violation>> minimal = new ArrayList<>();
        int min = Integer.MAX_VALUE;
        for (Form f : r.headMatched()) {
            if (f.negated() || f.headLength() != longest) continue;
            FormMatcher.Alignment a = FormMatcher.match(f.entry(), f.pattern(), rest, true);
            if (a == null) continue;
            int n = a.violations().size();
            if (n < min) {
                min = n;
                minimal.clear();
            }
            if (n == min) minimal.add(a.violations());
        }
        List<CatalogFinding> out = new ArrayList<>();
        if (!minimal.isEmpty() && min > 0) {
            // report a word only if every best reading of the line finds the same fault in it
            for (FormMatcher.Violation v : minimal.get(0)) {
                boolean shared = minimal.stream().allMatch(vs -> vs.stream().anyMatch(o -> o.token() == v.token() && o.fit() == v.fit()));
                if (!shared) continue;
                CatalogToken t = tokens.get(r.start() + v.token());
                out.add(violationFinding(t, v));
            }
        }
        if (out.isEmpty()) {
            CatalogFinding note = pastedNote(r, tokens, rest, longest);
            if (note != null) return List.of(note);
            return List.of();
        }
        String near = nearCommand(words, r.start());
        if (near != null) {
            CatalogFinding f = out.get(0);
            CommandEntry meant = resolve(nearWords(words, r.start(), near)).matched().get(0).entry();
            // the command only, never the line's values (a password may be among them)
            out.set(0, new CatalogFinding(f.kind(), f.range(), f.message() + " Did you mean `" + meant.name() + "`?"
                    + meaningsOf(r.headMatched().get(0).entry(), meant)));
        }
        return out;
    }

    /**
     * A note pasted after a complete command ({@code ← from the ONU}, {@code <!-- note -->}): the first word
     * that looks like one, where the words before it are a whole command of the line's forms.
     */
    private CatalogFinding pastedNote(Resolution r, List<CatalogToken> tokens, List<String> rest, int headLength) {
        for (int k = headLength; k < rest.size(); k++) {
            if (!PastedNote.looksLikeNote(rest.get(k))) continue;
            List<String> before = rest.subList(0, k);
            for (Form f : r.headMatched()) {
                if (f.negated() || FormMatcher.match(f.entry(), f.pattern(), before, false) == null) continue;
                CatalogToken t = tokens.get(r.start() + k);
                String what = PastedNote.quotable(t.text()) ? "\"" + t.text() + "\" and what follows are" : "The words from here on are";
                return new CatalogFinding(Kind.EXTRA_WORDS, t.range(), what + " not"
                        + " part of the command: `" + f.entry().name() + "` is complete before them, and the router rejects"
                        + " a line with extra parameters, so this setting is not made. They look like a note pasted into"
                        + " the config: delete them, or keep the note on a line of its own after `#`.");
            }
            return null;
        }
        return null;
    }

    private static List<String> nearWords(List<String> words, int start, String near) {
        List<String> out = new ArrayList<>(words.subList(0, start));
        out.addAll(List.of(near.split(" ")));
        return out;
    }

    /** " (`telnet`: … ; `telnetd service`: …)" when both commands have a meaning written for them, else "". */
    private String meaningsOf(CommandEntry written, CommandEntry meant) {
        String a = meanings.get(written.name()), b = meanings.get(meant.name());
        if (a == null || b == null) return "";
        return " (`" + written.name() + "`: " + a + " `" + meant.name() + "`: " + b + ")";
    }

    /**
     * The line with its first word replaced by a near command word, when that is a whole command of the
     * reference ({@code telnet service off} → {@code telnetd service off}); null otherwise.
     */
    private String nearCommand(List<String> words, int start) {
        String first = words.get(start).toLowerCase(Locale.ROOT);
        Set<String> others = new TreeSet<>(byFirstWord.keySet());
        others.remove(first);
        String near = Spelling.closest(first, others, 2).orElse(null);
        if (near == null) return null;
        List<String> changed = new ArrayList<>(words);
        changed.set(start, near);
        return resolve(changed).fullyMatched() ? String.join(" ", changed.subList(start, changed.size())) : null;
    }

    private static CatalogFinding violationFinding(CatalogToken t, FormMatcher.Violation v) {
        boolean keyed = t.text().contains("=");
        String value = keyed ? t.text().substring(t.text().indexOf('=') + 1) : t.text();
        String slot = keyed ? t.text().substring(0, t.text().indexOf('=')) : v.param();
        if (v.fit() == ParamSpec.Fit.OUT_OF_RANGE) {
            return new CatalogFinding(Kind.OUT_OF_RANGE, t.range(), String.format(
                    "%s is out of range for %s: the reference allows %d to %d, and the router rejects the line otherwise. Use a number in that range.",
                    value, slot, v.spec().min(), v.spec().max()));
        }
        if (ParamSpec.PORT.equals(v.spec().kind())) {
            return new CatalogFinding(Kind.BAD_KEYWORD, t.range(), String.format(
                    "\"%s\" is not a port: %s takes a port number (%d to %d) or a service name such as %s, so the"
                            + " router rejects this line. Use a port.", value, slot, v.spec().min(), v.spec().max(),
                    String.join(", ", v.spec().values().subList(0, Math.min(5, v.spec().values().size())))));
        }
        return new CatalogFinding(Kind.BAD_KEYWORD, t.range(), String.format(
                "\"%s\" is not a valid %s here: the router accepts only %s, so it rejects this line. Use one of those keywords.",
                value, slot, String.join(", ", v.spec().values())));
    }

    /**
     * Unknown command: find the first word no command continues with, and suggest the nearest one.
     * For a model the reference does not cover, a word the reference lacks may still be a real command of
     * that model or of older firmware (NVR {@code analog …}), so only a near miss of a known word — a
     * likely typo — is reported; so too for an unknown first word when no model is named.
     */
    private List<CatalogFinding> unknown(List<CatalogToken> tokens, List<String> words, int start, boolean modelCovered,
                                         boolean modelUnknown) {
        List<String> rest = words.subList(start, words.size());
        List<Form> forms = byFirstWord.getOrDefault(rest.get(0).toLowerCase(Locale.ROOT), List.of());
        int depth = 0;
        Set<String> alternatives = new TreeSet<>();
        if (forms.isEmpty()) {
            alternatives.addAll(byFirstWord.keySet());
        } else {
            depth = 1;
            WordsToMatch line = new WordsToMatch(rest);
            while (true) {
                final int d = depth;
                List<Form> deeper = new ArrayList<>();
                for (Form f : forms) {
                    if (f.headLength() > d && d < rest.size() && line.fits(f, d)) deeper.add(f);
                }
                if (deeper.isEmpty()) break;
                forms = deeper;
                depth++;
            }
            if (depth >= rest.size()) return List.of(); // the line stops inside a command's words: leave it to the parser
            for (Form f : forms) {
                if (f.headLength() > depth && f.headText()[depth] != null) alternatives.add(f.headText()[depth]);
            }
        }
        CatalogToken bad = tokens.get(start + depth);
        if (CatalogToken.ANY.equals(bad.text())) return List.of(); // a template placeholder: not judged
        String prefix = String.join(" ", rest.subList(0, depth));
        String suggestion = nearest(bad.text().toLowerCase(Locale.ROOT), alternatives);
        // with no model named (a template, a snippet) a known command word followed by an unknown one is
        // unknown on every model; an unknown first word may still be a command of a model the reference
        // does not cover (NVR `analog …`), so only its near misses are reported
        boolean certain = modelCovered || modelUnknown && depth > 0;
        if (suggestion == null && !certain) return List.of();
        StringBuilder msg = new StringBuilder("Unknown command");
        // a first word is not quoted: on a terminal-wrapped line it may be the rest of a password
        if (!prefix.isEmpty()) msg.append(" \"").append(prefix).append(' ').append(bad.text()).append('"');
        msg.append(": the YAMAHA command reference has no such command, so the router will reject this line.");
        if (suggestion != null) {
            msg.append(" Did you mean \"").append(prefix.isEmpty() ? "" : prefix + " ").append(suggestion).append("\"?");
        }
        return List.of(new CatalogFinding(Kind.UNKNOWN_COMMAND, bad.range(), msg.toString()));
    }

    private static String nearest(String word, Set<String> alternatives) {
        return Spelling.closest(word, alternatives, Math.max(1, Math.min(3, word.length() / 3))).orElse(null);
    }

    /**
     * Model and firmware findings for a matched line. Several sections may share a form (BRI and PRI
     * {@code pp bind}); the line is unsupported only if every matched section rules it out.
     */
    private List<CatalogFinding> modelFindings(List<Form> matched, List<FormMatcher.Alignment> alignments,
                                               List<CatalogToken> tokens, int start, String model, String revision) {
        if (!coversModel(model)) return List.of();
        String canonical = ModelNames.canonical(model);
        Revision rev = Revision.parse(revision);
        List<CatalogFinding> first = null;
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < matched.size(); i++) {
            Form f = matched.get(i);
            if (!seen.add(f.entry().id())) continue;
            List<CatalogFinding> fs = availability(f, alignments.get(i), tokens, start, canonical, rev, revision);
            if (fs.isEmpty()) return List.of();
            if (first == null) first = fs;
        }
        return first == null ? List.of() : first;
    }

    private List<CatalogFinding> availability(Form f, FormMatcher.Alignment a, List<CatalogToken> tokens, int start,
                                              String model, Revision rev, String revisionText) {
        CommandEntry e = f.entry();
        CatalogToken firstWord = tokens.get(start);
        CatalogToken lastHead = tokens.get(Math.min(tokens.size() - 1, start + Math.max(0, f.headLength() - 1)));
        SourceRange headRange = new SourceRange(firstWord.range().startLine(), firstWord.range().startColumn(),
                lastHead.range().endLine(), lastHead.range().endColumn());
        List<CatalogFinding> out = new ArrayList<>();
        if (!e.models().contains(model)) {
            String name = e.name();
            // absence from a model line is no proof: genuine dumps show commands the line omits
            out.add(new CatalogFinding(Kind.MODEL_NOT_LISTED, headRange, String.format(
                    "the command reference lists \"%s\" for %s but not for %s. Its model lists are not always complete,"
                            + " so this may work; if the router answers this line with an error, the model does not have"
                            + " the command and the setting is missing.",
                    name, String.join(", ", e.models()), model)));
            return out;
        }
        for (RevisionLimit l : e.limits()) {
            if (l.keyword() != null || !l.appliesTo(model) || !l.excludes(rev)) continue;
            String name = e.name();
            out.add(new CatalogFinding(Kind.MODEL_UNSUPPORTED, headRange, String.format(
                    "\"%s\" is not available on %s%s: %s. The router will reject this line; update the firmware or remove it.",
                    name, model, revisionText == null ? "" : " Rev." + rev, l.describe())));
            return out;
        }
        for (RevisionLimit l : e.limits()) {
            if (l.keyword() == null || !l.appliesTo(model) || !l.excludes(rev)) continue;
            for (int i = start + f.headLength(); i < tokens.size(); i++) {
                String t = tokens.get(i).text();
                boolean uses = l.param() != null
                        ? l.param().equals(a.slots().get(i - start)) && t.equalsIgnoreCase(l.keyword())
                        : t.equalsIgnoreCase(l.keyword()) || t.toLowerCase(Locale.ROOT).startsWith(l.keyword().toLowerCase(Locale.ROOT) + "=");
                if (!uses) continue;
                String name = e.name();
                out.add(new CatalogFinding(Kind.MODEL_UNSUPPORTED, tokens.get(i).range(), String.format(
                        "\"%s\" of \"%s\" is not available on %s%s: %s. The router will reject this line; update the firmware or use another value.",
                        l.keyword(), name, model, rev == null ? "" : " Rev." + rev, l.describe())));
                break;
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- completion and hover

    /** A completion candidate: the word to insert, a short English label, and what it is. */
    public record Completion(String text, String label, Type type) {
        public enum Type { COMMAND_WORD, KEYWORD, PARAMETER }
    }

    /**
     * Candidates for the word after {@code wordsBefore} (the words already typed on the line).
     * {@code context} is the select context ("pp", "tunnel" or null): commands of that context come first.
     */
    public List<Completion> completions(List<String> wordsBefore, String context) {
        Map<String, Completion> out = new LinkedHashMap<>();
        List<String> words = wordsBefore;
        if (!words.isEmpty() && words.get(0).equalsIgnoreCase("no")) words = words.subList(1, words.size());
        if (words.isEmpty()) return firstWords.computeIfAbsent(context == null ? "" : context, this::firstWordCompletions);
        List<Form> forms = byFirstWord.getOrDefault(words.get(0).toLowerCase(Locale.ROOT), List.of());
        for (Form f : forms) {
            if (f.negated()) continue;
            for (FormMatcher.Next n : FormMatcher.next(f.entry(), f.pattern(), words)) {
                SyntaxPattern.Word w = n.word();
                if (w.isLiteral()) {
                    Completion.Type type = n.commandWord() ? Completion.Type.COMMAND_WORD : Completion.Type.KEYWORD;
                    out.putIfAbsent(w.literalText(), new Completion(w.literalText(),
                            n.commandWord() ? "command " + f.entry().name() : "keyword of " + f.entry().name(), type));
                    continue;
                }
                String param = w.soleParam();
                ParamSpec spec = param == null ? null : f.entry().param(param);
                if (spec != null && ParamSpec.KEYWORD.equals(spec.kind()) && !w.loose()) {
                    for (String v : spec.values()) {
                        out.putIfAbsent(v, new Completion(v, param + " of " + f.entry().name(), Completion.Type.KEYWORD));
                    }
                } else if (w.parts().get(0) instanceof SyntaxPattern.Literal lit && !w.loose()) {
                    // key=value: offer the key
                    out.putIfAbsent(lit.text(), new Completion(lit.text(), "option of " + f.entry().name(), Completion.Type.KEYWORD));
                } else {
                    String label = param == null ? w.toString() : param + ": " + (spec == null ? "value" : spec.describe());
                    String text = "<" + (param == null ? "value" : param) + ">";
                    out.putIfAbsent(text, new Completion(text, label, Completion.Type.PARAMETER));
                }
            }
        }
        return List.copyOf(out.values());
    }

    /** Every first word of a command, those of the select context ({@code ""}: none) first. */
    private List<Completion> firstWordCompletions(String context) {
        List<String> firsts = new ArrayList<>(new TreeSet<>(byFirstWord.keySet()));
        if (!context.isEmpty()) firsts.sort(Comparator.comparing(w -> w.equals(context) || w.equals("ip") ? 0 : 1));
        List<Completion> out = new ArrayList<>(firsts.size());
        for (String w : firsts) out.add(new Completion(w, commandCountLabel(w), Completion.Type.COMMAND_WORD));
        return List.copyOf(out);
    }

    private String commandCountLabel(String first) {
        Set<String> ids = new TreeSet<>();
        for (Form f : byFirstWord.get(first)) ids.add(f.entry().id());
        return ids.size() == 1 ? "command" : ids.size() + " commands";
    }

    /**
     * Facts about the command a line uses, for hover: syntax, parameters, models, revision limits and,
     * for common commands, a one-sentence meaning. Empty when the line's command is unknown.
     * Never includes the line's own values (they may be secrets).
     */
    public Optional<CommandDescription> describe(List<CatalogToken> tokens) {
        return describe(tokens, null);
    }

    /**
     * As {@link #describe(List)}, and when several reference sections share the line's form (the BRI and the
     * PRI {@code pp bind}), the one that lists {@code model} (the config's model; null: the first).
     */
    public Optional<CommandDescription> describe(List<CatalogToken> tokens, String model) {
        if (tokens == null || tokens.isEmpty()) return Optional.empty();
        List<String> words = new ArrayList<>();
        for (CatalogToken t : tokens) words.add(t.text());
        Resolution r = resolve(words);
        if (!r.known()) return Optional.empty();
        List<Form> candidates;
        if (r.fullyMatched()) {
            candidates = r.matched();
        } else {
            int longest = r.headMatched().stream().mapToInt(f -> f.headLength()).max().orElse(0);
            candidates = r.headMatched().stream().filter(f -> f.headLength() == longest).toList();
        }
        String canonical = model == null ? null : ModelNames.canonical(model);
        CommandEntry e = candidates.stream().map(Form::entry).filter(x -> canonical != null && x.models().contains(canonical))
                .findFirst().orElse(candidates.get(0).entry());
        return Optional.of(describe(e));
    }

    /**
     * How many leading words of a line name its command ({@code ip pp nat descriptor} of
     * {@code ip pp nat descriptor 1000}; an optional {@code no} included), or 0 when the command is unknown.
     */
    @Override
    public int commandWordCount(List<String> words) {
        if (words == null || words.isEmpty()) return 0;
        Resolution r = resolve(words);
        if (!r.known()) return 0;
        List<Form> forms = r.fullyMatched() ? r.matched() : r.headMatched();
        return r.start() + forms.stream().mapToInt(f -> f.headLength()).max().orElse(0);
    }

    CommandDescription describe(CommandEntry e) {
        List<String> syntax = new ArrayList<>();
        for (SyntaxPattern p : e.forms()) syntax.add(p.display());
        for (SyntaxPattern p : e.noForms()) syntax.add("no " + p.display());
        Map<String, String> params = new LinkedHashMap<>();
        for (Map.Entry<String, ParamSpec> p : e.params().entrySet()) params.put(p.getKey(), p.getValue().describe());
        List<String> limits = new ArrayList<>();
        for (RevisionLimit l : e.limits()) {
            limits.add(l.keyword() == null ? l.describe() : "\"" + l.keyword() + "\": " + l.describe());
        }
        return new CommandDescription(e.name(), meanings.get(e.name()), syntax, params, e.models(), limits, e.id());
    }

    /** The catalog entry whose command words are exactly {@code name} (e.g. "nat descriptor type"). */
    Optional<CommandEntry> entry(String name) {
        return entries().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Every command, decoded. */
    List<CommandEntry> entries() {
        List<CommandEntry> out = new ArrayList<>(commands.size());
        for (Command c : commands) out.add(c.entry());
        return out;
    }
}
