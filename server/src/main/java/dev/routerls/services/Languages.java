package dev.routerls.services;

import dev.routerls.core.LanguageId;
import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.feature.LanguageSupport;
import dev.routerls.services.mape.SnatActions;
import dev.routerls.services.trace.TraceLanguages;
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
 * here for the participants of its own interface; it never switches on the language. A language may have
 * several supports (its own features, and the packet trace's); their participants count in the order given.
 */
final class Languages {
    private final Map<LanguageId, List<LanguageSupport>> byLanguage = new EnumMap<>(LanguageId.class);

    Languages(List<LanguageSupport> supports) {
        for (LanguageSupport s : supports) {
            for (LanguageId id : s.languages()) byLanguage.computeIfAbsent(id, k -> new ArrayList<>()).add(s);
        }
    }

    static Languages standard() {
        SnatActions snat = new SnatActions();
        List<LanguageSupport> supports = new ArrayList<>(List.of(
                YamahaLanguage.support(CommandCatalog.standard()),
                UciLanguage.support(snat),
                FirewallUserLanguage.support(snat)));
        supports.addAll(TraceLanguages.supports());
        return new Languages(supports);
    }

    <P> List<P> of(LanguageId language, Class<P> feature) {
        List<P> out = new ArrayList<>();
        for (LanguageSupport s : byLanguage.getOrDefault(language, List.of())) out.addAll(s.all(feature));
        return out;
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
