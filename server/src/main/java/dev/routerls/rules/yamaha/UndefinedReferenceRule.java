package dev.routerls.rules.yamaha;

import dev.routerls.core.Severity;
import dev.routerls.rules.Example;
import dev.routerls.rules.Findings;
import dev.routerls.rules.RuleInfo;
import dev.routerls.yamaha.model.YamahaConfig;
import dev.routerls.yamaha.model.YamahaConfig.Reference;

/**
 * {@code yamaha/undefined-reference}: a NAT descriptor, tunnel, PP, IPsec policy or transport, filter or
 * DHCP scope used by number but never defined (template-expanded tunnels and policies count as defined).
 */
public final class UndefinedReferenceRule extends YamahaRule {
    public static final String ID = "yamaha/undefined-reference";

    public UndefinedReferenceRule() {
        super(RuleInfo.rule(ID, Severity.WARNING)
                .summary("descriptor, tunnel, PP, IPsec policy, filter or scope used but never defined")
                .rationale("""
                        NAT descriptors, filters, tunnels, PPs, IPsec policies and DHCP scopes are referred to by \
                        number. A number that is never defined is accepted but refers to nothing: the interface gets \
                        no address translation, a filter list has a hole, a route leads to a PP that does not exist. \
                        It is usually a typo, or a definition deleted while its uses stayed. Tunnels and policies \
                        that a template creates count as defined.""")
                .bad(Example.yamaha("""
                        ip lan2 address 192.168.1.1/24
                        ip lan2 nat descriptor 40
                        nat descriptor type 4 masquerade
                        """))
                .good(Example.yamaha("""
                        ip lan2 address 192.168.1.1/24
                        ip lan2 nat descriptor 40
                        nat descriptor type 40 masquerade
                        """))
                .tags("reference")
                .build());
    }

    @Override
    public void check(YamahaConfig m, Findings out) {
        for (Reference r : m.references()) {
            if (m.isDefined(r.kind(), r.key())) continue;
            out.report(r.range(), r.kind().label() + " " + r.key() + " is used by `" + r.where()
                    + "` but never defined in this config, so " + consequence(r.kind()) + " Define "
                    + r.kind().label() + " " + r.key() + " or correct the number.");
        }
    }

    private static String consequence(YamahaConfig.RefKind kind) {
        return switch (kind) {
            case NAT_DESCRIPTOR -> "the interface gets no address translation from it.";
            case TUNNEL -> "nothing is bound or routed there and connections over it fail.";
            case PP -> "traffic routed to it is dropped.";
            case IPSEC_POLICY -> "no IPsec SA can be set up for it.";
            case IPSEC_TRANSPORT -> "the template copies nothing.";
            case IP_FILTER, IP_DYNAMIC_FILTER, IPV6_FILTER, IPV6_DYNAMIC_FILTER ->
                    "the filter list does not do what it says.";
            case DHCP_SCOPE -> "the setting applies to no scope.";
            case EMBEDDED_FILE -> "there is no such script to run and the command fails.";
        };
    }
}
