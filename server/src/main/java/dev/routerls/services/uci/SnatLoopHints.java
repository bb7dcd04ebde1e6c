package dev.routerls.services.uci;

import dev.routerls.core.SourceRange;
import dev.routerls.mape.PortRange;
import dev.routerls.openwrt.router.SnatTarget;
import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.feature.InlayHintParticipant;
import dev.routerls.services.types.InlayHint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Beside a SNAT target of firewall.user, the concrete port range of each block it gives: a loop that
 * computes {@code $portl-$portr} shows the ranges the evaluated loop passes produce, in order.
 */
final class SnatLoopHints implements InlayHintParticipant {
    private static final int SHOWN = 4;

    @Override
    public List<InlayHint> hints(FeatureContext c, SourceRange range) {
        Map<SourceRange, Set<String>> byWord = new LinkedHashMap<>();
        for (SnatTarget t : c.router().snatTargets()) {
            if (!t.uri().equals(c.uri()) || t.range() == null || t.ports().isEmpty()) continue;
            if (t.range().endLine() < range.startLine() || t.range().startLine() > range.endLine()) continue;
            PortRange p = t.ports().get();
            byWord.computeIfAbsent(t.range(), k -> new LinkedHashSet<>()).add(p.toString());
        }
        List<InlayHint> out = new ArrayList<>();
        byWord.forEach((word, ranges) -> {
            List<String> all = List.copyOf(ranges);
            if (all.size() < 2 && word.startLine() == word.endLine() && literal(c, word, all.get(0))) return;
            String label = String.join(" ", all.subList(0, Math.min(SHOWN, all.size())))
                    + (all.size() > SHOWN ? " … (" + all.size() + " blocks)" : "");
            out.add(new InlayHint(word.endLine(), word.endColumn(), label,
                    all.size() + " port block" + (all.size() == 1 ? "" : "s") + ": " + String.join(", ", all)));
        });
        return out;
    }

    /** A target written as the very range it evaluates to needs no hint. */
    private static boolean literal(FeatureContext c, SourceRange word, String ports) {
        String text = c.lines().line(word.startLine()).substring(word.startColumn(), Math.min(word.endColumn(),
                c.lines().line(word.startLine()).length()));
        return text.endsWith(ports);
    }
}
