package dev.routerls.services;

import dev.routerls.core.SourceRange;
import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.feature.InlayHintParticipant;
import dev.routerls.services.feature.LinkParticipant;
import dev.routerls.services.feature.SelectionRangeParticipant;
import dev.routerls.services.feature.SemanticTokensParticipant;
import dev.routerls.services.types.DocumentLink;
import dev.routerls.services.types.InlayHint;
import dev.routerls.services.types.SemanticToken;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What an editor draws over the text rather than asks about: inlay hints, semantic tokens, document links
 * and the nested selection ranges, each gathered from the language's participants.
 */
final class Decorations {
    private final Languages languages;

    Decorations(Languages languages) {
        this.languages = languages;
    }

    List<InlayHint> inlayHints(FeatureContext c, SourceRange range) {
        List<InlayHint> out = new ArrayList<>();
        for (InlayHintParticipant p : languages.of(c.language(), InlayHintParticipant.class)) out.addAll(p.hints(c, range));
        out.sort(Comparator.comparingInt(InlayHint::line).thenComparingInt(InlayHint::column));
        return out;
    }

    /** Tokens in document order without overlaps (the encoding editors read needs both). */
    List<SemanticToken> semanticTokens(FeatureContext c) {
        List<SemanticToken> all = new ArrayList<>();
        for (SemanticTokensParticipant p : languages.of(c.language(), SemanticTokensParticipant.class)) all.addAll(p.tokens(c));
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

    List<DocumentLink> links(FeatureContext c) {
        List<DocumentLink> out = new ArrayList<>();
        for (LinkParticipant p : languages.of(c.language(), LinkParticipant.class)) out.addAll(p.links(c));
        return out;
    }

    /** The ranges around the position, innermost first; at least the whole document. */
    List<SourceRange> selectionRanges(FeatureContext c, int line, int column) {
        for (SelectionRangeParticipant p : languages.of(c.language(), SelectionRangeParticipant.class)) {
            List<SourceRange> r = p.enclosing(c, line, column);
            if (!r.isEmpty()) return r;
        }
        int last = c.lines().lineCount() - 1;
        SourceRange lineRange = SourceRange.of(line, 0, c.lines().line(line).length());
        return List.of(lineRange, new SourceRange(0, 0, last, c.lines().line(last).length()));
    }
}
