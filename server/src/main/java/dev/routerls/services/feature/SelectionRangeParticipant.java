package dev.routerls.services.feature;

import dev.routerls.core.SourceRange;

import java.util.List;

/** The nested ranges around a position (word, line, block …), innermost first, for expand selection. */
public interface SelectionRangeParticipant {
    List<SourceRange> enclosing(FeatureContext context, int line, int column);
}
