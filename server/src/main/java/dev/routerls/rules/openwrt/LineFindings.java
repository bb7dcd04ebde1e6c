package dev.routerls.rules.openwrt;

import dev.routerls.core.Fix;
import dev.routerls.core.SourceRange;
import dev.routerls.rules.Findings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collapses findings about evaluated commands: a loop runs one source line many times, and the user
 * should see one finding per line and kind of problem, not one per iteration.
 */
final class LineFindings {
    private record Key(String uri, SourceRange range, String kind) {
    }

    private static final class Entry {
        final String message;
        final List<Fix> fixes;
        int count = 1;

        Entry(String message, List<Fix> fixes) {
            this.message = message;
            this.fixes = fixes;
        }
    }

    private final Map<Key, Entry> entries = new LinkedHashMap<>();

    /** Records a finding of {@code kind} at {@code range}; only the first message of a kind per range is kept. */
    void add(String uri, SourceRange range, String kind, String message) {
        add(uri, range, kind, message, List.of());
    }

    /** As {@link #add(String, SourceRange, String, String)}, with the fixes of the first finding kept. */
    void add(String uri, SourceRange range, String kind, String message, List<Fix> fixes) {
        Entry e = entries.get(new Key(uri, range, kind));
        if (e == null) entries.put(new Key(uri, range, kind), new Entry(message, fixes));
        else e.count++;
    }

    /** Reports each range once, saying how many evaluated commands of that line share the problem. */
    void reportTo(Findings out) {
        for (Map.Entry<Key, Entry> e : entries.entrySet()) {
            int n = e.getValue().count;
            String msg = e.getValue().message + (n > 1 ? " (" + n + " commands from this line have this problem.)" : "");
            out.report(e.getKey().uri(), e.getKey().range(), msg, e.getValue().fixes);
        }
    }
}
