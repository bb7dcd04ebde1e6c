package dev.routerls.rules.yamaha;

import dev.routerls.core.Severity;
import dev.routerls.rules.Example;
import dev.routerls.rules.Findings;
import dev.routerls.rules.RuleInfo;
import dev.routerls.yamaha.model.ModelFacts;
import dev.routerls.yamaha.model.YamahaConfig;
import dev.routerls.yamaha.model.YamahaConfig.NatUse;

/**
 * {@code yamaha/nat-backward-compatibility}: on a model whose port-saving masquerade is on by default,
 * NAT applied on {@code pp anonymous} does not work unless {@code nat descriptor backward-compatibility 1}
 * turns port saving off (seed 002, NVR510). Models not known to port-save get no finding.
 */
public final class NatBackwardCompatibilityRule extends YamahaRule {
    public static final String ID = "yamaha/nat-backward-compatibility";

    public NatBackwardCompatibilityRule() {
        super(RuleInfo.rule(ID, Severity.WARNING)
                .summary("NAT on pp anonymous of a port-saving model without backward-compatibility 1")
                .rationale("""
                        Models of the Rev.14.01 line and later (RTX1210, RTX830, NVR510 and newer) use port-saving \
                        masquerade by default (`nat descriptor backward-compatibility 2`). With port saving on, NAT \
                        applied on `pp anonymous`, the PP of L2TP/IPsec remote-access clients, does not work. \
                        `nat descriptor backward-compatibility 1` turns port saving off; the router applies the \
                        change only after a restart. Models without port saving (NVR500) are not reported.""")
                .bad(Example.yamaha("""
                        # NVR510 Rev.15.01.21 (Fri Mar 27 15:30:12 2020)
                        pp select anonymous
                         ip pp nat descriptor 20
                        nat descriptor type 20 nat
                        nat descriptor address outer 20 192.168.254.240
                        nat descriptor address inner 20 192.168.11.240
                        """))
                .good(Example.yamaha("""
                        # NVR510 Rev.15.01.21 (Fri Mar 27 15:30:12 2020)
                        pp select anonymous
                         ip pp nat descriptor 20
                        nat descriptor type 20 nat
                        nat descriptor address outer 20 192.168.254.240
                        nat descriptor address inner 20 192.168.11.240
                        nat descriptor backward-compatibility 1
                        """))
                .fixable()
                .tags("nat", "vpn")
                .build());
    }

    @Override
    public void check(YamahaConfig m, Findings out) {
        if (!ModelFacts.portSavingByDefault(m.model().orElse(null)).orElse(false)) return;
        java.util.Optional<YamahaConfig.Setting> compatibility = m.backwardCompatibility();
        if (compatibility.isPresent() && compatibility.get().value().equals("1")) return;
        String setting = compatibility.map(c -> "set to " + c.value() + " (port saving on)")
                .orElse("not set (default 2: port saving on)");
        java.util.List<dev.routerls.core.Fix> fix = YamahaFixes.backwardCompatibility(m, out.defaultUri()).stream().toList();
        for (NatUse use : m.natUses()) {
            if (!use.iface().equals("pp") || !"anonymous".equals(use.context().pp())) continue;
            out.report(out.defaultUri(), use.range(), "NAT descriptor " + use.descriptor() + " is applied on `pp anonymous`, but on "
                    + modelName(m) + " `nat descriptor backward-compatibility` is " + setting
                    + ", and with port-saving masquerade NAT does not work for the L2TP/IPsec clients of pp anonymous. "
                    + "Add `nat descriptor backward-compatibility 1` and restart the router (the change needs a restart).", fix);
        }
    }
}
