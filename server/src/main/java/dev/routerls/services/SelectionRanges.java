package dev.routerls.services;

import dev.routerls.core.SourceRange;
import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.feature.SelectionRangeParticipant;

import java.util.List;
import java.util.Optional;

/** Expand selection: the first participant's ranges around the position, else the line and the document. */
final class SelectionRanges {
    private final Languages languages;

    SelectionRanges(Languages languages) {
        this.languages = languages;
    }

    /** The ranges around the position, innermost first; at least the whole document. */
    List<SourceRange> enclosing(FeatureContext c, int line, int column) {
        return languages.<SelectionRangeParticipant, List<SourceRange>>first(c, SelectionRangeParticipant.class,
                p -> Optional.of(p.enclosing(c, line, column)).filter(r -> !r.isEmpty())).orElseGet(() -> {
            int last = c.lines().lineCount() - 1;
            SourceRange lineRange = SourceRange.of(line, 0, c.lines().line(line).length());
            return List.of(lineRange, new SourceRange(0, 0, last, c.lines().line(last).length()));
        });
    }
}
