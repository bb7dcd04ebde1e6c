package dev.routerls.rules.yamaha;

import dev.routerls.core.Severity;
import dev.routerls.core.SourceRange;
import dev.routerls.rules.Example;
import dev.routerls.rules.Findings;
import dev.routerls.rules.RuleInfo;
import dev.routerls.yamaha.model.ModelFacts;
import dev.routerls.yamaha.model.YamahaConfig;
import dev.routerls.yamaha.model.YamahaConfig.NatUse;
import dev.routerls.yamaha.model.YamahaConfig.Setting;
import dev.routerls.yamaha.model.YamahaConfig.TunnelBlock;
import dev.routerls.yamaha.model.YamahaConfig.TunnelRef;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code yamaha/limit}: tunnel and PP numbers beyond the model's range, and more NAT descriptors on one
 * interface than the router takes. Models whose limits are not known (NVR510, NVR500 …) are not checked.
 */
public final class LimitRule extends YamahaRule {
    public static final String ID = "yamaha/limit";

    public LimitRule() {
        super(RuleInfo.rule(ID, Severity.ERROR)
                .summary("tunnel/PP numbers or list lengths beyond the model's limits")
                .rationale("""
                        Each model has a fixed range of tunnel and PP numbers (RTX830: tunnels 1-20 and PP 1-30; \
                        RTX1210: 1-100), and one interface takes at most 16 NAT descriptors. A number beyond the \
                        range is rejected, and with it everything configured inside that tunnel or PP block. Models \
                        whose limits the command reference does not give (NVR510, NVR500) are not checked.""")
                .bad(Example.yamaha("""
                        # RTX830 Rev.15.02.20 (Mon Jan  1 00:00:00 2024)
                        tunnel select 21
                         tunnel encapsulation l2tpv3
                        """))
                .good(Example.yamaha("""
                        # RTX830 Rev.15.02.20 (Mon Jan  1 00:00:00 2024)
                        tunnel select 20
                         tunnel encapsulation l2tpv3
                        """))
                .tags("model")
                .build());
    }

    @Override
    public void check(YamahaConfig m, Findings out) {
        Optional<Integer> maxTunnel = ModelFacts.maxTunnel(m.model().orElse(null));
        Optional<Integer> maxPp = ModelFacts.maxPp(m.model().orElse(null));
        if (maxTunnel.isPresent()) {
            for (Setting s : m.tunnelSelects()) tunnel(m, out, Integer.parseInt(s.value()), s.range(), maxTunnel.get());
            for (TunnelBlock t : m.tunnels().values()) {
                // a range word (3-40) yields one ref per tunnel; report the word once, naming the first bad number
                java.util.Set<SourceRange> seen = new java.util.HashSet<>();
                for (TunnelRef r : t.templateTargets()) {
                    if ((r.tunnel() < 1 || r.tunnel() > maxTunnel.get()) && seen.add(r.range())) {
                        tunnel(m, out, r.tunnel(), r.range(), maxTunnel.get());
                    }
                }
            }
        }
        if (maxPp.isPresent()) {
            for (Setting s : m.ppSelects()) {
                int n = Integer.parseInt(s.value());
                if (n < 1 || n > maxPp.get()) {
                    out.report(s.range(), "PP " + n + " does not exist on " + modelName(m) + ", which has PP 1-"
                            + maxPp.get() + "; the router rejects `pp select " + n + "` and everything in the block. "
                            + "Use a PP number from 1 to " + maxPp.get() + ".");
                }
            }
        }
        Map<Integer, List<NatUse>> perLine = new LinkedHashMap<>();
        for (NatUse u : m.natUses()) perLine.computeIfAbsent(u.range().startLine(), k -> new java.util.ArrayList<>()).add(u);
        int max = ModelFacts.MAX_NAT_DESCRIPTORS_PER_INTERFACE;
        for (List<NatUse> uses : perLine.values()) {
            if (uses.size() <= max) continue;
            SourceRange first = uses.get(max).range(), last = uses.get(uses.size() - 1).range();
            out.report(first.to(last),
                    "this line applies " + uses.size() + " NAT descriptors to one interface; the router takes at most "
                            + max + " and rejects the line. Merge descriptors or drop some.");
        }
    }

    private void tunnel(YamahaConfig m, Findings out, int n, SourceRange range, int max) {
        if (n >= 1 && n <= max) return;
        out.report(range, "tunnel " + n + " does not exist on " + modelName(m) + ", which has tunnels 1-" + max
                + "; the router rejects it. Use a tunnel number from 1 to " + max + ".");
    }
}
