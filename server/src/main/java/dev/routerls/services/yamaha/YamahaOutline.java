package dev.routerls.services.yamaha;

import dev.routerls.analysis.YamahaAnalyzer;
import dev.routerls.core.SourceRange;
import dev.routerls.grammar.YamahaLexer;
import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.feature.OutlineParticipant;
import dev.routerls.services.types.FoldRange;
import dev.routerls.services.types.OutlineSymbol;
import dev.routerls.yamaha.ConfigLine;
import dev.routerls.yamaha.EmbeddedText;
import dev.routerls.yamaha.catalog.CommandCatalog;
import dev.routerls.yamaha.model.SelectContext;
import dev.routerls.yamaha.model.YamahaConfig;
import dev.routerls.yamaha.parse.Command;
import dev.routerls.yamaha.parse.Word;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outline of a YAMAHA config (PP and tunnel blocks with their lines, NAT descriptors with their
 * settings, filters) and its folding ranges (blocks, runs of comment lines).
 */
final class YamahaOutline implements OutlineParticipant {
    private final CommandCatalog catalog;

    YamahaOutline(CommandCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<OutlineSymbol> outline(FeatureContext c) {
        return outline(c.yamaha());
    }

    List<OutlineSymbol> outline(YamahaAnalyzer.Result r) {
        List<OutlineSymbol> out = new ArrayList<>();
        Map<String, List<ConfigLine>> nat = new LinkedHashMap<>();
        OutlineBlock block = null;
        for (ConfigLine cl : r.lines()) {
            Command c = cl.parsed().command();
            if (c instanceof Command.PpSelect || c instanceof Command.TunnelSelect) {
                if (block != null) out.add(block.symbol(this));
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
                out.add(block.symbol(this));
                block = null;
            }
            if (c instanceof Command.NatSetting n) nat.computeIfAbsent(n.id().text(), k -> new ArrayList<>()).add(cl);
            if (c instanceof Command.FilterDefinition f) {
                SourceRange rg = cl.positions().range(0, cl.parsed().text().length());
                out.add(new OutlineSymbol((f.ipv6() ? "ipv6 filter " : "ip filter ") + (f.dynamic() ? "dynamic " : "") + f.id().text(),
                        null, OutlineSymbol.Kind.FILTER, rg, cl.positions().range(f.id()), List.of()));
            }
        }
        if (block != null) out.add(block.symbol(this));
        for (Map.Entry<String, List<ConfigLine>> e : nat.entrySet()) {
            List<ConfigLine> ls = e.getValue();
            List<OutlineSymbol> children = ls.stream().map(this::lineSymbol).toList();
            SourceRange first = children.get(0).range(), last = children.get(children.size() - 1).range();
            YamahaConfig.NatDescriptor d = r.model().natDescriptors().get(Integer.parseInt(e.getKey()));
            out.add(new OutlineSymbol("nat descriptor " + e.getKey(), d == null ? null : d.effectiveType(), OutlineSymbol.Kind.NAT,
                    first.to(last),
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

        OutlineSymbol symbol(YamahaOutline names) {
            SourceRange sel = select.positions().range(0, select.parsed().text().length());
            SourceRange end = children.isEmpty() ? sel
                    : children.get(children.size() - 1).positions().range(0, children.get(children.size() - 1).parsed().text().length());
            List<OutlineSymbol> kids = children.stream().map(names::lineSymbol).toList();
            return new OutlineSymbol(context.toString(), null,
                    context.pp() != null ? OutlineSymbol.Kind.PP : OutlineSymbol.Kind.TUNNEL,
                    sel.to(end), sel, kids);
        }
    }

    /**
     * A command line as an outline entry, named by its command words as the catalog reads them and the word
     * after them when it is an id, number, address, interface or a keyword the catalog knows for that place
     * ({@code ip pp nat descriptor 1000}, {@code ip tunnel tcp mss limit auto}). Free text after the command
     * is never shown: on a mistyped secret setting the parser cannot know which word is the secret.
     */
    OutlineSymbol lineSymbol(ConfigLine cl) {
        List<Word> all = cl.parsed().words();
        List<String> words = all.stream().map(Word::text).toList();
        int head = catalog.commandWordCount(words);
        if (head == 0) head = Math.min(words.size(), 4);
        int named = head < words.size() && shownAfterCommand(words.subList(0, head), all.get(head)) ? head + 1 : head;
        String name = String.join(" ", words.subList(0, named));
        SourceRange rg = cl.positions().range(0, cl.parsed().text().length());
        return new OutlineSymbol(name.isEmpty() ? "(line)" : name, null, OutlineSymbol.Kind.OPTION, rg, rg, List.of());
    }

    private boolean shownAfterCommand(List<String> command, Word next) {
        if (next.secret()) return false;
        if (next.type() != YamahaLexer.WORD && next.type() != YamahaLexer.IDENT) return true;
        for (CommandCatalog.Completion k : catalog.completions(command, null)) {
            if (k.type() == CommandCatalog.Completion.Type.KEYWORD && k.text().equalsIgnoreCase(next.text())) return true;
        }
        return false;
    }

    @Override
    public List<FoldRange> folding(FeatureContext c) {
        YamahaAnalyzer.Result r = c.yamaha();
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
        for (EmbeddedText t : r.document().embeddedTexts()) out.add(new FoldRange(t.openerLine(), t.lastLine(), false));
        out.sort((a, b) -> Integer.compare(a.startLine(), b.startLine()));
        return out;
    }
}
