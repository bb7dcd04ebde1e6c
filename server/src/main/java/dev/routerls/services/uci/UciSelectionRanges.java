package dev.routerls.services.uci;

import dev.routerls.core.SourceRange;
import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.feature.SelectionRangeParticipant;
import dev.routerls.services.types.OutlineSymbol;

import java.util.ArrayList;
import java.util.List;

/** Expand selection in a UCI file: the option line, its section, the file. */
final class UciSelectionRanges implements SelectionRangeParticipant {
    @Override
    public List<SourceRange> enclosing(FeatureContext c, int line, int column) {
        List<SourceRange> out = new ArrayList<>();
        UciRouterView.of(c).file(c.uri()).ifPresent(f -> {
            for (OutlineSymbol s : UciOutline.outline(f)) {
                if (!s.range().contains(line, column) && !(s.range().startLine() <= line && line <= s.range().endLine())) continue;
                for (OutlineSymbol o : s.children()) {
                    if (o.range().contains(line, column)) out.add(o.range());
                }
                out.add(s.range());
            }
        });
        if (out.isEmpty()) return out;
        int last = c.lines().lineCount() - 1;
        out.add(new SourceRange(0, 0, last, c.lines().line(last).length()));
        return out;
    }
}
