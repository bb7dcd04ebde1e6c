package dev.routerls.rules.yamaha;

import dev.routerls.core.Severity;
import dev.routerls.rules.Example;
import dev.routerls.rules.Findings;
import dev.routerls.rules.RuleInfo;
import dev.routerls.yamaha.model.YamahaConfig;
import dev.routerls.yamaha.model.YamahaConfig.NatDescriptor;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code yamaha/nat-static-needs-outer}: a {@code nat}-type descriptor used for static NAT without
 * {@code address outer}/{@code address inner}. The defaults ({@code ipcp}, {@code auto}) then make it
 * translate other traffic dynamically too (reference note to 23.6, seed 002).
 */
public final class NatStaticNeedsOuterRule extends YamahaRule {
    public static final String ID = "yamaha/nat-static-needs-outer";

    public NatStaticNeedsOuterRule() {
        super(RuleInfo.rule(ID, Severity.WARNING)
                .summary("static NAT descriptor without address outer/inner, so the defaults add dynamic NAT")
                .rationale("""
                        A `nat` descriptor used for static entries still has `address outer` and `address inner` \
                        settings, and when they are left out they default to `ipcp` and `auto`. The descriptor then \
                        also translates every other inner address dynamically, which a static mapping rarely means \
                        to do. Set both to the addresses of the static entries.""")
                .bad(Example.yamaha("""
                        ip pp nat descriptor 20
                        nat descriptor type 20 nat
                        nat descriptor static 20 1 192.168.254.240=192.168.11.240 1
                        """))
                .good(Example.yamaha("""
                        ip pp nat descriptor 20
                        nat descriptor type 20 nat
                        nat descriptor address outer 20 192.168.254.240
                        nat descriptor address inner 20 192.168.11.240
                        nat descriptor static 20 1 192.168.254.240=192.168.11.240 1
                        """))
                .fixable()
                .tags("nat")
                .build());
    }

    @Override
    public void check(YamahaConfig m, Findings out) {
        for (NatDescriptor d : m.natDescriptors().values()) {
            if (d.statics().isEmpty() || !d.effectiveType().equals("nat")) continue;
            List<String> missing = new ArrayList<>();
            if (d.outerLine() == null) missing.add("`nat descriptor address outer " + d.id() + "` (default ipcp)");
            if (d.innerLine() == null) missing.add("`nat descriptor address inner " + d.id() + "` (default auto)");
            if (missing.isEmpty()) continue;
            YamahaConfig.NatStatic first = d.statics().get(0);
            out.report(out.defaultUri(), first.range(), "NAT descriptor " + d.id() + " has static entries but no "
                    + String.join(" and no ", missing) + ". With the defaults the descriptor also translates other "
                    + "hosts dynamically, which a static-only setup does not intend. Set the outer list to the static "
                    + "outer addresses (e.g. `nat descriptor address outer " + d.id() + " " + first.outer()
                    + "`) and the inner list to the static inner addresses.",
                    YamahaFixes.staticAddresses(d, out.defaultUri()).stream().toList());
        }
    }
}
