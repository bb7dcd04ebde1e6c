package dev.routerls.yamaha.mape;

import dev.routerls.core.SourceRange;
import dev.routerls.mape.InterfaceIdLayout;
import dev.routerls.mape.Ipv6Address;
import dev.routerls.mape.Ipv6Prefix;
import dev.routerls.mape.MapRule;
import dev.routerls.mape.MapeCalculator;
import dev.routerls.mape.MapeResult;
import dev.routerls.mape.MapeRuleTable;
import dev.routerls.mape.PortRange;
import dev.routerls.yamaha.model.YamahaConfig;
import dev.routerls.yamaha.model.YamahaConfig.NatUse;
import dev.routerls.yamaha.model.YamahaConfig.TunnelBlock;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Finds the MAP-E mapping a NAT descriptor's port ranges must follow, from the tunnel it is applied to:
 * <ol>
 * <li>the CE address ({@code tunnel endpoint address CE BR}, else a literal {@code ipv6 IF address}
 *     inside a known rule) → its rule in {@link MapeRuleTable}, IPv4 and PSID (EA bits of the prefix,
 *     cross-checked with the interface id in the rule's layout);</li>
 * <li>else the BR address → the shape shared by the rules of that border relay (no PSID);</li>
 * <li>else the shape of the table's rule families that the blocks fit best (no PSID).</li>
 * </ol>
 * A PSID is never guessed: it is set only in case 1.
 */
public final class MapeMappingResolver {
    private final MapeRuleTable table;
    /** (offset, psidlen) → the services using that shape, in table order. */
    private final Map<List<Integer>, Set<String>> families = new LinkedHashMap<>();

    private static final class Bundled {
        static final MapeMappingResolver RESOLVER = new MapeMappingResolver(MapeRuleTable.bundled());
    }

    /** The resolver of the bundled rule table, made on first use (most configs have no MAP-E port blocks). */
    public static MapeMappingResolver bundled() {
        return Bundled.RESOLVER;
    }

    public MapeMappingResolver(MapeRuleTable table) {
        this.table = table;
        for (MapRule r : table.rules()) {
            families.computeIfAbsent(List.of(r.offset(), r.psidlen()), k -> new LinkedHashSet<>())
                    .add(r.isp() == null ? "custom" : r.isp());
        }
    }

    public MapeMapping resolve(YamahaConfig m, int descriptor, List<PortRange> ranges) {
        for (TunnelBlock t : tunnelsOf(m, descriptor)) {
            Optional<MapeMapping> fromCe = fromCe(m, t);
            if (fromCe.isPresent()) return fromCe.get();
        }
        for (TunnelBlock t : tunnelsOf(m, descriptor)) {
            Optional<MapeMapping> fromBr = fromBr(t);
            if (fromBr.isPresent()) return fromBr.get();
        }
        return fromBlocks(ranges);
    }

    private static List<TunnelBlock> tunnelsOf(YamahaConfig m, int descriptor) {
        List<TunnelBlock> out = new ArrayList<>();
        for (NatUse use : m.natUses()) {
            if (use.descriptor() != descriptor || !use.iface().equals("tunnel") || use.context().tunnel() == null) continue;
            TunnelBlock t = m.tunnels().get(use.context().tunnel());
            if (t != null && !out.contains(t)) out.add(t);
        }
        return out;
    }

    private Optional<MapeMapping> fromCe(YamahaConfig m, TunnelBlock t) {
        if (t.endpointLocal() != null) {
            Ipv6Address ce = address(t.endpointLocal().value());
            Optional<MapRule> rule = ce == null ? Optional.empty() : table.lookup(ce);
            if (rule.isPresent()) return Optional.of(mapping(rule.get(), ce, t.endpointLocal().value(), t.endpointLocal().range(), true));
            return Optional.empty();
        }
        // no local endpoint written: the router uses the interface address, so a CE address there counts
        for (YamahaConfig.Ipv6InterfaceAddress a : m.ipv6Addresses()) {
            Ipv6Address ce = address(a.text());
            Optional<MapRule> rule = ce == null ? Optional.empty() : table.lookup(ce);
            if (rule.isPresent()) return Optional.of(mapping(rule.get(), ce, a.text(), a.range(), false));
        }
        return Optional.empty();
    }

    private MapeMapping mapping(MapRule rule, Ipv6Address ce, String text, SourceRange range, boolean checkInterfaceId) {
        String family = rule.isp() == null ? "MAP-E" : rule.isp();
        String where = family + " rule " + rule.ip6prefix() + " -> " + rule.ip4prefix();
        List<MapeMapping.Problem> problems = new ArrayList<>();
        if (rule.inconsistency().isPresent() || rule.endUserPrefixLength() > 64) {
            return new MapeMapping(family, rule.offset(), rule.psidlen(), OptionalInt.empty(), null, null, null, null,
                    "the " + where, problems);
        }
        MapeResult derived = MapeCalculator.calculate(rule, new Ipv6Prefix(ce, rule.endUserPrefixLength()));
        if (checkInterfaceId) {
            InterfaceIdLayout layout = InterfaceIdLayout.of(rule.legacymap());
            Optional<InterfaceIdLayout.Decoded> id = layout.decode(ce);
            if (id.isEmpty() || !id.get().ipv4().equals(derived.ipv4()) || id.get().psid() != derived.psid()) {
                String read = id.isEmpty() ? "does not have the MAP interface id layout"
                        : "carries IPv4 " + id.get().ipv4() + " and PSID " + id.get().psid();
                problems.add(new MapeMapping.Problem(range, "the CE address " + text + " " + read + ", but its prefix gives IPv4 "
                        + derived.ipv4() + " and PSID " + derived.psid() + " under the " + where
                        + ": the border relay drops traffic from a CE address that does not match its prefix. Use "
                        + derived.ce() + " as the tunnel's local endpoint."));
            }
        }
        String basis = "PSID " + derived.psid() + " of the CE address " + text + " (" + where + ")";
        return new MapeMapping(family, rule.offset(), rule.psidlen(), OptionalInt.of(derived.psid()), derived.ipv4(),
                rule, text, range, basis, problems);
    }

    private Optional<MapeMapping> fromBr(TunnelBlock t) {
        if (t.endpointRemote() == null) return Optional.empty();
        Ipv6Address br = address(t.endpointRemote().value());
        if (br == null) return Optional.empty();
        Set<List<Integer>> shapes = new LinkedHashSet<>();
        Set<String> isps = new LinkedHashSet<>();
        for (MapRule r : table.rules()) {
            if (br.equals(r.br())) {
                shapes.add(List.of(r.offset(), r.psidlen()));
                isps.add(r.isp());
            }
        }
        if (shapes.size() != 1) return Optional.empty();
        List<Integer> shape = shapes.iterator().next();
        String family = String.join("/", isps);
        return Optional.of(new MapeMapping(family, shape.get(0), shape.get(1), OptionalInt.empty(), null, null, null, null,
                "the " + family + " rule shape of the tunnel's border relay " + t.endpointRemote().value(), List.of()));
    }

    /**
     * The widest-stride rule family, unless two whole blocks lie a multiple of a narrower family's stride
     * apart but not of the wider one: only the narrower family allows that spacing. (Blocks of the wide
     * shape also fit the narrow one, so the wide reading is the one that does not excuse a stray block.)
     */
    private MapeMapping fromBlocks(List<PortRange> ranges) {
        List<List<Integer>> shapes = new ArrayList<>(families.keySet());
        shapes.sort(Comparator.comparingInt(s -> s.get(0))); // smaller offset = wider stride
        List<Integer> chosen = shapes.isEmpty() ? List.of(4, 8) : shapes.get(0);
        for (List<Integer> narrower : shapes) {
            if (narrower.get(0) <= chosen.get(0)) continue;
            if (spacingOnlyFits(ranges, narrower, chosen)) chosen = narrower;
        }
        String family = String.join("/", families.getOrDefault(chosen, Set.of("MAP-E")));
        return new MapeMapping(family, chosen.get(0), chosen.get(1), OptionalInt.empty(), null, null, null, null,
                "the " + family + " layout these blocks follow", List.of());
    }

    private static boolean spacingOnlyFits(List<PortRange> ranges, List<Integer> narrow, List<Integer> wide) {
        int size = MapeCalculator.blockSize(narrow.get(0), narrow.get(1));
        int narrowStride = MapeCalculator.stride(narrow.get(0));
        int wideStride = MapeCalculator.stride(wide.get(0));
        List<Integer> starts = new ArrayList<>();
        for (PortRange r : ranges) if (r.isValid() && r.size() == size && r.lo() % size == 0) starts.add(r.lo());
        for (int i = 0; i < starts.size(); i++) {
            for (int j = i + 1; j < starts.size(); j++) {
                int diff = Math.abs(starts.get(i) - starts.get(j));
                if (diff % narrowStride == 0 && diff % wideStride != 0) return true;
            }
        }
        return false;
    }

    private static Ipv6Address address(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        if (slash >= 0) t = t.substring(0, slash);
        try {
            return Ipv6Address.parse(t);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
