package dev.routerls.services;

import dev.routerls.core.SourceRange;
import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.feature.SelectionRangeParticipant;

import java.util.List;

/** Expand selection: the first participant's ranges around the position, else the line and the document. */
final class SelectionRanges {
    private final Languages languages;

    SelectionRanges(Languages languages) {
        this.languages = languages;
    }

    /** The ranges around the position, innermost first; at least the whole document. */
    List<SourceRange> enclosing(FeatureContext c, int line, int column) {
        for (SelectionRangeParticipant p : languages.of(c.language(), SelectionRangeParticipant.class)) {
            List<SourceRange> r = p.enclosing(c, line, column);
            if (!r.isEmpty()) return r;
        }
        int last = c.lines().lineCount() - 1;
        SourceRange lineRange = SourceRange.of(line, 0, c.lines().line(line).length());
        return List.of(lineRange, new SourceRange(0, 0, last, c.lines().line(last).length()));
    }
}
