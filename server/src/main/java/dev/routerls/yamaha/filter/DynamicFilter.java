package dev.routerls.yamaha.filter;

import dev.routerls.core.SourceRange;

import java.util.List;

/**
 * {@code ip filter dynamic N SRC DST PROTOCOL …} or {@code … SRC DST filter LIST [in LIST] [out LIST]}:
 * a filter that watches the connections it matches and lets their later packets through. {@code protocol}
 * is the mnemonic of the first form (null for the second), {@code triggers} the static filters of the
 * second form's {@code filter} list.
 */
public record DynamicFilter(int id, FilterAddress src, FilterAddress dst, String protocol, List<Integer> triggers,
                            SourceRange range) {
    public DynamicFilter {
        triggers = List.copyOf(triggers);
    }
}
