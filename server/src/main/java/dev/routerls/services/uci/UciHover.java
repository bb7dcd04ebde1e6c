package dev.routerls.services.uci;

import dev.routerls.openwrt.router.UciReferences;
import dev.routerls.openwrt.schema.SectionSchema;
import dev.routerls.openwrt.schema.UciSchema;
import dev.routerls.openwrt.uci.UciFile;
import dev.routerls.openwrt.uci.UciOption;
import dev.routerls.openwrt.uci.UciSection;
import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.feature.HoverParticipant;
import dev.routerls.services.mape.MapeFacts;
import dev.routerls.services.types.HoverText;

import java.util.List;
import java.util.Optional;

/**
 * Hover in a UCI file: an interface or zone name says what it is (a MAP-E interface its computed values)
 * and how often it is used; a section type and an option say what the schema knows of them.
 */
final class UciHover implements HoverParticipant {
    private final UciSchema schema = UciSchema.standard();

    @Override
    public Optional<HoverText> hover(FeatureContext c, int line, int column) {
        UciRouterView router = UciRouterView.of(c);
        String uri = c.uri();
        UciFile file = router.file(uri).orElse(null);
        if (file == null) return Optional.empty();
        UciSymbols symbols = new UciSymbols(router);
        var occ = symbols.at(uri, line, column);
        if (occ.isPresent()) return Optional.of(describeName(router, symbols, occ.get()));
        for (UciSection s : file.sections()) {
            for (UciSection.Header h : s.headers()) {
                if (h.type() != null && h.type().range().contains(line, column)) {
                    return Optional.of(new HoverText(describeType(file.packageName(), s), h.type().range()));
                }
            }
            for (UciOption o : s.options()) {
                if (o.nameRange().contains(line, column)) {
                    return describeOption(file.packageName(), s, o).map(t -> new HoverText(t, o.nameRange()));
                }
            }
        }
        return Optional.empty();
    }

    private HoverText describeName(UciRouterView router, UciSymbols symbols, UciSymbols.Occurrence o) {
        StringBuilder b = new StringBuilder();
        String what = o.kind() == UciReferences.Kind.INTERFACE ? "network interface" : "firewall zone";
        b.append("**").append(what).append("** `").append(o.name()).append("`\n\n");
        List<UciSymbols.Occurrence> decls = symbols.declarations(o.kind(), o.name());
        if (decls.isEmpty()) {
            b.append("Not defined in this router's files.");
        } else {
            UciSection s = decls.get(0).section();
            Optional<String> mape = o.kind() != UciReferences.Kind.INTERFACE ? Optional.empty()
                    : router.router().mapInterfaces().stream().filter(m -> m.name().equals(o.name())).findFirst()
                    .map(m -> MapeFacts.describeMapInterface(router.router(), m));
            if (mape.isPresent()) {
                b.setLength(0);
                b.append(mape.get());
            } else {
                s.get("proto").ifPresent(v -> b.append("proto `").append(v).append("`"));
            }
            long uses = symbols.occurrences(o.kind(), o.name()).stream().filter(x -> !x.declaration()).count();
            b.append("\n\nused in ").append(uses).append(uses == 1 ? " place" : " places");
        }
        return new HoverText(b.toString(), o.range());
    }

    private String describeType(String pkg, UciSection s) {
        Optional<SectionSchema> ss = schema.section(pkg, s.type());
        if (ss.isEmpty()) return "section type `" + s.type() + "`" + (schema.knowsPackage(pkg) ? " (not one " + pkg + " reads)" : "");
        StringBuilder b = new StringBuilder("section type `" + s.type() + "` of package `" + pkg + "`: ");
        b.append(ss.get().optionsFor(s).size()).append(" known options");
        if (ss.get().selector() != null) {
            b.append("; its `").append(ss.get().selector()).append("` option selects more (")
                    .append(String.join(", ", ss.get().variants().keySet().stream().filter(k -> !k.isEmpty()).toList()))
                    .append(")");
        }
        return b.toString();
    }

    private Optional<String> describeOption(String pkg, UciSection s, UciOption o) {
        return schema.section(pkg, s.type()).flatMap(ss -> ss.option(s, o.name())).map(spec ->
                "`" + o.name() + "` in `" + s.type() + "`: " + (spec.multi() ? "one or more values, each " : "")
                        + spec.type().describe());
    }
}
