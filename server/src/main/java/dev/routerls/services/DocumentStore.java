package dev.routerls.services;

import dev.routerls.services.types.TextChange;
import dev.routerls.analysis.LanguageDetector;
import dev.routerls.core.LanguageId;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The documents the editor has open, at their latest version. The language is decided once on open:
 * the client's language id when it is one of ours, otherwise by URI and content.
 */
public final class DocumentStore {
    private final Map<String, Document> open = new ConcurrentHashMap<>();

    public Document open(String uri, int version, String text, String clientLanguageId) {
        Document d = new Document(uri, version, text, languageOf(uri, text, clientLanguageId));
        open.put(uri, d);
        return d;
    }

    /** Applies the changes in order; returns the new version, or empty when the document is not open. */
    public Optional<Document> change(String uri, int version, List<TextChange> changes) {
        Document updated = open.computeIfPresent(uri, (k, d) -> {
            Document cur = d;
            for (TextChange c : changes) cur = cur.apply(c, version);
            if (changes.isEmpty()) cur = new Document(uri, version, d.text(), d.language());
            // a document opened empty may only now show what it is
            if (cur.language() == LanguageId.UNKNOWN) {
                cur = cur.withLanguage(LanguageDetector.detect(uri, cur.text()));
            }
            return cur;
        });
        return Optional.ofNullable(updated);
    }

    public Optional<Document> close(String uri) {
        return Optional.ofNullable(open.remove(uri));
    }

    public Optional<Document> get(String uri) {
        return Optional.ofNullable(open.get(uri));
    }

    public Collection<Document> all() {
        return open.values();
    }

    static LanguageId languageOf(String uri, String text, String clientLanguageId) {
        LanguageId fromClient = LanguageId.fromId(clientLanguageId);
        if (fromClient != LanguageId.UNKNOWN) return fromClient;
        return LanguageDetector.detect(uri, text);
    }
}
