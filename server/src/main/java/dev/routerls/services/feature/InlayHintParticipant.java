package dev.routerls.services.feature;

import dev.routerls.core.SourceRange;
import dev.routerls.services.types.InlayHint;

import java.util.List;

/** Computed values shown beside the text that needs them, for the lines of {@code range}. */
public interface InlayHintParticipant {
    List<InlayHint> hints(FeatureContext context, SourceRange range);
}
