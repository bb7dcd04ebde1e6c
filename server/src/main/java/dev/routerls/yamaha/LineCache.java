package dev.routerls.yamaha;

import dev.routerls.core.BoundedCache;
import dev.routerls.core.LineIndex;
import dev.routerls.yamaha.parse.LineParser;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parsed lines (with their catalog findings, see {@link CachedLine}) of the documents read lately.
 * <p>Each line text is parsed once and the result shared by every document that has that line: routers of
 * one fleet repeat most of their lines, and a document re-read after a keystroke differs from its last
 * version in one line. A line stays in the shared table while some kept document version uses it (the
 * table counts the uses), so the table holds exactly the distinct lines of the kept documents; the least
 * recently read documents are dropped beyond {@link #MAX_DOCUMENTS}. A document closed in the editor is
 * kept a little longer (the last {@link #CLOSED_KEPT} closed), so reopening it parses nothing again.
 * <p>A re-read finds its unchanged lines without hashing them: the text shared with the document's last
 * version at its start and at its end maps line for line onto that version's lines.
 * <p>Readers of the bundled catalog also share lines through {@link #RECENT}, across readers (a batch lint,
 * a short-lived reader): it is bounded, the least recently used lines going first, so it never holds more than a few documents.
 */
final class LineCache {
    static final int MAX_DOCUMENTS = 64;
    static final int CLOSED_KEPT = 8;
    /**
     * Lines recently parsed by any reader of this process that checks with the bundled catalog (a line's
     * catalog memo assumes one checker); the least recently used go first when it is full.
     */
    private static final int MAX_RECENT_LINES = 20_000;
    private static final BoundedCache<String, CachedLine> RECENT = new BoundedCache<>(MAX_RECENT_LINES);

    private final LineParser parser = new LineParser();
    /** Whether this cache's lines may come from and go to {@link #RECENT}. */
    private final boolean shareLines;
    /**
     * Whether documents' versions are kept for their next read (an editor's re-reads). A batch lint reads
     * each file once: keeping versions would only count every line in and out of {@link #shared} (a fifth
     * of a batch's time, measured), so its lines are shared through {@link #RECENT} alone.
     */
    private final boolean keepDocuments;
    /** Lines this cache parsed (for tests). */
    private int parses;
    /** Every line some kept document uses, by text, with its count of uses (under this cache's lock). */
    private final LineTable shared = new LineTable();
    /** The last version read of each kept document, least recently read first. */
    private final Map<String, Version> documents = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Version> eldest) {
            if (size() <= MAX_DOCUMENTS) return false;
            release(eldest.getValue());
            return true;
        }
    };
    /** Closed documents' last versions, least recently closed first (a reopened one moves back). */
    private final Map<String, Version> closed = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Version> eldest) {
            if (size() <= CLOSED_KEPT) return false;
            release(eldest.getValue());
            return true;
        }
    };

    /**
     * One document version as read: its line table, the cached line of each physical line it looked at
     * (null for lines it skipped) and the re-joined wrapped lines.
     */
    private record Version(LineIndex index, CachedLine[] physical, CachedLine[] joined) {
    }

    /** @param shareLines true when the lines are checked with the bundled catalog (see {@link #RECENT}) */
    LineCache(boolean shareLines) {
        this(shareLines, true);
    }

    /** @param keepDocuments false when each document is read once (see {@link #keepDocuments}) */
    LineCache(boolean shareLines, boolean keepDocuments) {
        this.shareLines = shareLines;
        this.keepDocuments = keepDocuments;
    }

    /** One read of a document: lines come from its last version, the shared table, or the parser. */
    final class Session {
        private final String uri;
        private final LineIndex index;
        private final Version old;
        private final CachedLine[] physical;
        private final List<CachedLine> joined = new ArrayList<>(0);
        /** Characters the text has in common with the last version, at its start and at its end. */
        private final int prefix, suffix;
        /** The lines of this read taken over from the last version, and which of the last version's they are. */
        private final BitSet fromOld = new BitSet(), keptOld = new BitSet();
        /** Lines the document's last version did not have (whether parsed or found elsewhere). */
        int parsed;

        private Session(String uri, LineIndex index, Version old) {
            this.uri = uri;
            this.index = index;
            this.old = old;
            this.physical = new CachedLine[index.lineCount()];
            String text = index.text();
            String was = old == null ? "" : old.index().text();
            int n = Math.min(text.length(), was.length()), p = 0, s = 0;
            if (text == was) {
                p = n;
            } else {
                while (p < n && text.charAt(p) == was.charAt(p)) p++;
            }
            if (p == text.length() && p == was.length()) {
                s = n; // the same text: its last line is in the common end too
            } else {
                while (s < n - p && text.charAt(text.length() - 1 - s) == was.charAt(was.length() - 1 - s)) s++;
            }
            prefix = p;
            suffix = s;
        }

        /** Physical line {@code i} of the text. */
        CachedLine line(int i) {
            CachedLine c = physical[i];
            if (c == null) {
                c = unchanged(i);
                if (c != null) fromOld.set(i);
                else c = lookup(index.line(i));
                physical[i] = c;
            }
            return c;
        }

        /** A wrapped line re-joined with its continuation. */
        CachedLine joined(String text) {
            CachedLine c = lookup(text);
            joined.add(c);
            return c;
        }

        /** The last version's line when line {@code i} lies wholly in the text both versions share. */
        private CachedLine unchanged(int i) {
            if (old == null) return null;
            LineIndex was = old.index();
            int start = index.lineStartOffset(i), end = index.lineEndOffset(i);
            if (end < prefix) return same(i, start, end, 0);
            // in the common end, line starts (the terminator before them included) keep their distance to the end
            int shift = was.text().length() - index.text().length();
            if (start > index.text().length() - suffix) return same(i + was.lineCount() - index.lineCount(), start, end, shift);
            return null;
        }

        private CachedLine same(int j, int start, int end, int shift) {
            LineIndex was = old.index();
            if (j < 0 || j >= was.lineCount() || was.lineStartOffset(j) != start + shift
                    || was.lineEndOffset(j) != end + shift || old.physical()[j] == null) return null;
            keptOld.set(j);
            return old.physical()[j];
        }

        private CachedLine lookup(String text) {
            parsed++;
            CachedLine c = null;
            if (keepDocuments) {
                synchronized (LineCache.this) {
                    c = shared.get(text);
                }
            }
            if (c != null) return c;
            return shareLines ? RECENT.get(text, () -> parse(text)) : parse(text);
        }

        private CachedLine parse(String text) {
            synchronized (LineCache.this) {
                parses++;
            }
            return new CachedLine(parser.parse(text));
        }

        /** Keeps this version as the document's last one (its lines stay shared while it is kept). */
        void close() {
            if (!keepDocuments) return;
            Version now = new Version(index, physical, joined.toArray(new CachedLine[0]));
            synchronized (LineCache.this) {
                Version before = documents.put(uri, now);
                if (before == null) before = closed.remove(uri);
                if (before != null && before == old) {
                    // a keystroke's re-read: only the lines that changed change their counts
                    for (int i = 0; i < physical.length; i++) if (physical[i] != null && !fromOld.get(i)) shared.retain(physical[i]);
                    for (CachedLine c : now.joined()) shared.retain(c);
                    CachedLine[] was = old.physical();
                    for (int j = 0; j < was.length; j++) if (was[j] != null && !keptOld.get(j)) shared.release(was[j]);
                    for (CachedLine c : old.joined()) shared.release(c);
                } else {
                    retain(now);
                    if (before != null) release(before);
                }
            }
        }
    }

    Session open(String uri, LineIndex index) {
        if (!keepDocuments) return new Session(uri, index, null);
        synchronized (this) {
            Version last = documents.get(uri);
            return new Session(uri, index, last != null ? last : closed.get(uri));
        }
    }

    /** The document was closed: it leaves the kept documents for the few kept closed. */
    synchronized void forget(String uri) {
        Version v = documents.remove(uri);
        if (v == null) return;
        Version older = closed.put(uri, v);
        if (older != null) release(older);
    }

    LineParser parser() {
        return parser;
    }

    /** How many distinct lines are kept (for tests). */
    synchronized int sharedLines() {
        return shared.size();
    }

    /** How many lines this cache has parsed (for tests). */
    synchronized int parses() {
        return parses;
    }

    // ---- use counts, changed under this cache's lock ----

    private void retain(Version v) {
        for (CachedLine c : v.physical()) if (c != null) shared.retain(c);
        for (CachedLine c : v.joined()) shared.retain(c);
    }

    private void release(Version v) {
        for (CachedLine c : v.physical()) if (c != null) shared.release(c);
        for (CachedLine c : v.joined()) shared.release(c);
    }
}
