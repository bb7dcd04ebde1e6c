package dev.routerls.services.uci;

import dev.routerls.core.SourceRange;
import dev.routerls.openwrt.router.UciReferences;
import dev.routerls.openwrt.router.UciReferences.Kind;
import dev.routerls.openwrt.uci.UciFile;
import dev.routerls.openwrt.uci.UciOption;
import dev.routerls.openwrt.uci.UciSection;
import dev.routerls.openwrt.uci.UciValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every place a router's UCI files name an interface or a zone: where it is declared (an interface
 * section's name, a zone's {@code name} option) and where it is used. {@code range} covers the name
 * itself, inside any quotes, so a rename edit replaces exactly the name.
 */
final class UciSymbols {
    record Occurrence(Kind kind, String name, String uri, SourceRange range, boolean declaration,
                      UciSection section) {
    }

    private final List<Occurrence> all = new ArrayList<>();

    UciSymbols(UciRouterView router) {
        for (Map.Entry<String, UciFile> e : router.files().entrySet()) collect(e.getKey(), e.getValue());
    }

    private void collect(String uri, UciFile file) {
        String pkg = file.packageName();
        for (UciSection s : file.sections()) {
            if (pkg.equals("network") && s.type().equals("interface") && !s.isAnonymous()) {
                for (UciSection.Header h : s.headers()) {
                    if (h.name() != null) add(h.name().words(), h.name(), Kind.INTERFACE, uri, true, s);
                }
            }
            for (UciOption o : s.options()) {
                if (UciReferences.isZoneName(pkg, s.type(), o.name())) {
                    add(o.value().words(), o.value(), Kind.ZONE, uri, true, s);
                    continue;
                }
                UciReferences.of(pkg, s.type(), o.name()).ifPresent(r -> {
                    for (UciReferences.Name n : r.names(o.value())) {
                        // escapes or line breaks: the name's columns cannot be pointed at exactly
                        if (n.exact()) all.add(new Occurrence(r.kind(), n.name(), uri, n.range(), false, s));
                    }
                });
            }
        }
    }

    /** Adds each space-separated word of a declaring value whose columns are known. */
    private void add(List<UciValue> words, UciValue whole, Kind kind, String uri, boolean declaration, UciSection s) {
        if (whole.isMissing() || !whole.hasExactColumns()) return;
        for (UciValue w : words) all.add(new Occurrence(kind, w.text(), uri, w.range(), declaration, s));
    }

    Optional<Occurrence> at(String uri, int line, int column) {
        return all.stream().filter(o -> o.uri().equals(uri) && o.range().contains(line, column)).findFirst();
    }

    List<Occurrence> declarations(Kind kind, String name) {
        return all.stream().filter(o -> o.declaration() && o.kind() == kind && o.name().equals(name)).toList();
    }

    List<Occurrence> occurrences(Kind kind, String name) {
        return all.stream().filter(o -> o.kind() == kind && o.name().equals(name)).toList();
    }

    /** Every declared name of a kind, in file order, without repeats. */
    List<String> declared(Kind kind) {
        return all.stream().filter(o -> o.declaration() && o.kind() == kind).map(Occurrence::name).distinct().toList();
    }
}
