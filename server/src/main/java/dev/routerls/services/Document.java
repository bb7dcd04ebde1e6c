package dev.routerls.services;

import dev.routerls.services.types.TextChange;
import dev.routerls.core.LanguageId;
import dev.routerls.core.LineIndex;

/**
 * One version of an open document. Immutable: an edit makes a new one, so analyses running on an
 * older version never see a half-applied change.
 */
public final class Document {
    private final String uri;
    private final int version;
    private final String text;
    private final LanguageId language;
    private volatile LineIndex lines;

    public Document(String uri, int version, String text, LanguageId language) {
        this.uri = uri;
        this.version = version;
        this.text = text;
        this.language = language;
    }

    public String uri() {
        return uri;
    }

    public int version() {
        return version;
    }

    public String text() {
        return text;
    }

    public LanguageId language() {
        return language;
    }

    /** Line table of this version, built on first use. */
    public LineIndex lines() {
        LineIndex l = lines;
        if (l == null) {
            l = new LineIndex(text);
            lines = l;
        }
        return l;
    }

    /** Applies one incremental change (or a full replacement when {@code change.range()} is null). */
    public Document apply(TextChange change, int newVersion) {
        if (change.range() == null) return new Document(uri, newVersion, change.text(), language);
        LineIndex li = lines();
        int start = li.offset(change.range().startLine(), change.range().startColumn());
        int end = Math.max(start, li.offset(change.range().endLine(), change.range().endColumn()));
        String next = text.substring(0, start) + change.text() + text.substring(end);
        return new Document(uri, newVersion, next, language);
    }

    public Document withLanguage(LanguageId lang) {
        return lang == language ? this : new Document(uri, version, text, lang);
    }
}
