package dev.routerls.services.uci;

import dev.routerls.core.SourceRange;
import dev.routerls.openwrt.router.NetworkInterface;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.router.UciReferences;
import dev.routerls.openwrt.shell.ShellAssignments;
import dev.routerls.openwrt.shell.ShellScript;
import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.feature.HoverParticipant;
import dev.routerls.services.feature.NavigationParticipant;
import dev.routerls.services.types.Highlight;
import dev.routerls.services.types.HoverText;
import dev.routerls.services.types.Location;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Hover and navigation in firewall.user. A word that names a device of the router's interfaces leads to
 * the interface both ways, wherever the name is written: the {@code -o} word, a {@code $TUNDEV} read, or
 * the literal {@code 'map-wan_map'} assigned to the variable; references from any of them list the
 * interface's UCI occurrences and the script's words alike. Other variables lead to their assignments.
 */
final class FirewallUserEditor implements HoverParticipant, NavigationParticipant {
    private final FirewallUserFeatures features = new FirewallUserFeatures();

    @Override
    public Optional<HoverText> hover(FeatureContext c, int line, int column) {
        return features.hover(UciEditor.view(c), c.uri(), line, column);
    }

    /** The interface whose device the word at the position names, if it names one. */
    private Optional<NetworkInterface> deviceAt(Router router, ShellScript script, int line, int column) {
        ScriptNames names = ScriptNames.of(script);
        Optional<ScriptNames.Use> use = names.at(line, column);
        if (use.isPresent()) {
            // $X or X=: the device its single literal assignment names
            Optional<String> literal = ShellAssignments.of(script).singleLiteral(use.get().name())
                    .map(a -> a.value().literalValue());
            return literal.flatMap(router::interfaceOfDevice);
        }
        for (var w : ShellAssignments.of(script).singleLiterals().values()) {
            if (w.value().range() != null && w.value().range().contains(line, column)) {
                return router.interfaceOfDevice(w.value().literalValue());
            }
        }
        return Optional.empty();
    }

    @Override
    public List<Location> definition(FeatureContext c, int line, int column) {
        UciRouterView view = UciEditor.view(c);
        List<Location> out = new ArrayList<>(features.definition(view, c.uri(), line, column));
        if (!out.isEmpty()) return out;
        Optional<ShellScript> script = script(view.router(), c.uri());
        if (script.isEmpty()) return out;
        Optional<NetworkInterface> iface = deviceAt(view.router(), script.get(), line, column);
        if (iface.isPresent()) return interfaceDeclarations(view, iface.get());
        ScriptNames names = ScriptNames.of(script.get());
        return names.at(line, column).filter(u -> !u.write()).map(u -> names.of(u.name()).stream().filter(ScriptNames.Use::write)
                .map(x -> new Location(c.uri(), x.range())).toList()).orElse(List.of());
    }

    @Override
    public List<Location> references(FeatureContext c, int line, int column, boolean includeDeclaration) {
        UciRouterView view = UciEditor.view(c);
        Optional<ShellScript> script = script(view.router(), c.uri());
        if (script.isEmpty()) return List.of();
        Optional<NetworkInterface> iface = deviceAt(view.router(), script.get(), line, column)
                .or(() -> features.definition(view, c.uri(), line, column).isEmpty() ? Optional.empty()
                        : outputInterface(view, c.uri(), line, column));
        LinkedHashSet<Location> out = new LinkedHashSet<>();
        if (iface.isPresent()) {
            UciSymbols symbols = new UciSymbols(view);
            for (UciSymbols.Occurrence o : symbols.occurrences(UciReferences.Kind.INTERFACE, iface.get().name())) {
                if (includeDeclaration || !o.declaration()) out.add(new Location(o.uri(), o.range()));
            }
            out.addAll(features.deviceUses(view.router(), iface.get().name()));
            ShellAssignments.of(script.get()).singleLiterals().values().stream()
                    .filter(a -> iface.get().ownDevice().map(d -> d.equals(a.value().literalValue())).orElse(false))
                    .forEach(a -> out.add(new Location(c.uri(), a.value().range())));
            return new ArrayList<>(out);
        }
        ScriptNames names = ScriptNames.of(script.get());
        names.at(line, column).ifPresent(u -> names.of(u.name()).stream().filter(x -> includeDeclaration || !x.write())
                .forEach(x -> out.add(new Location(c.uri(), x.range()))));
        return new ArrayList<>(out);
    }

    @Override
    public List<Highlight> highlights(FeatureContext c, int line, int column) {
        Optional<ShellScript> script = script(c.router(), c.uri());
        if (script.isEmpty()) return List.of();
        ScriptNames names = ScriptNames.of(script.get());
        return names.at(line, column).map(u -> names.of(u.name()).stream()
                .map(x -> new Highlight(x.range(), x.write())).toList()).orElse(List.of());
    }

    private Optional<NetworkInterface> outputInterface(UciRouterView view, String uri, int line, int column) {
        List<Location> defs = features.definition(view, uri, line, column);
        if (defs.isEmpty()) return Optional.empty();
        Location d = defs.get(0);
        return view.router().interfaces().stream().filter(i -> i.uri().equals(d.uri())
                && i.section().header().range().startLine() <= d.range().startLine()
                && d.range().startLine() <= i.section().header().range().endLine()).findFirst();
    }

    private static List<Location> interfaceDeclarations(UciRouterView view, NetworkInterface iface) {
        return new UciSymbols(view).declarations(UciReferences.Kind.INTERFACE, iface.name()).stream()
                .map(d -> new Location(d.uri(), d.range())).toList();
    }

    static Optional<ShellScript> script(Router router, String uri) {
        Optional<ShellScript> s = router.firewallUser().filter(x -> x.uri().equals(uri));
        return s.isPresent() ? s : router.rcLocal().filter(x -> x.uri().equals(uri));
    }

    static SourceRange lineRange(FeatureContext c, int line) {
        return SourceRange.of(line, 0, c.lines().line(line).length());
    }
}
