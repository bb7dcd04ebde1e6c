package dev.routerls.services.uci;

import dev.routerls.openwrt.router.MapInterface;
import dev.routerls.openwrt.router.NetworkInterface;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.router.SnatTarget;
import dev.routerls.openwrt.shell.EvaluatedWord;
import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.feature.HoverParticipant;
import dev.routerls.services.mape.MapeFacts;
import dev.routerls.services.types.HoverText;

import java.util.List;
import java.util.Optional;

/**
 * Hover in firewall.user, read from the router model: an output device ({@code -o map-wan_map}) says which
 * interface it is (a MAP-E one with its computed values), a SNAT target which MAP-E block and PSID its
 * ports are.
 */
final class ScriptHover implements HoverParticipant {
    @Override
    public Optional<HoverText> hover(FeatureContext c, int line, int column) {
        Router router = c.router();
        String uri = c.uri();
        if (!ScriptDevices.isFirewallUser(router, uri)) return Optional.empty();
        Optional<EvaluatedWord> w = ScriptDevices.outputWordAt(router, uri, line, column);
        if (w.isPresent()) {
            Optional<NetworkInterface> iface = router.interfaceOfDevice(w.get().text());
            String md = iface.isEmpty()
                    ? "`" + w.get().display() + "`: no interface of this router has this device"
                    : iface.get().isMap() ? MapeFacts.describeMapInterface(router, new MapInterface(iface.get()))
                    : "device of interface `" + iface.get().name() + "` (proto `" + iface.get().proto() + "`)";
            return Optional.of(new HoverText(md, w.get().range()));
        }
        List<SnatTarget> here = router.snatTargets().stream()
                .filter(t -> t.uri().equals(uri) && t.range() != null && t.range().contains(line, column)).toList();
        if (here.isEmpty()) return Optional.empty();
        return MapeFacts.describeSnat(router, here).map(md -> new HoverText(md, here.get(0).range()));
    }
}
