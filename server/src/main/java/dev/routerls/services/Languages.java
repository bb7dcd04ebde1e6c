package dev.routerls.services;

import dev.routerls.core.LanguageId;
import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.feature.LanguageSupport;
import dev.routerls.services.mape.SnatActions;
import dev.routerls.services.uci.FirewallUserLanguage;
import dev.routerls.services.uci.UciLanguage;
import dev.routerls.services.yamaha.YamahaLanguage;
import dev.routerls.yamaha.catalog.CommandCatalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which participants serve which language: the one place that lists the languages. A feature class asks
 * here for the participants of its own interface; it never switches on the language.
 */
final class Languages {
    private final Map<LanguageId, LanguageSupport> byLanguage = new EnumMap<>(LanguageId.class);

    Languages(List<LanguageSupport> supports) {
        for (LanguageSupport s : supports) {
            for (LanguageId id : s.languages()) byLanguage.put(id, s);
        }
    }

    static Languages standard() {
        SnatActions snat = new SnatActions();
        return new Languages(List.of(
                YamahaLanguage.support(CommandCatalog.standard()),
                UciLanguage.support(snat),
                FirewallUserLanguage.support(snat)));
    }

    <P> List<P> of(LanguageId language, Class<P> feature) {
        LanguageSupport s = byLanguage.get(language);
        return s == null ? List.of() : s.all(feature);
    }

    /** The first answer a participant of {@code feature} for the document's language has, in their order. */
    <P, T> Optional<T> first(FeatureContext c, Class<P> feature, Function<P, Optional<T>> ask) {
        for (P p : of(c.language(), feature)) {
            Optional<T> answer = ask.apply(p);
            if (answer.isPresent()) return answer;
        }
        return Optional.empty();
    }

    /** What each participant of {@code feature} for the document's language gives, in their order. */
    <P, T> List<T> collect(FeatureContext c, Class<P> feature, Function<P, ? extends Collection<? extends T>> ask) {
        List<T> out = new ArrayList<>();
        for (P p : of(c.language(), feature)) out.addAll(ask.apply(p));
        return out;
    }
}
