package dev.routerls.openwrt.mape;

import dev.routerls.mape.MapRule;
import dev.routerls.mape.MapeResult;
import dev.routerls.mape.PortRange;
import dev.routerls.mape.PortSetCheck;
import dev.routerls.openwrt.router.IptablesRule;
import dev.routerls.openwrt.router.MapInterface;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.router.SnatTarget;
import dev.routerls.openwrt.shell.IptablesCommand;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Whether a router's SNAT for one map interface is exactly what its delegated prefix asks for: every
 * target known, to the expected IPv4 address, its distinct ranges exactly the PSID's port set (whole blocks,
 * nothing missing, no range the kernel cuts down to its first port), and every nth-statistic rule of
 * firewall.user spreading over that many blocks. Used to decide whether an edit or a generated block is
 * right before it is offered, and whether a router needs new SNAT rules at all.
 */
public final class SnatExpectationCheck {
    private SnatExpectationCheck() {
    }

    /** True when the SNAT rules of map interface {@code mapName} give exactly {@code want}. */
    public static boolean matches(Router router, String mapName, MapeResult want) {
        Optional<MapInterface> map = router.mapInterfaces().stream().filter(m -> m.name().equals(mapName)).findFirst();
        if (map.isEmpty()) return false;
        List<SnatTarget> targets = router.snatTargetsFor(map.get());
        if (targets.isEmpty() || targets.stream().anyMatch(t -> !t.known() || t.ports().isEmpty() || t.firstPortOnly()
                || !t.ipv4().equals(Optional.of(want.ipv4())))) {
            return false;
        }
        Set<PortRange> distinct = new java.util.LinkedHashSet<>();
        targets.forEach(t -> distinct.add(t.ports().get()));
        if (!distinct.equals(new HashSet<>(want.ports()))) return false;
        MapRule rule = want.rule();
        if (!PortSetCheck.check(List.copyOf(distinct), rule.offset(), rule.psidlen(), OptionalInt.of(want.psid()))
                .findings().isEmpty()) {
            return false;
        }
        // every nth-statistic chain spreads over exactly the blocks: --every N, each packet index 0…N−1 once
        Map<String, Set<Long>> packets = new HashMap<>();
        for (IptablesRule r : router.iptables()) {
            Optional<IptablesCommand.Statistic> st = r.command().statistic();
            if (!r.adds() || st.isEmpty() || !"nth".equals(st.get().mode())) continue;
            if (st.get().every() == null || st.get().every() != want.ports().size()) return false;
            long packet = st.get().packet() == null ? 0 : st.get().packet();
            if (!packets.computeIfAbsent(r.command().table() + " " + r.command().chain(), k -> new HashSet<>()).add(packet)) {
                return false;
            }
        }
        for (Set<Long> p : packets.values()) {
            if (p.size() != want.ports().size() || p.stream().anyMatch(x -> x < 0 || x >= want.ports().size())) return false;
        }
        return true;
    }
}
