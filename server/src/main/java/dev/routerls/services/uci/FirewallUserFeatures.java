package dev.routerls.services.uci;

import dev.routerls.openwrt.shell.EvaluatedCommand;
import dev.routerls.openwrt.shell.EvaluatedWord;
import dev.routerls.openwrt.shell.IptablesCommand;
import dev.routerls.openwrt.shell.ShellEvaluator;
import dev.routerls.openwrt.shell.ShellScript;
import dev.routerls.openwrt.uci.UciSection;
import dev.routerls.services.HoverText;
import dev.routerls.services.Location;
import dev.routerls.services.mape.MapeFacts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Features for firewall.user scripts, read against the router's UCI files: the SNAT output device
 * ({@code -o map-wan_map}) leads to its interface, and hover on a SNAT target says which MAP-E PSID
 * and block its ports belong to, for every value a loop gives it.
 */
public final class FirewallUserFeatures {
    /** netifd names tunnel and PPP devices after the interface: {@code map-NAME}, {@code pppoe-NAME}. */
    private static final List<String> DEVICE_PREFIXES = List.of("map-", "pppoe-", "6in4-", "gre4-");

    private record Parsed(String text, List<IptablesCommand> commands) {
    }

    private final Map<String, Parsed> cache = new ConcurrentHashMap<>();

    private List<IptablesCommand> commands(String uri, String text) {
        Parsed p = cache.get(uri);
        if (p != null && p.text() == text) return p.commands();
        List<IptablesCommand> out = new ArrayList<>();
        for (EvaluatedCommand c : ShellEvaluator.evaluate(ShellScript.parse(uri, text), Map.of()).commands()) {
            if (c.isIptables()) out.add(IptablesCommand.parse(c));
        }
        cache.put(uri, new Parsed(text, out));
        return out;
    }

    /** The interface an output-device word names, e.g. {@code map-wan_map} → {@code wan_map}. */
    static Optional<String> interfaceOfDevice(String device) {
        if (device == null) return Optional.empty();
        for (String prefix : DEVICE_PREFIXES) {
            if (device.startsWith(prefix) && device.length() > prefix.length()) return Optional.of(device.substring(prefix.length()));
        }
        return Optional.empty();
    }

    private static Optional<EvaluatedWord> outputWordAt(IptablesCommand c, int line, int column) {
        return c.option("-o").map(IptablesCommand.Option::valueWord)
                .filter(w -> w != null && w.range() != null && w.range().contains(line, column));
    }

    public List<Location> definition(UciRouterView router, String uri, String text, int line, int column) {
        UciSymbols symbols = new UciSymbols(router);
        for (IptablesCommand c : commands(uri, text)) {
            Optional<String> iface = outputWordAt(c, line, column).flatMap(w -> interfaceOfDevice(w.text()));
            if (iface.isPresent()) {
                return symbols.declarations(UciNames.Kind.INTERFACE, iface.get()).stream()
                        .map(d -> new Location(d.uri(), d.range())).toList();
            }
        }
        return List.of();
    }

    /** Where a script sends traffic out through the device of {@code iface} ({@code -o map-wan_map}, …). */
    public List<Location> deviceUses(String uri, String text, String iface) {
        List<Location> out = new ArrayList<>();
        for (IptablesCommand c : commands(uri, text)) {
            EvaluatedWord w = c.option("-o").map(IptablesCommand.Option::valueWord).orElse(null);
            if (w == null || w.range() == null || !interfaceOfDevice(w.text()).map(iface::equals).orElse(false)) continue;
            Location l = new Location(uri, w.range());
            if (!out.contains(l)) out.add(l); // a loop evaluates the same source word many times
        }
        return out;
    }

    public Optional<HoverText> hover(UciRouterView router, String uri, String text, int line, int column) {
        UciSymbols symbols = new UciSymbols(router);
        Set<String> portLines = new LinkedHashSet<>();
        dev.routerls.core.SourceRange targetRange = null;
        for (IptablesCommand c : commands(uri, text)) {
            Optional<EvaluatedWord> out = outputWordAt(c, line, column);
            if (out.isPresent()) {
                Optional<String> iface = interfaceOfDevice(out.get().text());
                if (iface.isEmpty()) return Optional.empty();
                List<UciSymbols.Occurrence> decl = symbols.declarations(UciNames.Kind.INTERFACE, iface.get());
                String md = decl.isEmpty()
                        ? "device of interface `" + iface.get() + "`, which this router's network file does not define"
                        : MapeFacts.describeMapInterface(decl.get(0).section())
                                .orElse("device of interface `" + iface.get() + "`");
                return Optional.of(new HoverText(md, out.get().range()));
            }
            var target = c.natTarget().filter(t -> t.word() != null && t.word().range() != null
                    && t.word().range().contains(line, column));
            if (target.isEmpty() || target.get().portLow() == null) continue;
            targetRange = target.get().word().range();
            Optional<UciSection> map = mapSectionFor(c, symbols, router);
            int lo = target.get().portLow(), hi = target.get().portHigh() == null ? lo : target.get().portHigh();
            map.flatMap(m -> MapeFacts.describePorts(lo, hi, m)).ifPresent(portLines::add);
        }
        if (portLines.isEmpty()) return Optional.empty();
        List<String> shown = new ArrayList<>(portLines);
        String md = String.join("\n\n", shown.subList(0, Math.min(16, shown.size())))
                + (shown.size() > 16 ? "\n\n… and " + (shown.size() - 16) + " more" : "");
        return Optional.of(new HoverText(md, targetRange));
    }

    /** The MAP interface a SNAT rule works for: named by its {@code -o map-…}, else the router's only one. */
    private static Optional<UciSection> mapSectionFor(IptablesCommand c, UciSymbols symbols, UciRouterView router) {
        Optional<String> iface = interfaceOfDevice(c.outInterface());
        if (iface.isPresent()) {
            return symbols.declarations(UciNames.Kind.INTERFACE, iface.get()).stream().map(UciSymbols.Occurrence::section)
                    .filter(s -> s.get("proto").map("map"::equals).orElse(false)).findFirst();
        }
        List<UciSection> maps = router.pkg("network").map(f -> f.sectionsOfType("interface").stream()
                .filter(s -> s.get("proto").map("map"::equals).orElse(false)).toList()).orElse(List.of());
        return maps.size() == 1 ? Optional.of(maps.get(0)) : Optional.empty();
    }
}
