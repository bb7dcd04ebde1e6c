package dev.routerls.yamaha;

import dev.routerls.yamaha.model.SelectContext;

import java.util.List;
import java.util.Optional;

/**
 * The logical lines of one version of a document in order (with their parse results and select contexts)
 * and the embedded file contents set aside from them: what the editor reads about a line without the
 * model of the whole config.
 */
public record DocumentLines(List<ConfigLine> lines, List<EmbeddedText> embeddedTexts) {
    /** The embedded file content covering a 0-based document line, if any. */
    public Optional<EmbeddedText> embeddedTextAt(int line) {
        for (EmbeddedText t : embeddedTexts) if (t.contains(line)) return Optional.of(t);
        return Optional.empty();
    }

    /** The logical line covering a 0-based document line, if any. */
    public Optional<ConfigLine> lineAt(int line) {
        int lo = 0, hi = lines.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            ConfigLine l = lines.get(mid);
            if (l.lastLine() < line) lo = mid + 1;
            else if (l.firstLine() > line) hi = mid - 1;
            else return Optional.of(l);
        }
        return Optional.empty();
    }

    /** The select context in force at a 0-based document line (past the last line: the end of the document). */
    public SelectContext contextAt(int line) {
        Optional<ConfigLine> at = lineAt(line);
        if (at.isPresent()) return at.get().context();
        SelectContext ctx = SelectContext.NONE;
        for (ConfigLine l : lines) {
            if (l.firstLine() > line) break;
            ctx = l.context();
        }
        return ctx;
    }
}
