package dev.routerls.services.feature;

import dev.routerls.services.types.SemanticToken;

import java.util.List;

/** What each word of the document is, as the grammar and the model read it, in document order. */
public interface SemanticTokensParticipant {
    List<SemanticToken> tokens(FeatureContext context);
}
