package dev.routerls.yamaha;

import dev.routerls.core.BoundedCache;
import dev.routerls.grammar.YamahaLexer;
import dev.routerls.yamaha.catalog.CatalogFinding;
import dev.routerls.yamaha.catalog.CatalogToken;
import dev.routerls.yamaha.catalog.CommandChecker;
import dev.routerls.yamaha.model.LinePositions;
import dev.routerls.yamaha.parse.ExplicitShape;
import dev.routerls.yamaha.parse.ParsedLine;
import dev.routerls.yamaha.parse.Word;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The work done on one line text that does not depend on where the line stands: its parse and its
 * catalog findings. Findings are kept relative to line 0 and moved to the line's place on use, so a line
 * that only moved (a line inserted above it) is not checked again. The catalog results of the last few
 * (model, revision, wrap splits) are remembered, since documents of different models share lines (see
 * {@link LineCache}); most lines are clean and share one result per (model, revision). Safe to share
 * between concurrent analyses: the memos are replaced whole, and a race only repeats a check.
 * <p>Every line of every open document has one, so it is small: the lazily computed answers share a byte.
 */
final class CachedLine {
    /** Catalog results remembered per line. */
    private static final int MEMOS = 4;
    /** Two bits per lazily computed answer in {@link #answers}: not yet asked, false, true. */
    private static final int UNKNOWN_COMMAND = 0, COMMENTED_COMMAND = 2, ASKED = 2, TRUE = 1;

    /** What {@link #findings} computed, and for which inputs. */
    private record CatalogMemo(String model, String revision, int[] splits, List<CatalogFinding> relative) {
        boolean answers(String model, String revision, int[] splits) {
            return Objects.equals(this.model, model) && Objects.equals(this.revision, revision)
                    && Arrays.equals(this.splits, splits);
        }
    }

    final ParsedLine parsed;
    /** Whether the line is as wide as a terminal row that wraps, so the next line may continue it. */
    final boolean atWrapWidth;
    /** One {@link CatalogMemo}, or an array of a few, newest first (a line has one in the common case). */
    private volatile Object memos;
    /**
     * Whether the catalog knows no command the line starts like, read alone without a model (wrap joining),
     * and, for a comment line, whether its text after {@code #} is a command the catalog knows (a console log).
     */
    private volatile byte answers;

    CachedLine(ParsedLine parsed) {
        this.parsed = parsed;
        this.atWrapWidth = WrapWidth.atWrapWidth(parsed.text());
    }

    /** The catalog findings of this line as it stands at {@code pos}; empty for a line without a command. */
    List<CatalogFinding> findings(CommandChecker checker, LinePositions pos, String model, String revision) {
        if (parsed.command() == null) return List.of();
        CatalogMemo m = memo(model, revision, pos.splits());
        if (m == null) {
            m = new CatalogMemo(model, revision, pos.splits(),
                    check(checker, new LinePositions(0, pos.splits()), model, revision));
            if (m.relative().isEmpty() && m.splits().length == 0) m = shared(m);
            remember(m);
        }
        return moved(m.relative(), pos.firstLine());
    }

    private CatalogMemo memo(String model, String revision, int[] splits) {
        Object m = memos;
        if (m instanceof CatalogMemo one) return one.answers(model, revision, splits) ? one : null;
        if (m instanceof CatalogMemo[] few) {
            for (CatalogMemo x : few) if (x.answers(model, revision, splits)) return x;
        }
        return null;
    }

    private void remember(CatalogMemo memo) {
        Object m = memos;
        if (m == null) {
            memos = memo;
            return;
        }
        CatalogMemo[] was = m instanceof CatalogMemo one ? new CatalogMemo[]{one} : (CatalogMemo[]) m;
        CatalogMemo[] now = new CatalogMemo[Math.min(was.length + 1, MEMOS)];
        now[0] = memo;
        System.arraycopy(was, 0, now, 1, now.length - 1);
        memos = now;
    }

    /**
     * Most lines are unwrapped and clean: they share one memo per (model, revision) instead of holding
     * their own, which saves an object per line across all open documents.
     */
    private static final BoundedCache<List<String>, CatalogMemo> CLEAN = new BoundedCache<>(64);

    private static CatalogMemo shared(CatalogMemo clean) {
        // keyed by the pair; bounded, as a document may name any revision
        return CLEAN.get(Arrays.asList(clean.model(), clean.revision()), () -> clean);
    }

    /** The answer kept at {@code shift} in {@link #answers}, computed by {@code ask} the first time. */
    private boolean answer(int shift, java.util.function.BooleanSupplier ask) {
        int state = answers >> shift & 3;
        if (state != 0) return state == (ASKED | TRUE);
        boolean yes = ask.getAsBoolean();
        // a race between two answers may drop one of them: it is only asked again
        answers = (byte) (answers | (ASKED | (yes ? TRUE : 0)) << shift);
        return yes;
    }

    /**
     * Whether this comment line is a known command after {@code #} ({@code # ip route default gateway pp 1}).
     * {@code parse} reads the comment's text, once per line text.
     */
    boolean commentedCommand(CommandChecker checker, java.util.function.Function<String, ParsedLine> parse) {
        return answer(COMMENTED_COMMAND, () -> {
            String body = parsed.commentBody();
            if (!parsed.isBlankOrComment() || body == null || body.isBlank()) return false;
            ParsedLine p = parse.apply(body.strip());
            if (p.command() == null || p.error() != null) return false;
            List<String> words = new ArrayList<>(p.wordCount());
            for (int i = 0; i < p.wordCount(); i++) words.add(p.word(i).text());
            try {
                return checker.knowsCommand(words);
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    /** Whether the checker knows no command (on any model) that this line's words start like. */
    boolean unknownCommand(CommandChecker checker) {
        return answer(UNKNOWN_COMMAND, () -> {
            if (parsed.command() == null) return false;
            List<String> words = new ArrayList<>(parsed.wordCount());
            for (int i = 0; i < parsed.wordCount(); i++) words.add(parsed.word(i).text());
            try {
                return !checker.knowsCommand(words);
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    /** Runs the catalog over the line; a failing checker must not take the analysis down. */
    private List<CatalogFinding> check(CommandChecker checker, LinePositions at, String model, String revision) {
        List<CatalogToken> tokens = new ArrayList<>(parsed.wordCount());
        for (int i = 0; i < parsed.wordCount(); i++) {
            Word w = parsed.word(i);
            tokens.add(w.type() == YamahaLexer.PLACEHOLDER ? CatalogToken.placeholder(at.range(w))
                    : new CatalogToken(w.text(), at.range(w)));
        }
        List<CatalogFinding> found;
        try {
            found = checker.check(tokens, model, revision);
        } catch (RuntimeException e) {
            found = List.of();
        }
        if (found == null) found = List.of();
        CatalogFinding shape = shapeFinding(checker, tokens, at);
        if (shape != null && found.stream().noneMatch(f -> f.kind().isSyntax())) {
            found = new ArrayList<>(found);
            found.add(0, shape);
        }
        return found.isEmpty() ? List.of() : List.copyOf(found);
    }

    /**
     * The fault of a line that starts like a command the grammar reads itself but is not of its shape, unless
     * the catalog knows a longer command the line is (a longer reference command wins over an explicit rule
     * that merely shares its first words: {@code ipsec tunnel outer df-bit} is not {@code ipsec tunnel}).
     */
    private CatalogFinding shapeFinding(CommandChecker checker, List<CatalogToken> tokens, LinePositions at) {
        ExplicitShape s = parsed.shape();
        if (s == null) return null;
        List<String> words = new ArrayList<>(tokens.size());
        for (CatalogToken t : tokens) words.add(t.text());
        try {
            if (checker.commandWordCount(words) > s.commandWords()) return null;
        } catch (RuntimeException e) {
            return null;
        }
        String command = String.join(" ", words.subList(0, Math.min(s.commandWords(), words.size())));
        if (s.kind() == ExplicitShape.Kind.EXTRA_WORDS) {
            String what = s.word() == null ? "The words from here on are" : "\"" + s.word() + "\" and what follows are";
            return new CatalogFinding(CatalogFinding.Kind.EXTRA_WORDS, at.range(s.start(), s.end()), what
                    + " not part of the command: `" + command + "` is complete before them, and the router rejects a"
                    + " line with extra parameters, so this setting is not made. " + (s.note()
                    ? "They look like a note pasted into the config: delete them, or keep the note on a line of its own after `#`."
                    : "Delete them, or correct the line to the command's form."));
        }
        String form = s.form() != null ? s.form() : checker.syntaxOf(words).orElse(command + " …");
        return new CatalogFinding(CatalogFinding.Kind.WRONG_FORM, at.range(s.start(), s.end()),
                "this line cannot be read as a command: its parameters do not have the expected form `" + form
                        + "`. The router would reject it; correct or remove it." + (s.hint() == null ? "" : " " + s.hint()));
    }

    private static List<CatalogFinding> moved(List<CatalogFinding> relative, int lines) {
        if (lines == 0 || relative.isEmpty()) return relative;
        List<CatalogFinding> out = new ArrayList<>(relative.size());
        for (CatalogFinding f : relative) {
            out.add(new CatalogFinding(f.kind(), f.range().shiftLines(lines), f.message()));
        }
        return out;
    }
}
