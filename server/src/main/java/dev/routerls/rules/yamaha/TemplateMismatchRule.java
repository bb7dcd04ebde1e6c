package dev.routerls.rules.yamaha;

import dev.routerls.core.Severity;
import dev.routerls.rules.Example;
import dev.routerls.rules.Findings;
import dev.routerls.rules.RuleInfo;
import dev.routerls.yamaha.model.YamahaConfig;
import dev.routerls.yamaha.model.YamahaConfig.IpsecId;
import dev.routerls.yamaha.model.YamahaConfig.IpsecTransport;
import dev.routerls.yamaha.model.YamahaConfig.TransportTemplate;
import dev.routerls.yamaha.model.YamahaConfig.TunnelBlock;
import dev.routerls.yamaha.model.YamahaConfig.TunnelRef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code yamaha/template-mismatch}: a template renumbers only ids equal to its source number (the tunnel
 * for {@code tunnel template}, the transport id for {@code ipsec transport template}). Any other id is
 * copied unchanged, so the copies collide and the template does not expand (seed 002).
 */
public final class TemplateMismatchRule extends YamahaRule {
    public static final String ID = "yamaha/template-mismatch";

    public TemplateMismatchRule() {
        super(RuleInfo.rule(ID, Severity.WARNING)
                .summary("template whose ids do not equal the source number, so it does not expand")
                .rationale("""
                        `tunnel template` and `ipsec transport template` copy the selected tunnel's settings to other \
                        tunnels and renumber every id that equals the source tunnel number. An id that differs, \
                        such as SA policy 5 inside tunnel 2, is copied unchanged, so the copies collide and the \
                        router does not expand the template at all: the sites behind those tunnels cannot connect. \
                        Number the policy and gateway ids after the tunnel.""")
                .bad(Example.yamaha("""
                        tunnel select 2
                         tunnel template 3-4
                         ipsec tunnel 5
                          ipsec sa policy 5 2 esp aes-cbc sha-hmac
                        no tunnel select
                        """))
                .good(Example.yamaha("""
                        tunnel select 2
                         tunnel template 3-4
                         ipsec tunnel 2
                          ipsec sa policy 2 2 esp aes-cbc sha-hmac
                        no tunnel select
                        """))
                .fixable()
                .tags("vpn")
                .build());
    }

    @Override
    public void check(YamahaConfig m, Findings out) {
        for (TunnelBlock t : m.tunnels().values()) {
            if (t.fromTemplate() != null || t.templateTargets().isEmpty()) continue;
            String targets = targets(t.templateTargets());
            for (IpsecId id : t.ipsecIds()) {
                if (id.value() == t.id()) continue;
                out.report(out.defaultUri(), id.range(), id.what() + " is " + id.value() + " in tunnel " + t.id() + ", which has `tunnel "
                        + "template " + targets + "`. The template renumbers only ids equal to the tunnel number ("
                        + t.id() + "), so tunnels " + targets + " would all reuse " + id.value()
                        + " and the template does not expand. Use " + t.id() + " here.", (id.what().startsWith("the policy id")
                        ? YamahaFixes.renumberPolicy(m, out.defaultUri(), id.value(), t.id())
                        : YamahaFixes.renumberGateway(t, out.defaultUri(), id.value(), t.id())).stream().toList());
            }
        }
        Map<Integer, List<IpsecTransport>> transportsById = new HashMap<>();
        for (IpsecTransport tr : m.transports()) transportsById.computeIfAbsent(tr.id(), k -> new ArrayList<>()).add(tr);
        for (TransportTemplate tt : m.transportTemplates()) {
            for (IpsecTransport tr : transportsById.getOrDefault(tt.source(), List.of())) {
                if (tr.policy() == tr.id()) continue;
                String targets = targets(tt.targets());
                out.report(out.defaultUri(), tr.policyRange(), "`ipsec transport " + tr.id() + "` uses SA policy " + tr.policy()
                        + ", but `ipsec transport template " + tt.source() + " " + targets + "` renumbers only ids equal to "
                        + tt.source() + ": every copy would use policy " + tr.policy()
                        + " and the template does not expand. Number the policy " + tr.id()
                        + " (as the tunnel and transport) so each copy gets its own.",
                        YamahaFixes.renumberPolicy(m, out.defaultUri(), tr.policy(), tr.id()).stream().toList());
            }
        }
    }

    private static String targets(List<TunnelRef> refs) {
        return refs.stream().map(r -> Integer.toString(r.tunnel())).distinct().collect(Collectors.joining(","));
    }
}
