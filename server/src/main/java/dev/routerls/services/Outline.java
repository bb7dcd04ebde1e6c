package dev.routerls.services;

import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.feature.OutlineParticipant;
import dev.routerls.services.types.FoldRange;
import dev.routerls.services.types.Location;
import dev.routerls.services.types.OutlineSymbol;
import dev.routerls.services.types.WorkspaceSymbolEntry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The outline and folding ranges of a document, and the workspace symbols taken from outlines. */
final class Outline {
    private final Languages languages;

    Outline(Languages languages) {
        this.languages = languages;
    }

    List<OutlineSymbol> outline(FeatureContext c) {
        return languages.collect(c, OutlineParticipant.class, p -> p.outline(c));
    }

    List<FoldRange> folding(FeatureContext c) {
        List<FoldRange> out = languages.<OutlineParticipant, FoldRange>collect(c, OutlineParticipant.class, p -> p.folding(c));
        out.sort(Comparator.comparingInt(FoldRange::startLine));
        return out;
    }

    /**
     * The document's named objects whose name contains every character of {@code query} in order (as
     * editors match symbol searches): the outline's entries and their children, except plain settings.
     */
    List<WorkspaceSymbolEntry> symbols(FeatureContext c, String query) {
        List<WorkspaceSymbolEntry> out = new ArrayList<>();
        for (OutlineSymbol s : outline(c)) add(c.uri(), s, null, query.toLowerCase(Locale.ROOT), out);
        return out;
    }

    private static void add(String uri, OutlineSymbol s, String container, String query, List<WorkspaceSymbolEntry> out) {
        if (s.kind() != OutlineSymbol.Kind.OPTION && matches(s.name().toLowerCase(Locale.ROOT), query)) {
            out.add(new WorkspaceSymbolEntry(s.name(), s.kind(), container, new Location(uri, s.selectionRange())));
        }
        for (OutlineSymbol child : s.children()) add(uri, child, s.name(), query, out);
    }

    private static boolean matches(String name, String query) {
        int i = 0;
        for (int j = 0; j < name.length() && i < query.length(); j++) {
            if (name.charAt(j) == query.charAt(i)) i++;
        }
        return i == query.length();
    }
}
