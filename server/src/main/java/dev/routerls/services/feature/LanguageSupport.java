package dev.routerls.services.feature;

import dev.routerls.core.LanguageId;

import java.util.List;

/**
 * What one language contributes to the editor features: its participants (objects implementing the
 * feature interfaces of this package, e.g. {@link CompletionParticipant}). Each feature asks for the
 * participants of its own interface, so adding a feature to a language is adding a class here.
 */
public record LanguageSupport(List<LanguageId> languages, List<Object> participants) {
    public LanguageSupport {
        languages = List.copyOf(languages);
        participants = List.copyOf(participants);
    }

    /** The participants that implement {@code feature}, in registration order. */
    public <P> List<P> all(Class<P> feature) {
        return participants.stream().filter(feature::isInstance).map(feature::cast).toList();
    }
}
