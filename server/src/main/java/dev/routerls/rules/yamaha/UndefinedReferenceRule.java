package dev.routerls.rules.yamaha;

import dev.routerls.core.Severity;
import dev.routerls.rules.Findings;
import dev.routerls.yamaha.model.YamahaConfig;
import dev.routerls.yamaha.model.YamahaConfig.Reference;

/**
 * {@code yamaha/undefined-reference}: a NAT descriptor, tunnel, PP, IPsec policy or transport, filter or
 * DHCP scope used by number but never defined (template-expanded tunnels and policies count as defined).
 */
public final class UndefinedReferenceRule extends YamahaRule {
    public static final String ID = "yamaha/undefined-reference";

    public UndefinedReferenceRule() {
        super(ID, Severity.WARNING, "descriptor, tunnel, PP, IPsec policy, filter or scope used but never defined");
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
        };
    }
}
