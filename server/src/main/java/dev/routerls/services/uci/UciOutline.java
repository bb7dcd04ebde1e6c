package dev.routerls.services.uci;

import dev.routerls.core.SourceRange;
import dev.routerls.openwrt.uci.UciFile;
import dev.routerls.openwrt.uci.UciOption;
import dev.routerls.openwrt.uci.UciSection;
import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.feature.OutlineParticipant;
import dev.routerls.services.types.FoldRange;
import dev.routerls.services.types.OutlineSymbol;

import java.util.ArrayList;
import java.util.List;

/** The outline of a UCI file (each section with its options) and the sections that fold. */
final class UciOutline implements OutlineParticipant {
    @Override
    public List<OutlineSymbol> outline(FeatureContext c) {
        return UciRouterView.of(c).file(c.uri()).map(UciOutline::outline).orElse(List.of());
    }

    @Override
    public List<FoldRange> folding(FeatureContext c) {
        return UciRouterView.of(c).file(c.uri()).map(UciOutline::folding).orElse(List.of());
    }

    /** The sections of a file with their options (selection ranges read it too). */
    static List<OutlineSymbol> outline(UciFile file) {
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

    private static List<FoldRange> folding(UciFile file) {
        List<FoldRange> out = new ArrayList<>();
        for (OutlineSymbol s : outline(file)) {
            if (s.range().endLine() > s.range().startLine()) out.add(new FoldRange(s.range().startLine(), s.range().endLine(), false));
        }
        return out;
    }
}
