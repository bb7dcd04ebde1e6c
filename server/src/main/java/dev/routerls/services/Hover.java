package dev.routerls.services;

import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.feature.HoverParticipant;
import dev.routerls.services.types.HoverText;

import java.util.Optional;

/** Hover: the first participant that has something to say about the position. */
final class Hover {
    private final Languages languages;

    Hover(Languages languages) {
        this.languages = languages;
    }

    Optional<HoverText> hover(FeatureContext c, int line, int column) {
        return languages.first(c, HoverParticipant.class, p -> p.hover(c, line, column));
    }
}
