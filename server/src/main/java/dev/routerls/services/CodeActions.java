package dev.routerls.services;

import dev.routerls.core.SourceRange;
import dev.routerls.core.TextEdit;
import dev.routerls.core.edit.DocumentEdits;
import dev.routerls.services.feature.CodeActionParticipant;
import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.types.ActionOffer;
import dev.routerls.services.types.EditorAction;
import dev.routerls.services.types.ListedAction;
import dev.routerls.services.types.QuickFix;
import dev.routerls.services.types.VersionedAction;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Code actions: the quick fixes rules attach to the findings of the document's current version, then the
 * language's own actions. Listing is cheap; an action's edits are computed when it is resolved, and only
 * for the version it was listed for (an action of an older version is dropped, never applied to newer text).
 */
final class CodeActions {
    private final Languages languages;
    /** The offers last listed per document, with the version they are for; resolve picks from these. */
    private final Map<String, Listed> listed = new ConcurrentHashMap<>();

    private record Listed(int version, Map<String, Integer> versions, List<ActionOffer> offers) {
    }

    CodeActions(Languages languages) {
        this.languages = languages;
    }

    List<ListedAction> list(FeatureContext c, SourceRange range) {
        List<ActionOffer> offers = new ArrayList<>();
        Set<List<TextEdit>> offered = new HashSet<>();
        for (QuickFix f : QuickFixes.at(c.diagnostics(), range)) {
            // several findings may share one fix (one assignment feeding many rules): offer it once
            if (!offered.add(f.edits())) continue;
            offers.add(new ActionOffer(f.title(), true, f.diagnostic(),
                    () -> new EditorAction(f.title(), true, f.diagnostic(), exact(c, f.edits()), List.of())));
        }
        for (CodeActionParticipant p : languages.of(c.language(), CodeActionParticipant.class)) offers.addAll(p.actions(c, range));
        listed.put(c.uri(), new Listed(c.version(), c.versions(), List.copyOf(offers)));
        List<ListedAction> out = new ArrayList<>();
        for (int i = 0; i < offers.size(); i++) out.add(new ListedAction(i, offers.get(i)));
        return out;
    }

    /** The edits of an offer listed for {@code version} of {@code uri}; empty when that list is gone or older. */
    Optional<VersionedAction> resolve(String uri, int version, int index) {
        Listed l = listed.get(uri);
        if (l == null || l.version() != version || index < 0 || index >= l.offers().size()) return Optional.empty();
        return Optional.of(new VersionedAction(l.offers().get(index).resolve().get(), l.versions()));
    }

    /** The document was closed: its listed offers (and the analysis they hold on to) go. */
    void forget(String uri) {
        listed.remove(uri);
    }

    /** Every action at the range with its edits (for clients that cannot resolve, and for tests). */
    List<VersionedAction> all(FeatureContext c, SourceRange range) {
        List<VersionedAction> out = new ArrayList<>();
        for (ListedAction o : list(c, range)) out.add(new VersionedAction(o.offer().resolve().get(), c.versions()));
        return out;
    }

    /** Edits with each document's own line ending and positions clamped into it. */
    private static List<TextEdit> exact(FeatureContext c, List<TextEdit> edits) {
        Map<String, List<TextEdit>> byUri = new LinkedHashMap<>();
        for (TextEdit e : edits) byUri.computeIfAbsent(e.uri() == null ? c.uri() : e.uri(), k -> new ArrayList<>()).add(e);
        List<TextEdit> out = new ArrayList<>();
        byUri.forEach((u, list) -> out.addAll(c.textOf(u).map(t -> DocumentEdits.exact(t, list)).orElse(list)));
        return out;
    }

}
