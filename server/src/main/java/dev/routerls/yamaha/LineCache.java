package dev.routerls.yamaha;

import dev.routerls.yamaha.parse.LineParser;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parsed lines (with their catalog findings, see {@link CachedLine}) per document, keyed by line text:
 * re-analysing after a keystroke re-parses and re-checks only the lines whose text changed. Each analysis keeps exactly the lines the document has now; the least
 * recently analysed documents are dropped beyond {@link #MAX_DOCUMENTS}.
 */
final class LineCache {
    static final int MAX_DOCUMENTS = 64;
    /**
     * Lines any document of this process has (bounded): configs of one network repeat many lines word for
     * word (filters, PP and tunnel settings), so a batch lint or a workspace of routers parses and checks
     * each distinct line once. {@link CachedLine} is safe to share; the map is emptied when full.
     */
    private static final int MAX_SHARED_LINES = 20_000;
    private static final Map<String, CachedLine> SHARED = new java.util.concurrent.ConcurrentHashMap<>();

    private final LineParser parser = new LineParser();
    /** Whether this cache's lines may come from and go to {@link #SHARED}: only for the bundled catalog's checks. */
    private final boolean shareLines;

    /** @param shareLines true when the lines are checked with the bundled catalog (the memo in a line assumes one checker) */
    LineCache(boolean shareLines) {
        this.shareLines = shareLines;
    }
    private final Map<String, Map<String, CachedLine>> documents = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, CachedLine>> eldest) {
            return size() > MAX_DOCUMENTS;
        }
    };

    /** A session over one document's analysis: lookups go to the old generation, results to the new one. */
    final class Session {
        private final Map<String, CachedLine> old;
        private final Map<String, CachedLine> current = new HashMap<>();
        private final String uri;
        int parsed;

        Session(String uri, Map<String, CachedLine> old) {
            this.uri = uri;
            this.old = old;
        }

        CachedLine get(String text) {
            CachedLine p = current.get(text);
            if (p == null && old != null) p = old.get(text);
            if (p == null) {
                // new to this document (counted as such), though another document may have parsed it already
                parsed++;
                p = shareLines ? SHARED.get(text) : null;
                if (p == null) {
                    p = new CachedLine(parser.parse(text));
                    if (shareLines) {
                        if (SHARED.size() >= MAX_SHARED_LINES) SHARED.clear();
                        SHARED.put(text, p);
                    }
                }
            }
            current.put(text, p);
            return p;
        }

        void close() {
            synchronized (documents) {
                documents.put(uri, current);
            }
        }
    }

    Session open(String uri) {
        synchronized (documents) {
            return new Session(uri, documents.get(uri));
        }
    }

    LineParser parser() {
        return parser;
    }
}
