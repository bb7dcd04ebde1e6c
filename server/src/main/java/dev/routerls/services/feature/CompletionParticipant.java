package dev.routerls.services.feature;

import dev.routerls.services.types.CompletionEntry;

import java.util.List;

/** Completion proposals at a position, most likely first. */
public interface CompletionParticipant {
    List<CompletionEntry> complete(FeatureContext context, int line, int column);
}
