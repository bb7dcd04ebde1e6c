package dev.routerls.rules.yamaha;

import dev.routerls.core.Severity;
import dev.routerls.core.SourceRange;
import dev.routerls.rules.Findings;
import dev.routerls.yamaha.mape.MapeRuleSource;
import dev.routerls.yamaha.mape.PortSetCheck;
import dev.routerls.yamaha.mape.PortSetProfile;
import dev.routerls.yamaha.model.ModelFacts;
import dev.routerls.yamaha.model.YamahaConfig;
import dev.routerls.yamaha.model.YamahaConfig.NatDescriptor;
import dev.routerls.yamaha.model.YamahaConfig.NatUse;
import dev.routerls.yamaha.model.YamahaConfig.PortBlock;
import dev.routerls.yamaha.model.YamahaConfig.TunnelBlock;

import java.util.List;
import java.util.Optional;

/**
 * {@code yamaha/mape-port-range}: {@code nat descriptor masquerade port range} blocks that are not the
 * MAP-E port set of one PSID, and more ranges than the firmware accepts. The profile comes from the
 * tunnel the descriptor is applied to ({@link MapeRuleSource} on its endpoint addresses), else from the
 * block structure itself.
 */
public final class MapePortRangeRule extends YamahaRule {
    public static final String ID = "yamaha/mape-port-range";

    private final MapeRuleSource rules;

    public MapePortRangeRule() {
        this(MapeRuleSource.BORDER_RELAYS);
    }

    public MapePortRangeRule(MapeRuleSource rules) {
        super(ID, Severity.WARNING, "masquerade port ranges that are not one PSID's MAP-E port set, or too many ranges");
        this.rules = rules;
    }

    @Override
    public void check(YamahaConfig m, Findings out) {
        for (NatDescriptor d : m.natDescriptors.values()) {
            if (d.portBlocks.isEmpty()) continue;
            Optional<Integer> max = ModelFacts.maxPortRanges(m.model, m.revision);
            if (max.isPresent() && d.portBlocks.size() > max.get()) {
                PortBlock first = d.portBlocks.get(max.get());
                PortBlock last = d.portBlocks.get(d.portBlocks.size() - 1);
                out.report(new SourceRange(first.range().startLine(), first.range().startColumn(),
                                last.range().endLine(), last.range().endColumn()),
                        "NAT descriptor " + d.id + " lists " + d.portBlocks.size() + " port ranges, but "
                                + modelName(m) + " accepts at most " + max.get()
                                + "; the router rejects the line and the descriptor has no port set. "
                                + "Keep at most " + max.get() + " ranges or update the firmware.");
            }
            List<PortSetCheck.Block> blocks = d.portBlocks.stream()
                    .map(b -> new PortSetCheck.Block(b.first(), b.last())).toList();
            Optional<PortSetProfile> fromRule = profileOfTunnel(m, d.id);
            PortSetProfile profile = fromRule.orElseGet(() -> PortSetCheck.infer(blocks));
            String basis = fromRule.isPresent() ? "the " + profile.name() + " mapping rule of the tunnel's border relay"
                    : "the " + profile.name() + " layout these blocks follow";
            for (PortSetCheck.Issue issue : PortSetCheck.check(blocks, profile)) {
                PortBlock b = d.portBlocks.get(issue.index());
                out.report(b.range(), "port range " + b.first() + "-" + b.last() + " of NAT descriptor " + d.id + " "
                        + issue.message() + ", judged by " + basis + ". Ports outside the PSID's set are dropped "
                        + "by the MAP-E border relay, so connections using them fail. List exactly the blocks "
                        + "A*" + profile.stride() + " + PSID*" + profile.blockSize() + " (A = 1 to " + profile.blockCount()
                        + ") of your PSID.");
            }
        }
    }

    /** The profile of the tunnel (CE, BR) this descriptor is applied to, when the rule source knows it. */
    private Optional<PortSetProfile> profileOfTunnel(YamahaConfig m, int descriptor) {
        for (NatUse use : m.natUses) {
            if (use.descriptor() != descriptor || !use.iface().equals("tunnel") || use.context().tunnel() == null) continue;
            TunnelBlock t = m.tunnels.get(use.context().tunnel());
            if (t == null || t.endpointRemote == null) continue;
            Optional<PortSetProfile> p = rules.profileFor(
                    t.endpointLocal == null ? null : t.endpointLocal.value(), t.endpointRemote.value());
            if (p.isPresent()) return p;
        }
        return Optional.empty();
    }
}
