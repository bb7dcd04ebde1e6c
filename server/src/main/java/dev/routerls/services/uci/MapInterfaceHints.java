package dev.routerls.services.uci;

import dev.routerls.core.SourceRange;
import dev.routerls.mape.MapRule;
import dev.routerls.mape.MapeCalculator;
import dev.routerls.mape.MapeResult;
import dev.routerls.openwrt.router.MapInterface;
import dev.routerls.openwrt.router.MapeExpectation;
import dev.routerls.openwrt.router.Router;
import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.feature.InlayHintParticipant;
import dev.routerls.services.types.InlayHint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * After the header of a {@code proto 'map'} interface: the IPv4 address, PSID and port count its delegated
 * prefix gives under the ISP's rule (computed as the MAP-E rules compute them), or, without a prefix in the
 * config, the port-set shape of its rule.
 */
final class MapInterfaceHints implements InlayHintParticipant {
    @Override
    public List<InlayHint> hints(FeatureContext c, SourceRange range) {
        Router router = c.router();
        List<InlayHint> out = new ArrayList<>();
        for (MapInterface m : router.mapInterfaces()) {
            if (!m.uri().equals(c.uri())) continue;
            SourceRange header = m.iface().section().header().range();
            if (header.endLine() < range.startLine() || header.startLine() > range.endLine()) continue;
            Optional<MapeExpectation> e = router.expectation(m);
            if (e.isPresent()) {
                MapeResult r = e.get().result();
                out.add(new InlayHint(header.endLine(), header.endColumn(),
                        "IPv4 " + r.ipv4() + " · PSID " + r.psid() + " · " + r.portCount() + " ports",
                        "from the delegated prefix " + e.get().prefix().prefix() + " and the "
                                + (e.get().rule().isp() == null ? "configured" : e.get().rule().isp()) + " rule; CE " + r.ce()));
                continue;
            }
            Optional<MapRule> rule = router.portRule(m);
            rule.ifPresent(r -> out.add(new InlayHint(header.endLine(), header.endColumn(),
                    "PSID length " + r.psidlen() + " · " + MapeCalculator.blockCount(r.offset()) + " blocks of " + r.portsPerBlock() + " ports",
                    "no delegated prefix in the config, so the IPv4 address and PSID are not known here")));
        }
        return out;
    }
}
