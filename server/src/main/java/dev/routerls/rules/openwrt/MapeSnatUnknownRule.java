package dev.routerls.rules.openwrt;

import dev.routerls.core.Severity;
import dev.routerls.openwrt.router.MapInterface;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.router.SnatTarget;
import dev.routerls.rules.BaseRule;
import dev.routerls.rules.Findings;
import dev.routerls.rules.RuleInfo;

import java.util.Optional;

/**
 * {@code openwrt/mape-snat-unknown} (info): a MAP-E SNAT target whose address or ports come from a value
 * routerls cannot compute. The MAP-E rules then check nothing for that interface; this says so once, so a
 * quiet result is not taken for a checked one.
 */
public final class MapeSnatUnknownRule extends BaseRule<Router> {

    public MapeSnatUnknownRule() {
        super(RuleInfo.rule("openwrt/mape-snat-unknown", Severity.INFO)
                .summary("MAP-E SNAT address or ports come from values routerls cannot compute, so they are not checked")
                .rationale("""
                        When the SNAT address or ports of a MAP-E script come from something routerls cannot \
                        compute, such as the output of a command in `$(...)`, the MAP-E checks cannot tell whether \
                        they are right and skip them. This note says so, so that no finding is not mistaken for a \
                        checked script. Write the values as numbers, or compute them in the script from values \
                        routerls can read, such as `uci get`.""")
                .bad(OpenWrtExamples.script(OpenWrtExamples.SCRIPT.replace("IP4='133.200.18.52'",
                        "IP4=$(ip -4 addr show map-wan_map | awk '/inet/ {print $2}')")))
                .good(OpenWrtExamples.script(OpenWrtExamples.SCRIPT))
                .tags("mape")
                .build());
    }

    @Override
    public void check(Router router, Findings out) {
        for (MapInterface m : router.mapInterfaces()) {
            Optional<SnatTarget> unknown = router.snatTargetsFor(m).stream().filter(t -> !t.known()).findFirst();
            if (unknown.isEmpty()) continue;
            out.report(unknown.get().uri(), SnatPortRanges.at(unknown.get()), "The SNAT address and ports here come "
                    + "from a value routerls cannot compute (e.g. a command inside $(…)), so the IPv4 address, "
                    + "PSID and port set are not checked. Write them as numbers or compute them in the script "
                    + "from options routerls can read (uci get).");
        }
    }
}
