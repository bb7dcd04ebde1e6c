package dev.routerls.services;

import dev.routerls.core.TextEdit;
import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.feature.NavigationParticipant;
import dev.routerls.services.feature.RenameParticipant;
import dev.routerls.services.types.Highlight;
import dev.routerls.services.types.Location;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Definition, references, highlights and rename: what the participants find, each place once. */
final class Navigation {
    private final Languages languages;

    Navigation(Languages languages) {
        this.languages = languages;
    }

    List<Location> definition(FeatureContext c, int line, int column) {
        return collect(c, p -> p.definition(c, line, column));
    }

    List<Location> references(FeatureContext c, int line, int column, boolean includeDeclaration) {
        return collect(c, p -> p.references(c, line, column, includeDeclaration));
    }

    List<Highlight> highlights(FeatureContext c, int line, int column) {
        return collect(c, p -> p.highlights(c, line, column));
    }

    Optional<List<TextEdit>> rename(FeatureContext c, int line, int column, String newName) {
        for (RenameParticipant p : languages.of(c.language(), RenameParticipant.class)) {
            Optional<List<TextEdit>> edits = p.rename(c, line, column, newName);
            if (edits.isPresent()) return edits;
        }
        return Optional.empty();
    }

    private <T> List<T> collect(FeatureContext c, Function<NavigationParticipant, List<T>> ask) {
        LinkedHashSet<T> out = new LinkedHashSet<>();
        for (NavigationParticipant p : languages.of(c.language(), NavigationParticipant.class)) out.addAll(ask.apply(p));
        return new ArrayList<>(out);
    }
}
