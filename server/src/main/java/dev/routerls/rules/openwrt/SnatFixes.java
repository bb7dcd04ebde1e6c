package dev.routerls.rules.openwrt;

import dev.routerls.core.Fix;
import dev.routerls.openwrt.mape.SnatLoopReplacement;
import dev.routerls.openwrt.router.MapInterface;
import dev.routerls.openwrt.router.Router;

import java.util.List;

/**
 * The fix the MAP-E SNAT findings of a firewall.user loop share: setting the one wrong assignment
 * ({@link SnatScriptRepair}) when that alone gives the right SNAT, else replacing the loop with the generated
 * rules ({@link SnatLoopReplacement}). Both are checked by evaluating the edited script again.
 */
final class SnatFixes {
    private SnatFixes() {
    }

    static List<Fix> forMap(Router router, MapInterface map) {
        return router.derived("snat-fixes " + map.name(), () -> SnatScriptRepair.forMap(router, map)
                .or(() -> SnatLoopReplacement.forMap(router, map).map(SnatLoopReplacement.Replacement::fix))
                .stream().toList());
    }
}
