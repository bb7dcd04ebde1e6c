package dev.routerls.services.yamaha;

import dev.routerls.core.LineIndex;
import dev.routerls.core.SourceRange;
import dev.routerls.core.TextEdit;
import dev.routerls.mape.MapeCalculator;
import dev.routerls.services.types.CompletionEntry;
import dev.routerls.services.types.FoldRange;
import dev.routerls.services.types.HoverText;
import dev.routerls.services.types.Location;
import dev.routerls.services.types.OutlineSymbol;
import dev.routerls.yamaha.ConfigLine;
import dev.routerls.analysis.YamahaAnalyzer;
import dev.routerls.yamaha.catalog.CatalogToken;
import dev.routerls.yamaha.catalog.CommandCatalog;
import dev.routerls.yamaha.catalog.CommandDescription;
import dev.routerls.mape.MapeRuleTable;
import dev.routerls.mape.PortRange;
import dev.routerls.mape.PortSetCheck;
import dev.routerls.yamaha.mape.MapeMapping;
import dev.routerls.yamaha.mape.MapeMappingResolver;
import dev.routerls.yamaha.model.LinePositions;
import dev.routerls.yamaha.model.SelectContext;
import dev.routerls.yamaha.model.YamahaConfig;
import dev.routerls.yamaha.model.YamahaConfig.RefKind;
import dev.routerls.yamaha.parse.Command;
import dev.routerls.yamaha.parse.LineParser;
import dev.routerls.yamaha.parse.ParsedLine;
import dev.routerls.yamaha.parse.Word;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Editor features for YAMAHA RTX/NVR configs, computed from one analysis result (model and parsed lines)
 * and the command catalog. Words of secret settings arrive masked from the parser, so nothing here can
 * show a password.
 */
public final class YamahaFeatures {
    private static final Set<RefKind> RENAMEABLE = Set.of(RefKind.NAT_DESCRIPTOR, RefKind.IP_FILTER,
            RefKind.IPV6_FILTER, RefKind.IP_DYNAMIC_FILTER, RefKind.IPV6_DYNAMIC_FILTER);

    private static final MapeMappingResolver RESOLVER = new MapeMappingResolver(MapeRuleTable.bundled());

    private final CommandCatalog catalog;

    /** The symbols of the last analysis result asked about; requests mostly come for the document being edited. */
    private record KeptSymbols(YamahaAnalyzer.Result result, YamahaSymbols symbols) {
    }

    private volatile KeptSymbols kept;

    /** The symbols of {@code r}, built once per analysis result. */
    private YamahaSymbols symbols(YamahaAnalyzer.Result r) {
        KeptSymbols k = kept;
        if (k != null && k.result() == r) return k.symbols();
        YamahaSymbols s = new YamahaSymbols(r);
        kept = new KeptSymbols(r, s);
        return s;
    }

    public YamahaFeatures(CommandCatalog catalog) {
        this.catalog = catalog;
    }

    // ------------------------------------------------------------------------------------ completion

    public List<CompletionEntry> complete(YamahaAnalyzer.Result r, int line, int column) {
        Optional<ConfigLine> at = r.lineAt(line);
        return complete(r, at.map(ConfigLine::parsed).orElse(null),
                at.map(ConfigLine::positions).orElse(LinePositions.single(line)), line, column);
    }

    /**
     * Completion when the analysis is a keystroke behind the text: the caret's line is parsed on its own
     * ({@code current}), ids and the select context come from the last analysis.
     */
    public List<CompletionEntry> completeOnEditedLine(YamahaAnalyzer.Result last, String lineText, int line, int column) {
        return complete(last, lineParser.parse(lineText), LinePositions.single(line), line, column);
    }

    private final LineParser lineParser = new LineParser();

    private List<CompletionEntry> complete(YamahaAnalyzer.Result r, ParsedLine current, LinePositions pos, int line, int column) {
        SelectContext context = r.lineAt(line).map(ConfigLine::context).orElseGet(() -> contextAtEnd(r));
        List<String> before = new ArrayList<>();
        if (current != null) {
            int comment = current.commentStart();
            if (comment >= 0 && before(pos.range(comment, comment), line, column)) {
                return List.of(); // inside a comment
            }
            for (Word w : current.words()) {
                if (endsBefore(pos.range(w), line, column)) before.add(w.text());
            }
        }
        String ctx = context.pp() != null ? "pp" : context.tunnel() != null ? "tunnel" : null;
        Map<String, CompletionEntry> out = new LinkedHashMap<>();
        YamahaSymbols symbols = symbols(r);
        for (CommandCatalog.Completion c : catalog.completions(before, ctx)) {
            switch (c.type()) {
                case COMMAND_WORD -> out.putIfAbsent(c.text(), CompletionEntry.of(c.text(), CompletionEntry.Kind.COMMAND, c.label()));
                case KEYWORD -> out.putIfAbsent(c.text(), CompletionEntry.of(c.text(), CompletionEntry.Kind.KEYWORD, c.label()));
                case PARAMETER -> {
                    String param = c.text().replaceAll("^<|>$", "");
                    for (CompletionEntry e : valuesFor(r, symbols, param, before)) out.putIfAbsent(e.label(), e);
                }
            }
        }
        return List.copyOf(out.values());
    }

    /** Existing ids and interface names for a parameter slot the catalog names. */
    private List<CompletionEntry> valuesFor(YamahaAnalyzer.Result r, YamahaSymbols symbols, String param, List<String> before) {
        YamahaConfig m = r.model();
        boolean ipv6 = !before.isEmpty() && before.get(0).equalsIgnoreCase("ipv6");
        boolean dynamic = before.stream().anyMatch(w -> w.equalsIgnoreCase("dynamic"));
        List<CompletionEntry> out = new ArrayList<>();
        switch (param) {
            case "nat_descriptor", "nat_descriptor_list" -> {
                for (String id : symbols.defined(RefKind.NAT_DESCRIPTOR)) {
                    YamahaConfig.NatDescriptor d = m.natDescriptors().get(Integer.parseInt(id));
                    out.add(CompletionEntry.of(id, CompletionEntry.Kind.REFERENCE,
                            "NAT descriptor (" + (d == null ? "?" : d.effectiveType()) + ")"));
                }
            }
            case "tunnel_num" -> symbols.defined(RefKind.TUNNEL)
                    .forEach(id -> out.add(CompletionEntry.of(id, CompletionEntry.Kind.REFERENCE, "tunnel")));
            case "peer_num" -> symbols.defined(RefKind.PP)
                    .forEach(id -> out.add(CompletionEntry.of(id, CompletionEntry.Kind.REFERENCE, "PP")));
            case "filter_list" -> {
                RefKind k = ipv6 ? (dynamic ? RefKind.IPV6_DYNAMIC_FILTER : RefKind.IPV6_FILTER)
                        : (dynamic ? RefKind.IP_DYNAMIC_FILTER : RefKind.IP_FILTER);
                symbols.defined(k).forEach(id -> out.add(CompletionEntry.of(id, CompletionEntry.Kind.REFERENCE, k.label())));
            }
            case "interface" -> {
                if (before.size() >= 2 && before.get(0).equalsIgnoreCase("pp") && before.get(1).equalsIgnoreCase("bind")) {
                    symbols.defined(RefKind.TUNNEL).forEach(id ->
                            out.add(CompletionEntry.of("tunnel" + id, CompletionEntry.Kind.INTERFACE, "tunnel " + id)));
                } else {
                    m.interfaces().keySet().forEach(name ->
                            out.add(CompletionEntry.of(name, CompletionEntry.Kind.INTERFACE, "interface with an address here")));
                }
            }
            default -> { }
        }
        return out;
    }

    private static SelectContext contextAtEnd(YamahaAnalyzer.Result r) {
        return r.lines().isEmpty() ? SelectContext.NONE : r.lines().get(r.lines().size() - 1).context();
    }

    private static boolean endsBefore(SourceRange w, int line, int column) {
        return w.endLine() < line || (w.endLine() == line && w.endColumn() < column);
    }

    private static boolean before(SourceRange start, int line, int column) {
        return start.startLine() < line || (start.startLine() == line && start.startColumn() < column);
    }

    // ------------------------------------------------------------------------------------ navigation

    public List<Location> definition(YamahaAnalyzer.Result r, String uri, int line, int column) {
        YamahaSymbols s = symbols(r);
        return s.at(line, column).map(o -> s.definitions(o.kind(), o.key()).stream()
                .map(d -> new Location(uri, d.range())).toList()).orElse(List.of());
    }

    public List<Location> references(YamahaAnalyzer.Result r, String uri, int line, int column, boolean includeDeclaration) {
        YamahaSymbols s = symbols(r);
        return s.at(line, column).map(o -> s.occurrences(o.kind(), o.key()).stream()
                .filter(x -> includeDeclaration || !x.declaration())
                .map(x -> new Location(uri, x.range())).toList()).orElse(List.of());
    }

    /**
     * Renumbers a NAT descriptor or filter everywhere it appears. Empty when the caret is on something else,
     * the new id is not a number, or the number is already taken.
     */
    public Optional<List<TextEdit>> rename(YamahaAnalyzer.Result r, String uri, String text, LineIndex li, int line,
                                           int column, String newId) {
        if (!newId.matches("[1-9][0-9]{0,9}")) return Optional.empty();
        YamahaSymbols s = symbols(r);
        Optional<YamahaSymbols.Occurrence> o = s.at(line, column).filter(x -> RENAMEABLE.contains(x.kind()));
        if (o.isEmpty() || !s.occurrences(o.get().kind(), newId).isEmpty()) return Optional.empty();
        List<TextEdit> edits = new ArrayList<>();
        for (YamahaSymbols.Occurrence x : s.occurrences(o.get().kind(), o.get().key())) {
            SourceRange rg = x.range();
            String written = text.substring(li.offset(rg.startLine(), rg.startColumn()), li.offset(rg.endLine(), rg.endColumn()));
            if (written.equals(x.key())) edits.add(new TextEdit(uri, rg, newId));
        }
        return Optional.of(edits);
    }

    // ----------------------------------------------------------------------------------------- hover

    public Optional<HoverText> hover(YamahaAnalyzer.Result r, int line, int column) {
        Optional<ConfigLine> at = r.lineAt(line);
        if (at.isEmpty() || at.get().parsed().command() == null) return Optional.empty();
        ConfigLine cl = at.get();
        YamahaSymbols symbols = symbols(r);
        Optional<YamahaSymbols.Occurrence> occ = symbols.at(line, column);
        if (occ.isPresent()) return Optional.of(new HoverText(describeObject(r, symbols, occ.get()), occ.get().range()));

        List<CatalogToken> tokens = new ArrayList<>();
        for (Word w : cl.parsed().words()) tokens.add(new CatalogToken(w.text(), cl.positions().range(w)));
        StringBuilder md = new StringBuilder();
        catalog.describe(tokens).ifPresent(d -> md.append(markdown(d)));
        mapeFacts(r, cl).ifPresent(f -> md.append(md.length() > 0 ? "\n\n---\n\n" : "").append(f));
        if (md.length() == 0) return Optional.empty();
        SourceRange whole = cl.positions().range(0, cl.parsed().text().length());
        return Optional.of(new HoverText(md.toString(), whole));
    }

    private static String markdown(CommandDescription d) {
        StringBuilder b = new StringBuilder("**").append(d.command()).append("**");
        if (d.meaning() != null) b.append(" — ").append(d.meaning());
        b.append("\n\n```\n");
        for (String s : d.syntax()) b.append(s).append('\n');
        b.append("```\n");
        if (!d.parameters().isEmpty()) {
            b.append('\n');
            d.parameters().forEach((k, v) -> b.append("- `").append(k).append("`: ").append(v).append('\n'));
        }
        b.append("\nModels: ").append(d.models().isEmpty() ? "none listed" : String.join(", ", d.models()));
        if (!d.limits().isEmpty()) b.append("\n\nFirmware: ").append(String.join("; ", d.limits()));
        b.append("\n\n(reference section ").append(d.section()).append(")");
        return b.toString();
    }

    private static String describeObject(YamahaAnalyzer.Result r, YamahaSymbols s, YamahaSymbols.Occurrence o) {
        StringBuilder b = new StringBuilder("**").append(o.kind().label()).append(' ').append(o.key()).append("**");
        List<YamahaSymbols.Occurrence> defs = s.definitions(o.kind(), o.key());
        if (defs.isEmpty()) {
            b.append("\n\nNot defined in this config.");
        } else {
            b.append("\n\ndefined on line ").append(defs.get(0).range().startLine() + 1);
        }
        if (o.kind() == RefKind.NAT_DESCRIPTOR) {
            YamahaConfig.NatDescriptor d = r.model().natDescriptors().get(Integer.parseInt(o.key()));
            if (d != null) {
                b.append("\n\ntype ").append(d.effectiveType()).append(d.type() == null ? " (default)" : "");
                if (!d.outer().isEmpty()) b.append(", outer ").append(String.join(" ", d.outer().stream().map(YamahaConfig.NatAddressItem::text).toList()));
                if (!d.statics().isEmpty()) b.append(", ").append(d.statics().size()).append(" static entries");
            }
        }
        long uses = s.occurrences(o.kind(), o.key()).stream().filter(x -> !x.declaration()).count();
        b.append("\n\nused ").append(uses).append(uses == 1 ? " time" : " times");
        return b.toString();
    }

    /**
     * On {@code nat descriptor masquerade port range}: the MAP-E port-set shape and PSID the ranges are judged
     * against (from the tunnel's CE address when the config has one, else from the ranges), and where each
     * range falls. The same resolver and check as the {@code yamaha/mape-port-range} rule.
     */
    private static Optional<String> mapeFacts(YamahaAnalyzer.Result r, ConfigLine cl) {
        if (!(cl.parsed().command() instanceof Command.NatPortRange pr)) return Optional.empty();
        Integer descriptor;
        try {
            descriptor = Integer.parseInt(pr.id().text());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        List<PortRange> ranges = new ArrayList<>();
        for (Word w : pr.ranges()) {
            try {
                ranges.add(PortRange.parse(w.text()));
            } catch (RuntimeException e) {
                return Optional.empty(); // the syntax rule reports it
            }
        }
        if (ranges.isEmpty()) return Optional.empty();
        MapeMapping mapping = RESOLVER.resolve(r.model(), descriptor, ranges);
        PortSetCheck.Result check = PortSetCheck.check(ranges, mapping.offset(), mapping.psidlen(), mapping.psid());
        StringBuilder b = new StringBuilder("**MAP-E port set**: offset ").append(mapping.offset()).append(", PSID length ")
                .append(mapping.psidlen()).append(" (").append(mapping.blockCount()).append(" blocks of ")
                .append(mapping.blockSize()).append(" ports), from ").append(mapping.basis());
        if (check.psid().isPresent()) {
            b.append("\n\nPSID ").append(check.psid().getAsInt()).append(check.psidInferred() ? " (most ranges belong to it)" : "");
        }
        if (mapping.ipv4() != null) b.append(", shared IPv4 ").append(mapping.ipv4());
        b.append('\n');
        for (PortRange p : ranges) {
            if (!p.isValid()) continue;
            b.append("\n- ").append(p).append(": block ").append(MapeCalculator.blockIndexOfPort(p.lo(), mapping.offset()))
                    .append(" of PSID ").append(MapeCalculator.psidOfPort(p.lo(), mapping.offset(), mapping.psidlen()));
        }
        b.append("\n\n").append(check.matches() ? "The ranges are exactly this PSID's port set."
                : check.findings().size() + " problem(s) with these ranges; see the diagnostics.");
        return Optional.of(b.toString());
    }

    // ------------------------------------------------------------------------------ outline, folding

    public List<OutlineSymbol> outline(YamahaAnalyzer.Result r) {
        List<OutlineSymbol> out = new ArrayList<>();
        Map<String, List<ConfigLine>> nat = new LinkedHashMap<>();
        OutlineBlock block = null;
        for (ConfigLine cl : r.lines()) {
            Command c = cl.parsed().command();
            if (c instanceof Command.PpSelect || c instanceof Command.TunnelSelect) {
                if (block != null) out.add(block.symbol());
                SelectContext ctx = cl.context();
                block = ctx.isNone() ? null : new OutlineBlock(ctx, cl);
                continue;
            }
            if (block != null && c != null) {
                // `show config` indents a block's lines; a flush-left line after indented ones is outside it
                // in the outline, although the router keeps the selection until the next select
                boolean indented = !cl.parsed().text().isEmpty() && Character.isWhitespace(cl.parsed().text().charAt(0));
                if (cl.context().equals(block.context) && (indented || !block.indented)) {
                    block.indented |= indented;
                    block.children.add(cl);
                    continue;
                }
                out.add(block.symbol());
                block = null;
            }
            if (c instanceof Command.NatSetting n) nat.computeIfAbsent(n.id().text(), k -> new ArrayList<>()).add(cl);
            if (c instanceof Command.FilterDefinition f) {
                SourceRange rg = cl.positions().range(0, cl.parsed().text().length());
                out.add(new OutlineSymbol((f.ipv6() ? "ipv6 filter " : "ip filter ") + (f.dynamic() ? "dynamic " : "") + f.id().text(),
                        null, OutlineSymbol.Kind.FILTER, rg, cl.positions().range(f.id()), List.of()));
            }
        }
        if (block != null) out.add(block.symbol());
        for (Map.Entry<String, List<ConfigLine>> e : nat.entrySet()) {
            List<ConfigLine> ls = e.getValue();
            List<OutlineSymbol> children = ls.stream().map(YamahaFeatures::lineSymbol).toList();
            SourceRange first = children.get(0).range(), last = children.get(children.size() - 1).range();
            YamahaConfig.NatDescriptor d = r.model().natDescriptors().get(Integer.parseInt(e.getKey()));
            out.add(new OutlineSymbol("nat descriptor " + e.getKey(), d == null ? null : d.effectiveType(), OutlineSymbol.Kind.NAT,
                    new SourceRange(first.startLine(), first.startColumn(), last.endLine(), last.endColumn()),
                    children.get(0).selectionRange(), children));
        }
        out.sort((a, b) -> Integer.compare(a.range().startLine(), b.range().startLine()));
        return out;
    }

    /** A PP or tunnel block being collected: its select line and the command lines under it. */
    private static final class OutlineBlock {
        final SelectContext context;
        final ConfigLine select;
        final List<ConfigLine> children = new ArrayList<>();
        boolean indented;

        OutlineBlock(SelectContext context, ConfigLine select) {
            this.context = context;
            this.select = select;
        }

        OutlineSymbol symbol() {
            SourceRange sel = select.positions().range(0, select.parsed().text().length());
            SourceRange end = children.isEmpty() ? sel
                    : children.get(children.size() - 1).positions().range(0, children.get(children.size() - 1).parsed().text().length());
            List<OutlineSymbol> kids = children.stream().map(YamahaFeatures::lineSymbol).toList();
            return new OutlineSymbol(context.toString(), null,
                    context.pp() != null ? OutlineSymbol.Kind.PP : OutlineSymbol.Kind.TUNNEL,
                    new SourceRange(sel.startLine(), sel.startColumn(), end.endLine(), end.endColumn()), sel, kids);
        }
    }

    /** A command line as an outline entry, named by its first words (secret values are already masked). */
    private static OutlineSymbol lineSymbol(ConfigLine cl) {
        List<Word> words = cl.parsed().words();
        String name = String.join(" ", words.subList(0, Math.min(words.size(), 4)).stream().map(Word::text).toList());
        SourceRange rg = cl.positions().range(0, cl.parsed().text().length());
        return new OutlineSymbol(name.isEmpty() ? "(line)" : name, null, OutlineSymbol.Kind.OPTION, rg, rg, List.of());
    }

    public List<FoldRange> folding(YamahaAnalyzer.Result r) {
        List<FoldRange> out = new ArrayList<>();
        for (OutlineSymbol s : outline(r)) {
            if ((s.kind() == OutlineSymbol.Kind.PP || s.kind() == OutlineSymbol.Kind.TUNNEL)
                    && s.range().endLine() > s.range().startLine()) {
                out.add(new FoldRange(s.range().startLine(), s.range().endLine(), false));
            }
        }
        int runStart = -1, runEnd = -1;
        for (ConfigLine cl : r.lines()) {
            boolean comment = cl.parsed().isBlankOrComment() && cl.parsed().commentStart() >= 0;
            if (comment && runStart >= 0 && cl.firstLine() == runEnd + 1) {
                runEnd = cl.lastLine();
            } else {
                if (runStart >= 0 && runEnd > runStart) out.add(new FoldRange(runStart, runEnd, true));
                runStart = comment ? cl.firstLine() : -1;
                runEnd = comment ? cl.lastLine() : -1;
            }
        }
        if (runStart >= 0 && runEnd > runStart) out.add(new FoldRange(runStart, runEnd, true));
        out.sort((a, b) -> Integer.compare(a.startLine(), b.startLine()));
        return out;
    }
}
