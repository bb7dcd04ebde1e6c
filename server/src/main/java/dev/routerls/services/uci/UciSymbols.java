package dev.routerls.services.uci;

import dev.routerls.core.SourceRange;
import dev.routerls.openwrt.uci.UciFile;
import dev.routerls.openwrt.uci.UciOption;
import dev.routerls.openwrt.uci.UciSection;
import dev.routerls.openwrt.uci.UciText;
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
    record Occurrence(UciNames.Kind kind, String name, String uri, SourceRange range, boolean declaration,
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
                    if (h.name() != null) words(h.name(), UciNames.Kind.INTERFACE, uri, true, s);
                }
            }
            for (UciOption o : s.options()) {
                if (UciNames.isZoneName(pkg, s.type(), o.name())) {
                    words(o.value(), UciNames.Kind.ZONE, uri, true, s);
                    continue;
                }
                UciNames.referenceKind(pkg, s.type(), o.name())
                        .ifPresent(k -> words(o.value(), k, uri, false, s));
            }
        }
    }

    /** Adds each space-separated word of a value (one option may list several interfaces). */
    private void words(UciValue v, UciNames.Kind kind, String uri, boolean declaration, UciSection s) {
        if (v == null || v.isMissing() || v.range().startLine() != v.range().endLine()) return;
        String raw = v.raw();
        int innerStart;
        String inner;
        if (UciText.isPlain(raw)) {
            innerStart = 0;
            inner = raw;
        } else if (raw.length() >= 2 && (raw.charAt(0) == '\'' || raw.charAt(0) == '"')
                && raw.charAt(raw.length() - 1) == raw.charAt(0) && UciText.isPlain(raw.substring(1, raw.length() - 1))) {
            innerStart = 1;
            inner = raw.substring(1, raw.length() - 1);
        } else {
            return; // escapes or mixed quoting: the name's columns cannot be pointed at exactly
        }
        int col0 = v.range().startColumn() + innerStart;
        int i = 0;
        while (i < inner.length()) {
            while (i < inner.length() && Character.isWhitespace(inner.charAt(i))) i++;
            int start = i;
            while (i < inner.length() && !Character.isWhitespace(inner.charAt(i))) i++;
            if (i > start) {
                String word = inner.substring(start, i);
                all.add(new Occurrence(kind, word, uri,
                        SourceRange.of(v.range().startLine(), col0 + start, col0 + i), declaration, s));
            }
        }
    }

    Optional<Occurrence> at(String uri, int line, int column) {
        return all.stream().filter(o -> o.uri().equals(uri) && o.range().contains(line, column)).findFirst();
    }

    List<Occurrence> declarations(UciNames.Kind kind, String name) {
        return all.stream().filter(o -> o.declaration() && o.kind() == kind && o.name().equals(name)).toList();
    }

    List<Occurrence> occurrences(UciNames.Kind kind, String name) {
        return all.stream().filter(o -> o.kind() == kind && o.name().equals(name)).toList();
    }

    /** Every declared name of a kind, in file order, without repeats. */
    List<String> declared(UciNames.Kind kind) {
        return all.stream().filter(o -> o.declaration() && o.kind() == kind).map(Occurrence::name).distinct().toList();
    }
}
