package dev.routerls.services.uci;

import dev.routerls.core.SourceRange;
import dev.routerls.core.TextEdit;
import dev.routerls.grammar.UciLexer;
import dev.routerls.openwrt.router.UciReferences;
import dev.routerls.openwrt.schema.OptionSpec;
import dev.routerls.openwrt.schema.SectionSchema;
import dev.routerls.openwrt.schema.UciSchema;
import dev.routerls.openwrt.uci.UciFile;
import dev.routerls.openwrt.uci.UciOption;
import dev.routerls.openwrt.uci.UciReader;
import dev.routerls.openwrt.uci.UciSection;
import dev.routerls.services.types.CompletionEntry;
import dev.routerls.services.types.FoldRange;
import dev.routerls.services.types.HoverText;
import dev.routerls.services.types.Location;
import dev.routerls.services.types.OutlineSymbol;
import dev.routerls.services.mape.MapeFacts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Editor features for OpenWrt UCI files, computed from the UCI models of the router the file belongs
 * to and the option schema.
 */
public final class UciFeatures {
    /** libuci accepts only these characters in section names. */

    private final UciSchema schema = UciSchema.standard();

    // ------------------------------------------------------------------------------------ completion

    public List<CompletionEntry> complete(UciRouterView router, String uri, String lineText, int line, int column) {
        UciFile file = router.file(uri).orElse(null);
        if (file == null) return List.of();
        String pkg = file.packageName();
        UciLinePrefix p = UciLinePrefix.of(lineText.substring(0, Math.min(column, lineText.length())));
        UciSection section = sectionBefore(file, line);
        List<CompletionEntry> out = new ArrayList<>();
        if (p.slot() == -1) {
            out.add(CompletionEntry.of("config", CompletionEntry.Kind.KEYWORD, "start a section: config TYPE 'NAME'"));
            if (section != null) {
                out.add(CompletionEntry.of("option", CompletionEntry.Kind.KEYWORD, "set one value: option NAME 'VALUE'"));
                out.add(CompletionEntry.of("list", CompletionEntry.Kind.KEYWORD, "add a list element: list NAME 'VALUE'"));
            }
            out.add(CompletionEntry.of("package", CompletionEntry.Kind.KEYWORD, "name the package (rarely needed)"));
            return out;
        }
        int type = p.commandType();
        if (type == UciLexer.CONFIG && p.slot() == 0) {
            Set<String> types = new LinkedHashSet<>(schema.sectionTypes(pkg));
            for (UciSection s : file.sections()) types.add(s.type());
            for (String t : types) {
                out.add(CompletionEntry.of(t, CompletionEntry.Kind.SECTION_TYPE,
                        schema.knowsPackage(pkg) && schema.sectionTypes(pkg).contains(t) ? "section type of " + pkg : "section type used in this file"));
            }
            return out;
        }
        if ((type == UciLexer.OPTION || type == UciLexer.LIST) && section != null) {
            boolean list = type == UciLexer.LIST;
            Optional<SectionSchema> ss = schema.section(pkg, section.type());
            if (p.slot() == 0) {
                if (ss.isEmpty()) return out;
                Set<String> present = section.optionNames();
                for (Map.Entry<String, OptionSpec> e : ss.get().optionsFor(section).entrySet()) {
                    OptionSpec spec = e.getValue();
                    if (list && !spec.multi()) continue;
                    if (!list && present.contains(e.getKey())) continue;
                    out.add(new CompletionEntry(e.getKey(), CompletionEntry.Kind.OPTION,
                            (spec.multi() ? "list of " : "") + spec.type().describe(), null, null));
                }
                return out;
            }
            if (p.slot() == 1) {
                String option = p.arguments().get(0);
                for (String v : valuesFor(router, pkg, section, ss, option)) {
                    String insert = p.partialQuoted() ? v : "'" + v + "'";
                    out.add(new CompletionEntry(v, CompletionEntry.Kind.VALUE, null, null, insert));
                }
            }
        }
        return out;
    }

    /**
     * Values offered for an option: the protocols for {@code proto}, names of interfaces and zones for
     * references, otherwise the named values of the option's datatype (enum words, 1/0).
     */
    private List<String> valuesFor(UciRouterView router, String pkg, UciSection section, Optional<SectionSchema> ss,
                                   String option) {
        if (ss.isPresent() && option.equals(ss.get().selector())) {
            return ss.get().variants().keySet().stream().filter(k -> !k.isEmpty()).toList();
        }
        Optional<UciReferences.Reference> ref = UciReferences.of(pkg, section.type(), option)
                .filter(r -> r.form() != UciReferences.Form.AT_NAME);   // a device option mostly names devices
        if (ref.isPresent()) return new UciSymbols(router).declared(ref.get().kind());
        if (ss.isEmpty()) return List.of();
        OptionSpec spec = ss.get().optionsFor(section).get(option);
        return spec == null ? List.of() : spec.type().suggestions();
    }

    /** The section a line belongs to: the last one whose {@code config} line comes before it. */
    static UciSection sectionBefore(UciFile file, int line) {
        UciSection best = null;
        int bestLine = -1;
        for (UciSection s : file.sections()) {
            for (UciSection.Header h : s.headers()) {
                int l = h.range().startLine();
                if (l < line && l > bestLine) {
                    best = s;
                    bestLine = l;
                }
            }
        }
        return best;
    }

    // ------------------------------------------------------------------------------------ navigation

    public List<Location> definition(UciRouterView router, String uri, int line, int column) {
        UciSymbols symbols = new UciSymbols(router);
        return symbols.at(uri, line, column)
                .map(o -> symbols.declarations(o.kind(), o.name()).stream().map(d -> new Location(d.uri(), d.range())).toList())
                .orElse(List.of());
    }

    public List<Location> references(UciRouterView router, String uri, int line, int column, boolean includeDeclaration) {
        UciSymbols symbols = new UciSymbols(router);
        return symbols.at(uri, line, column)
                .map(o -> symbols.occurrences(o.kind(), o.name()).stream()
                        .filter(x -> includeDeclaration || !x.declaration())
                        .map(x -> new Location(x.uri(), x.range())).toList())
                .orElse(List.of());
    }

    /** The interface named at the position (its section name or a reference to it), if any. */
    public Optional<String> interfaceAt(UciRouterView router, String uri, int line, int column) {
        return new UciSymbols(router).at(uri, line, column).filter(o -> o.kind() == UciReferences.Kind.INTERFACE)
                .map(UciSymbols.Occurrence::name);
    }

    /** Renames an interface (section name and every use) or a zone; empty when not on one or the name is invalid. */
    public Optional<List<TextEdit>> rename(UciRouterView router, String uri, int line, int column, String newName) {
        if (!UciReader.validName(newName, false)) return Optional.empty();
        UciSymbols symbols = new UciSymbols(router);
        return symbols.at(uri, line, column).map(o -> symbols.occurrences(o.kind(), o.name()).stream()
                .map(x -> new TextEdit(x.uri(), x.range(), newName)).toList());
    }

    // ----------------------------------------------------------------------------------------- hover

    public Optional<HoverText> hover(UciRouterView router, String uri, int line, int column) {
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

    // ------------------------------------------------------------------------------ outline, folding

    public List<OutlineSymbol> outline(UciFile file) {
        List<OutlineSymbol> out = new ArrayList<>();
        List<Integer> headerLines = file.sections().stream().flatMap(x -> x.headers().stream())
                .map(x -> x.range().startLine()).sorted().toList();
        for (UciSection s : file.sections()) {
            UciSection.Header h = s.header();
            int next = headerLines.stream().filter(l -> l > h.range().startLine()).findFirst().orElse(Integer.MAX_VALUE);
            List<OutlineSymbol> options = new ArrayList<>();
            int endLine = h.range().endLine(), endCol = h.range().endColumn();
            for (UciOption o : s.options()) {
                // a secret's value never leaves the server, not even as outline detail
                options.add(new OutlineSymbol(o.name(), o.isSecret() ? null : o.value().text(), OutlineSymbol.Kind.OPTION, o.range(), o.nameRange(), List.of()));
                if (o.range().endLine() > endLine && o.range().startLine() > h.range().startLine() && o.range().startLine() < next) {
                    endLine = o.range().endLine();
                    endCol = o.range().endColumn();
                }
            }
            SourceRange whole = new SourceRange(h.range().startLine(), h.range().startColumn(), endLine, endCol);
            SourceRange sel = h.name() != null && !h.name().isMissing() ? h.name().range() : h.type().range();
            out.add(new OutlineSymbol(s.isAnonymous() ? s.ref() : s.name(), s.type(),
                    s.type().equals("interface") ? OutlineSymbol.Kind.INTERFACE : OutlineSymbol.Kind.SECTION,
                    whole, sel, options));
        }
        return out;
    }

    public List<FoldRange> folding(UciFile file) {
        List<FoldRange> out = new ArrayList<>();
        for (OutlineSymbol s : outline(file)) {
            if (s.range().endLine() > s.range().startLine()) out.add(new FoldRange(s.range().startLine(), s.range().endLine(), false));
        }
        return out;
    }
}
