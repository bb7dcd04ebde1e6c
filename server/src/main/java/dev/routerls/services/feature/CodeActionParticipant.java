package dev.routerls.services.feature;

import dev.routerls.core.SourceRange;
import dev.routerls.services.types.ActionOffer;

import java.util.List;

/**
 * Actions a language offers at a range beyond the quick fixes its rules attach to findings. An offer's
 * edits are computed only when the user picks it.
 */
public interface CodeActionParticipant {
    List<ActionOffer> actions(FeatureContext context, SourceRange range);
}
