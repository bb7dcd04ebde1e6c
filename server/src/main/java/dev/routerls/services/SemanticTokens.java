package dev.routerls.services;

import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.feature.SemanticTokensParticipant;
import dev.routerls.services.types.SemanticToken;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Semantic tokens: the participants' tokens in document order without overlaps (the encoding editors read needs both). */
final class SemanticTokens {
    private final Languages languages;

    SemanticTokens(Languages languages) {
        this.languages = languages;
    }

    List<SemanticToken> tokens(FeatureContext c) {
        List<SemanticToken> all = languages.<SemanticTokensParticipant, SemanticToken>collect(c, SemanticTokensParticipant.class,
                p -> p.tokens(c));
        all.sort(Comparator.comparingInt(SemanticToken::line).thenComparingInt(SemanticToken::column));
        List<SemanticToken> out = new ArrayList<>(all.size());
        SemanticToken last = null;
        for (SemanticToken t : all) {
            if (t.length() <= 0) continue;
            if (last != null && last.line() == t.line() && t.column() < last.column() + last.length()) continue;
            out.add(t);
            last = t;
        }
        return out;
    }
}
