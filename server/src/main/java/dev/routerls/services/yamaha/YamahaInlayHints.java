package dev.routerls.services.yamaha;

import dev.routerls.analysis.YamahaAnalyzer;
import dev.routerls.core.SourceRange;
import dev.routerls.mape.MapeCalculator;
import dev.routerls.mape.PortRange;
import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.feature.InlayHintParticipant;
import dev.routerls.services.types.InlayHint;
import dev.routerls.yamaha.ConfigLine;
import dev.routerls.yamaha.mape.MapeMapping;
import dev.routerls.yamaha.mape.MapeMappingResolver;
import dev.routerls.yamaha.parse.Command;
import dev.routerls.yamaha.parse.Word;

import java.util.ArrayList;
import java.util.List;

/**
 * After each range of {@code nat descriptor masquerade port range}, the MAP-E PSID (and block) it belongs
 * to, under the port-set shape the {@code yamaha/mape-port-range} rule judges it by (from the tunnel's CE
 * address when the config has one, else from the ranges themselves).
 */
final class YamahaInlayHints implements InlayHintParticipant {
    @Override
    public List<InlayHint> hints(FeatureContext c, SourceRange range) {
        YamahaAnalyzer.Result r = c.yamaha();
        List<InlayHint> out = new ArrayList<>();
        for (ConfigLine cl : r.lines()) {
            if (cl.lastLine() < range.startLine() || cl.firstLine() > range.endLine()) continue;
            if (!(cl.parsed().command() instanceof Command.NatPortRange pr)) continue;
            List<PortRange> ranges = new ArrayList<>();
            List<Word> words = new ArrayList<>();
            for (Word w : pr.ranges()) {
                // a word that is no range is the syntax rule's to report
                PortRange.read(w.text()).ifPresent(p -> {
                    ranges.add(p);
                    words.add(w);
                });
            }
            int descriptor;
            try {
                descriptor = Integer.parseInt(pr.id().text());
            } catch (NumberFormatException e) {
                continue;
            }
            if (ranges.isEmpty()) continue;
            MapeMapping m = MapeMappingResolver.bundled().resolve(r.model(), descriptor, ranges);
            for (int i = 0; i < ranges.size(); i++) {
                PortRange p = ranges.get(i);
                if (!p.isValid()) continue;
                SourceRange at = cl.positions().range(words.get(i));
                int psid = MapeCalculator.psidOfPort(p.lo(), m.offset(), m.psidlen());
                int block = MapeCalculator.blockIndexOfPort(p.lo(), m.offset());
                out.add(new InlayHint(at.endLine(), at.endColumn(), "PSID " + psid,
                        "block " + block + " of PSID " + psid + " (offset " + m.offset() + ", PSID length " + m.psidlen()
                                + ", from " + m.basis() + ")"));
            }
        }
        return out;
    }
}
