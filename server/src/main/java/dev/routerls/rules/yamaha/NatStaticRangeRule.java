package dev.routerls.rules.yamaha;

import dev.routerls.core.Severity;
import dev.routerls.rules.Example;
import dev.routerls.rules.Findings;
import dev.routerls.rules.RuleInfo;
import dev.routerls.yamaha.model.Ipv4;
import dev.routerls.yamaha.model.YamahaConfig;
import dev.routerls.yamaha.model.YamahaConfig.InterfaceAddress;
import dev.routerls.yamaha.model.YamahaConfig.NatDescriptor;
import dev.routerls.yamaha.model.YamahaConfig.NatStatic;

import java.util.List;

/**
 * {@code yamaha/nat-static-range}: a static entry with a count whose run of addresses leaves the subnet
 * it starts in (an interface subnet when one holds it), reaches that subnet's broadcast address, or
 * runs past .255 into the next /24.
 */
public final class NatStaticRangeRule extends YamahaRule {
    public static final String ID = "yamaha/nat-static-range";

    public NatStaticRangeRule() {
        super(RuleInfo.rule(ID, Severity.WARNING)
                .summary("static NAT entry whose count runs past its subnet or past .255")
                .rationale("""
                        `nat descriptor static N ID OUTER=INNER COUNT` maps COUNT consecutive addresses. When that \
                        run leaves the subnet it starts in, ends on the subnet's broadcast address, or runs past .255 \
                        into the next /24, some of the mapped addresses are not usable hosts and the mapping is \
                        wrong for them. The count is usually off by one or two.""")
                .bad(Example.yamaha("""
                        ip lan1 address 192.168.11.250/24
                        ip lan1 nat descriptor reverse 30
                        nat descriptor type 30 nat
                        nat descriptor address outer 30 192.168.253.254
                        nat descriptor address inner 30 192.168.11.254
                        nat descriptor static 30 1 192.168.253.2=192.168.11.2 254
                        """))
                .good(Example.yamaha("""
                        ip lan1 address 192.168.11.250/24
                        ip lan1 nat descriptor reverse 30
                        nat descriptor type 30 nat
                        nat descriptor address outer 30 192.168.253.254
                        nat descriptor address inner 30 192.168.11.254
                        nat descriptor static 30 1 192.168.253.2=192.168.11.2 253
                        """))
                .tags("nat")
                .build());
    }

    @Override
    public void check(YamahaConfig m, Findings out) {
        List<InterfaceAddress> own = m.ownAddresses();
        for (NatDescriptor d : m.natDescriptors().values()) {
            for (NatStatic s : d.statics()) {
                if (s.countRange() == null || s.outer().size() < 2) continue;
                String outer = problem("outer", s.outer(), s.maskForm(), own);
                String inner = problem("inner", s.inner(), s.maskForm(), own);
                if (outer == null && inner == null) continue;
                String problem = outer == null ? inner : inner == null ? outer : outer + ", and " + inner;
                out.report(s.countRange(), "static entry " + s.entry() + " of NAT descriptor " + d.id() + " maps "
                        + s.outer().size() + " addresses, and " + problem + ". Those addresses are not usable hosts, "
                        + "so the mapping is wrong for them. Lower the count so the run ends inside the subnet.");
            }
        }
    }

    private static String problem(String side, Ipv4.Range run, boolean maskForm, List<InterfaceAddress> own) {
        for (InterfaceAddress a : own) {
            Ipv4.Subnet net = a.subnet();
            if (net.length() >= 31 || !net.contains(run.first())) continue;
            if (run.last() > net.broadcast()) {
                return "the " + side + " run " + run + " goes past the end of " + a.iface() + "'s subnet " + net;
            }
            if (run.last() == net.broadcast()) {
                return "the " + side + " run " + run + " ends on the broadcast address of " + a.iface() + "'s subnet " + net;
            }
            return null;
        }
        if (!maskForm && (run.first() >> 8) != (run.last() >> 8)) {
            return "the " + side + " run " + run + " goes past " + Ipv4.format(run.first() | 255) + " into the next /24";
        }
        return null;
    }
}
