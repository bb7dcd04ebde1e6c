package dev.routerls.services.feature;

import dev.routerls.services.types.HoverText;

import java.util.Optional;

/** What to show when the pointer rests on a position. */
public interface HoverParticipant {
    Optional<HoverText> hover(FeatureContext context, int line, int column);
}
