package dev.routerls.rules.openwrt;

import dev.routerls.core.Fix;
import dev.routerls.core.Severity;
import dev.routerls.mape.MapRule;
import dev.routerls.openwrt.router.MapInterface;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.uci.UciValue;
import dev.routerls.rules.Findings;
import dev.routerls.rules.BaseRule;
import dev.routerls.rules.Example;
import dev.routerls.rules.RuleInfo;

import java.util.List;
import java.util.Optional;

/**
 * {@code openwrt/mape-legacymap}: the Japanese MAP-E services build the CE interface id in the older
 * draft layout; OpenWrt only does so with {@code legacymap '1'}, otherwise the BR drops the traffic.
 */
public final class MapeLegacymapRule extends BaseRule<Router> {

    public MapeLegacymapRule() {
        super(RuleInfo.rule("openwrt/mape-legacymap", Severity.ERROR)
                .summary("a map interface on a service that uses the legacy CE address layout lacks legacymap '1'")
                .rationale("""
                        The Japanese MAP-E services build the CE's IPv6 interface identifier in the layout of an \
                        early draft of the MAP-E specification, not the one RFC 7597 settled on. OpenWrt uses that \
                        older layout only with `option legacymap '1'` (LuCI: "Use legacy MAP"). Without it the \
                        tunnel's source address is not the one the border relay expects, and IPv4 traffic is \
                        dropped.""")
                .bad(OpenWrtExamples.network(OpenWrtExamples.NETWORK.replace("\toption legacymap '1'\n", "")))
                .good(OpenWrtExamples.network(OpenWrtExamples.NETWORK))
                .fixable()
                .tags("mape")
                .build());
    }

    @Override
    public void check(Router router, Findings out) {
        for (MapInterface m : router.mapInterfaces()) {
            Optional<MapRule> known = router.knownRule(m);
            if (known.isEmpty() || !known.get().legacymap() || m.legacymap()) continue;
            Optional<UciValue> opt = m.option("legacymap");
            String msg = known.get().isp() + " (rule " + known.get().ip6prefix() + ") expects the CE IPv6 address in the "
                    + "older draft layout, which OpenWrt only uses with legacymap '1'. Without it the tunnel's source "
                    + "address is not the one the border relay expects and IPv4 traffic is dropped. "
                    + (opt.isPresent() ? "Set legacymap to '1'." : "Add option legacymap '1' (LuCI: \"Use legacy MAP\").");
            Fix fix = opt.isPresent()
                    ? new Fix("Set legacymap '1' on interface '" + m.name() + "'", List.of(UciEdits.set(m.uri(), opt.get(), "1")))
                    : new Fix("Add option legacymap '1' to interface '" + m.name() + "'",
                    List.of(UciEdits.add(m.uri(), m.iface().section(), "option", "legacymap", "1")));
            out.report(m.uri(), opt.map(UciValue::range).orElse(m.iface().section().header().range()), msg, List.of(fix));
        }
    }
}
