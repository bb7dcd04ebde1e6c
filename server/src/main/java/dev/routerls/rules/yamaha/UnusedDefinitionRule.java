package dev.routerls.rules.yamaha;

import dev.routerls.core.Severity;
import dev.routerls.rules.Example;
import dev.routerls.rules.Findings;
import dev.routerls.rules.RuleInfo;
import dev.routerls.yamaha.model.YamahaConfig;
import dev.routerls.yamaha.model.YamahaConfig.Definition;
import dev.routerls.yamaha.model.YamahaConfig.RefKind;
import dev.routerls.yamaha.model.YamahaConfig.Reference;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code yamaha/unused-definition} (hint): NAT descriptors never applied, filters never listed, IPsec
 * SA policies no tunnel or transport uses. Tunnels, PPs and scopes act on their own and are not listed.
 */
public final class UnusedDefinitionRule extends YamahaRule {
    public static final String ID = "yamaha/unused-definition";

    private static final Set<RefKind> CHECKED = EnumSet.of(RefKind.NAT_DESCRIPTOR, RefKind.IP_FILTER,
            RefKind.IP_DYNAMIC_FILTER, RefKind.IPV6_FILTER, RefKind.IPV6_DYNAMIC_FILTER, RefKind.IPSEC_POLICY);

    public UnusedDefinitionRule() {
        super(RuleInfo.rule(ID, Severity.HINT)
                .summary("NAT descriptor, filter or IPsec policy defined but never used")
                .rationale("""
                        A NAT descriptor that no interface applies, a filter that no filter list names, or an IPsec \
                        SA policy that no tunnel or transport uses has no effect. It is often left over from an old \
                        setup, or a sign that the number on the line meant to use it is wrong. Tunnels, PPs and DHCP \
                        scopes work without being referred to and are not reported.""")
                .bad(Example.yamaha("""
                        ip lan1 address 192.168.100.1/24
                        ip filter 500 reject 192.168.100.0/24 * * * netbios_ns-netbios_ssn
                        """))
                .good(Example.yamaha("""
                        ip lan1 address 192.168.100.1/24
                        ip lan1 secure filter in 500
                        ip filter 500 reject 192.168.100.0/24 * * * netbios_ns-netbios_ssn
                        """))
                .tags("reference")
                .build());
    }

    private static boolean untyped(YamahaConfig m, String key) {
        YamahaConfig.NatDescriptor d = m.natDescriptors().get(Integer.valueOf(key));
        return d != null && d.typeRange() == null;
    }

    @Override
    public void check(YamahaConfig m, Findings out) {
        Set<String> used = new HashSet<>();
        for (Reference r : m.references()) used.add(r.kind() + ":" + r.key());
        Set<String> reported = new HashSet<>();
        for (Definition d : m.definitions()) {
            if (!CHECKED.contains(d.kind()) || d.fromTemplate()) continue;
            String key = d.kind() + ":" + d.key();
            if (used.contains(key) || !reported.add(key)) continue;
            // a descriptor with no type either is yamaha/nat-settings-unused's finding
            if (d.kind() == RefKind.NAT_DESCRIPTOR && untyped(m, d.key())) continue;
            boolean filter = d.kind() != RefKind.NAT_DESCRIPTOR && d.kind() != RefKind.IPSEC_POLICY;
            if (filter && m.looseFilterUses().contains(d.key())) continue;
            // kept short: a config can hold thousands of these hints and the language server retains them
            out.report(d.range(), d.kind().label() + " " + d.key() + " is never used, so it has no effect: apply it or delete it.");
        }
    }
}
