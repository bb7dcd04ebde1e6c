package dev.routerls.services;

import dev.routerls.core.LanguageId;
import dev.routerls.services.feature.LanguageSupport;
import dev.routerls.services.mape.SnatActions;
import dev.routerls.services.uci.FirewallUserLanguage;
import dev.routerls.services.uci.UciLanguage;
import dev.routerls.services.yamaha.YamahaLanguage;
import dev.routerls.yamaha.catalog.CommandCatalog;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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
}
