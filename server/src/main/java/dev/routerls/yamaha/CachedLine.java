package dev.routerls.yamaha;

import dev.routerls.yamaha.catalog.CatalogFinding;
import dev.routerls.yamaha.catalog.CatalogToken;
import dev.routerls.yamaha.catalog.CommandChecker;
import dev.routerls.yamaha.model.LinePositions;
import dev.routerls.yamaha.parse.ParsedLine;
import dev.routerls.yamaha.parse.Word;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The work done on one line text that does not depend on where the line stands: its parse and its
 * catalog findings. Findings are kept relative to line 0 and moved to the line's place on use, so a line
 * that only moved (a line inserted above it) is not checked again. The catalog results of the last few
 * (model, revision, wrap splits) are remembered, since documents of different models share lines (see
 * {@link LineCache}); most lines are clean and share one result per (model, revision). Safe to share
 * between concurrent analyses: the memos are replaced whole, and a race only repeats a check.
 */
final class CachedLine {
    private static final int[] NO_SPLITS = new int[0];
    /** Catalog results remembered per line. */
    private static final int MEMOS = 4;

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
    /** How many kept document versions use this line; {@link LineCache} counts them under its lock. */
    int uses;
    /** One {@link CatalogMemo}, or an array of a few, newest first (a line has one in the common case). */
    private volatile Object memos;
    /** Whether the catalog knows the command when the line is read alone without a model (wrap joining). */
    private volatile Boolean unknownCommand;

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
    private static final Map<List<String>, CatalogMemo> CLEAN = new ConcurrentHashMap<>();

    private static CatalogMemo shared(CatalogMemo clean) {
        // keyed by the pair; bounded, as a document may name any revision
        if (CLEAN.size() > 64) CLEAN.clear();
        return CLEAN.computeIfAbsent(Arrays.asList(clean.model(), clean.revision()), k -> clean);
    }

    /** Whether the catalog, with no model, calls this line an unknown command. */
    boolean unknownCommand(CommandChecker checker) {
        Boolean u = unknownCommand;
        if (u == null) {
            u = parsed.command() != null && check(checker, new LinePositions(0, NO_SPLITS), null, null).stream()
                    .anyMatch(f -> f.kind() == CatalogFinding.Kind.UNKNOWN_COMMAND);
            unknownCommand = u;
        }
        return u;
    }

    /** Runs the catalog over the line; a failing checker must not take the analysis down. */
    private List<CatalogFinding> check(CommandChecker checker, LinePositions at, String model, String revision) {
        List<CatalogToken> tokens = new ArrayList<>(parsed.wordCount());
        for (int i = 0; i < parsed.wordCount(); i++) {
            Word w = parsed.word(i);
            tokens.add(new CatalogToken(w.text(), at.range(w)));
        }
        try {
            List<CatalogFinding> found = checker.check(tokens, model, revision);
            return found == null || found.isEmpty() ? List.of() : List.copyOf(found);
        } catch (RuntimeException e) {
            return List.of();
        }
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
