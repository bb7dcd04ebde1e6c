package dev.routerls.services.yamaha;

import dev.routerls.analysis.YamahaAnalyzer;
import dev.routerls.core.SourceRange;
import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.feature.SelectionRangeParticipant;
import dev.routerls.services.types.OutlineSymbol;
import dev.routerls.yamaha.ConfigLine;
import dev.routerls.yamaha.parse.Word;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Expand selection in a YAMAHA config: the word, its line, its PP/tunnel block or NAT descriptor, the file. */
final class YamahaSelectionRanges implements SelectionRangeParticipant {
    private final YamahaOutline outline;

    YamahaSelectionRanges(YamahaOutline outline) {
        this.outline = outline;
    }

    @Override
    public List<SourceRange> enclosing(FeatureContext c, int line, int column) {
        YamahaAnalyzer.Result r = c.yamaha();
        List<SourceRange> out = new ArrayList<>();
        Optional<ConfigLine> at = r.lineAt(line);
        if (at.isPresent()) {
            ConfigLine cl = at.get();
            for (Word w : cl.parsed().words()) {
                SourceRange wr = cl.positions().range(w);
                if (wr.contains(line, column)) {
                    out.add(wr);
                    break;
                }
            }
            out.add(cl.positions().range(0, cl.parsed().text().length()));
        }
        for (OutlineSymbol s : outline.outline(r)) {
            if (s.range().startLine() <= line && s.range().endLine() >= line && s.range().endLine() > s.range().startLine()) {
                out.add(s.range());
            }
        }
        int last = c.lines().lineCount() - 1;
        out.add(new SourceRange(0, 0, last, c.lines().line(last).length()));
        return out;
    }
}
