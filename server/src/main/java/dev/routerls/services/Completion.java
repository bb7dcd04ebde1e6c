package dev.routerls.services;

import dev.routerls.services.feature.CompletionParticipant;
import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.types.CompletionEntry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Completion: every participant's proposals for the document's language, in their order, each label once. */
final class Completion {
    private final Languages languages;

    Completion(Languages languages) {
        this.languages = languages;
    }

    List<CompletionEntry> complete(FeatureContext c, int line, int column) {
        Map<String, CompletionEntry> out = new LinkedHashMap<>();
        for (CompletionParticipant p : languages.of(c.language(), CompletionParticipant.class)) {
            for (CompletionEntry e : p.complete(c, line, column)) out.putIfAbsent(e.label(), e);
        }
        return List.copyOf(out.values());
    }
}
