package dev.routerls.rules.yamaha;

import dev.routerls.core.Severity;
import dev.routerls.core.net.HeaderSet;
import dev.routerls.rules.Example;
import dev.routerls.rules.Findings;
import dev.routerls.rules.RuleInfo;
import dev.routerls.yamaha.filter.FilterCondition;
import dev.routerls.yamaha.filter.IpFilter;
import dev.routerls.yamaha.filter.SecureFilterList;
import dev.routerls.yamaha.filter.SecureFilterList.FilterRef;
import dev.routerls.yamaha.model.YamahaConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code yamaha/filter-shadowed}: a filter of a {@code secure filter in|out} list that can never decide,
 * because the filters before it in that list already match every packet it matches (the first match
 * decides, reference 8.1.25). Filters whose match the router resolves at run time (FQDN, map-e …) are
 * not judged; such earlier filters count only with the addresses the config gives.
 */
public final class FilterShadowedRule extends YamahaRule {
    public static final String ID = "yamaha/filter-shadowed";

    public FilterShadowedRule() {
        super(RuleInfo.rule(ID, Severity.WARNING)
                .summary("a secure filter list entry that earlier filters of the list always decide first")
                .rationale("""
                        The router checks an interface's `secure filter in|out` list in order and the first filter \
                        that matches decides: pass or reject, nothing after it is looked at. A filter whose every \
                        match is already matched by filters before it in the list is never reached, so its pass or \
                        reject never happens, often the opposite of what its author meant (a reject placed after a \
                        broad pass). The finding names the filters that shadow it; move it in front of them if it \
                        should decide, or remove it. Filters that name an FQDN, map-e or another value the router \
                        resolves at run time are not judged.""")
                .bad(Example.yamaha("""
                        ip lan1 secure filter in 10 20
                        ip filter 10 pass * * tcp
                        ip filter 20 reject 192.168.100.0/24 * tcp * www
                        """))
                .good(Example.yamaha("""
                        ip lan1 secure filter in 20 10
                        ip filter 10 pass * * tcp
                        ip filter 20 reject 192.168.100.0/24 * tcp * www
                        """))
                .tags("filter")
                .build());
    }

    /** A list entry with what its filter matches, read once for this check (the model keeps only the words). */
    private record Entry(FilterRef ref, IpFilter filter, FilterCondition condition) { }

    /** Shadowing sets up to this size are trimmed to the filters really needed. */
    private static final int MAX_TRIMMED = 6;

    @Override
    public void check(YamahaConfig m, Findings out) {
        for (SecureFilterList list : m.secureFilters()) {
            List<Entry> before = new ArrayList<>();
            for (FilterRef ref : list.filters()) {
                IpFilter f = m.filters().get(ref.id());
                if (f == null) continue;   // undefined: yamaha/undefined-reference reports it
                Entry e = new Entry(ref, f, f.condition());
                if (e.condition().exact()) shadowers(e, before).ifPresent(s -> out.report(ref.range(), message(list, e, s)));
                before.add(e);
            }
        }
    }

    /**
     * Earlier entries that together match everything {@code e} matches, if any do: those the cover proof used,
     * less any the others cover without (a single filter that covers alone is the usual case).
     */
    private static java.util.Optional<List<Entry>> shadowers(Entry e, List<Entry> before) {
        HeaderSet packets = e.condition().packets();
        if (packets.isEmpty()) return java.util.Optional.empty();
        HeaderSet.Cover cover = packets.cover(sets(before));
        if (!Boolean.TRUE.equals(cover.covered())) return java.util.Optional.empty();
        for (Entry b : before) {
            if (holdsAll(b.condition().packets(), packets)) return java.util.Optional.of(List.of(b));
        }
        List<Entry> needed = new ArrayList<>();
        cover.used().stream().forEach(i -> needed.add(before.get(i)));
        // trimming a long list costs a cover check per filter; a few is what a message can name anyway
        for (int i = needed.size() - 1; i >= 0 && needed.size() > 1 && needed.size() <= MAX_TRIMMED; i--) {
            List<Entry> without = new ArrayList<>(needed);
            without.remove(i);
            if (Boolean.TRUE.equals(packets.coveredBy(sets(without)))) needed.remove(i);
        }
        return java.util.Optional.of(needed);
    }

    /** Whether each box of {@code inner} lies in one box of {@code outer} (so one filter alone covers it). */
    private static boolean holdsAll(HeaderSet outer, HeaderSet inner) {
        for (var box : inner.boxes()) {
            if (outer.boxes().stream().noneMatch(o -> o.holds(box))) return false;
        }
        return true;
    }

    private static List<HeaderSet> sets(List<Entry> entries) {
        return entries.stream().map(x -> x.condition().packets()).toList();
    }

    private static String message(SecureFilterList list, Entry e, List<Entry> by) {
        String where = "the `secure filter " + list.direction() + "` list of " + list.iface();
        int id = e.filter().id();
        if (by.size() == 1 && by.get(0).filter().id() == id) {
            return "filter " + id + " is already earlier in " + where + " (column " + (by.get(0).ref().range().startColumn() + 1)
                    + "), which decides every packet it matches, so this entry is never reached. Remove it.";
        }
        String names = by.size() == 1 ? "filter " + by.get(0).filter().id() + " (line " + line(by.get(0)) + ")"
                : "filters " + by.stream().map(x -> x.filter().id() + " (line " + line(x) + ")").collect(Collectors.joining(", "))
                + " together";
        boolean sameAction = by.stream().allMatch(x -> x.filter().action() == e.filter().action());
        String verb = e.filter().action().name().toLowerCase(Locale.ROOT);
        String consequence = sameAction
                ? "so it changes nothing; remove it, or move it before " + firstName(by) + " if it should decide first."
                : "so its " + verb + " never applies; move filter " + id + " before " + firstName(by)
                + " in the list if it should decide those packets.";
        return "filter " + id + " in " + where + " can never decide: " + names + " before it "
                + (by.size() == 1 ? "matches" : "match") + " every packet it matches (the first matching filter decides), "
                + consequence;
    }

    private static String firstName(List<Entry> by) {
        return "filter " + by.get(0).filter().id();
    }

    private static int line(Entry e) {
        return e.filter().range().startLine() + 1;
    }
}
