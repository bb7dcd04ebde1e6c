package dev.routerls.core.edit;

import dev.routerls.core.LineIndex;
import dev.routerls.core.TextEdit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies {@link TextEdit}s to one document's text. Edits are turned into character offsets, sorted and
 * checked: two edits that overlap, or two that insert at the same offset, are a conflict (their result
 * would depend on an order nobody chose), never merged. Inserted text gets the document's own line
 * terminator. A position on the line after the last one means "at the end, on a line of its own", so an
 * edit that adds a line after a last line without a terminator first ends that line.
 */
public final class DocumentEdits {
    private DocumentEdits() {
    }

    /** The edits as sorted, non-overlapping offset edits on {@code text}; throws on a conflict. */
    public static List<OffsetEdit> resolve(String text, List<TextEdit> edits) {
        LineIndex index = new LineIndex(text);
        LineEnding eol = LineEnding.of(text);
        List<OffsetEdit> out = new ArrayList<>();
        for (TextEdit e : edits) {
            int start = index.offset(e.range().startLine(), e.range().startColumn());
            int end = index.offset(e.range().endLine(), e.range().endColumn());
            if (end < start) throw new EditConflictException("edit ends before it starts: " + e.range());
            String newText = eol.convert(e.newText());
            boolean pastEnd = e.range().startLine() >= index.lineCount();
            if (pastEnd && !newText.isEmpty() && !text.isEmpty() && !endsWithTerminator(text)) {
                newText = eol.text() + newText;
            }
            out.add(new OffsetEdit(start, end, newText));
        }
        out.sort(Comparator.comparingInt(OffsetEdit::start).thenComparingInt(OffsetEdit::end));
        for (int i = 1; i < out.size(); i++) {
            OffsetEdit a = out.get(i - 1);
            OffsetEdit b = out.get(i);
            if (b.start() < a.end() || b.start() == a.start() && (a.isInsertion() || b.isInsertion())) {
                throw new EditConflictException("edits at offsets " + a.start() + "-" + a.end() + " and "
                        + b.start() + "-" + b.end() + " overlap");
            }
        }
        return out;
    }

    /**
     * The same edits as an editor applies them, verbatim: inserted text in the document's terminator, and
     * a position past the last line turned into the end of the text (ending that line first when needed).
     * For clients that apply edits themselves (the language server's quick fixes).
     */
    public static List<TextEdit> exact(String text, List<TextEdit> edits) {
        LineIndex index = new LineIndex(text);
        LineEnding eol = LineEnding.of(text);
        int lastLine = index.lineCount() - 1;
        int lastColumn = index.line(lastLine).length();
        List<TextEdit> out = new ArrayList<>();
        for (TextEdit e : edits) {
            String newText = eol.convert(e.newText());
            dev.routerls.core.SourceRange r = e.range();
            if (r.startLine() > lastLine) {
                if (!newText.isEmpty() && !text.isEmpty() && !endsWithTerminator(text)) newText = eol.text() + newText;
                r = dev.routerls.core.SourceRange.of(lastLine, lastColumn, lastColumn);
            } else if (r.endLine() > lastLine) {
                r = new dev.routerls.core.SourceRange(r.startLine(), r.startColumn(), lastLine, lastColumn);
            }
            out.add(new TextEdit(e.uri(), r, newText));
        }
        return out;
    }

    /** True when the two sets of edits can be applied together to {@code text}. */
    public static boolean compatible(String text, List<TextEdit> accepted, List<TextEdit> more) {
        List<TextEdit> all = new ArrayList<>(accepted);
        all.addAll(more);
        try {
            resolve(text, all);
            return true;
        } catch (EditConflictException e) {
            return false;
        }
    }

    /** {@code text} with {@code edits} applied; throws {@link EditConflictException} on overlapping edits. */
    public static String apply(String text, List<TextEdit> edits) {
        return applyResolved(text, resolve(text, edits));
    }

    /** {@code text} with already resolved (sorted, non-overlapping) edits applied. */
    public static String applyResolved(String text, List<OffsetEdit> edits) {
        StringBuilder sb = new StringBuilder(text.length() + 64);
        int at = 0;
        for (OffsetEdit e : edits) {
            sb.append(text, at, e.start()).append(e.text());
            at = e.end();
        }
        return sb.append(text, at, text.length()).toString();
    }

    private static boolean endsWithTerminator(String text) {
        char c = text.charAt(text.length() - 1);
        return c == '\n' || c == '\r';
    }
}
