package dev.routerls.services;

import dev.routerls.core.SourceRange;
import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.feature.InlayHintParticipant;
import dev.routerls.services.types.InlayHint;

import java.util.Comparator;
import java.util.List;

/** Inlay hints: every participant's hints in the range, in document order. */
final class InlayHints {
    private final Languages languages;

    InlayHints(Languages languages) {
        this.languages = languages;
    }

    List<InlayHint> hints(FeatureContext c, SourceRange range) {
        List<InlayHint> out = languages.<InlayHintParticipant, InlayHint>collect(c, InlayHintParticipant.class, p -> p.hints(c, range));
        out.sort(Comparator.comparingInt(InlayHint::line).thenComparingInt(InlayHint::column));
        return out;
    }
}
