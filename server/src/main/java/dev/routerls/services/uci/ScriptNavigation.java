package dev.routerls.services.uci;

import dev.routerls.openwrt.router.NetworkInterface;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.router.UciReferences;
import dev.routerls.openwrt.shell.ShellAssignments;
import dev.routerls.openwrt.shell.ShellScript;
import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.feature.NavigationParticipant;
import dev.routerls.services.types.Highlight;
import dev.routerls.services.types.Location;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Navigation in firewall.user. A word that names a device of the router's interfaces leads to the interface
 * both ways, wherever the name is written: the {@code -o} word, a {@code $TUNDEV} read, or the literal
 * {@code 'map-wan_map'} assigned to the variable; references from any of them list the interface's UCI
 * occurrences and the script's words alike. Other variables lead to their assignments.
 */
final class ScriptNavigation implements NavigationParticipant {
    /** The interface whose device the word at the position names, if it names one. */
    private Optional<NetworkInterface> deviceAt(Router router, ShellScript script, ScriptNames names, int line, int column) {
        ShellAssignments assignments = ShellAssignments.of(script);
        Optional<ScriptNames.Use> use = names.at(line, column);
        if (use.isPresent()) {
            // $X or X=: the device its single literal assignment names
            Optional<String> literal = assignments.singleLiteral(use.get().name()).map(a -> a.value().literalValue());
            return literal.flatMap(router::interfaceOfDevice);
        }
        for (var w : assignments.singleLiterals().values()) {
            if (w.value().range() != null && w.value().range().contains(line, column)) {
                return router.interfaceOfDevice(w.value().literalValue());
            }
        }
        return Optional.empty();
    }

    @Override
    public List<Location> definition(FeatureContext c, int line, int column) {
        UciRouterView view = UciRouterView.of(c);
        Optional<NetworkInterface> output = outputInterface(view.router(), c.uri(), line, column);
        List<Location> declared = output.map(i -> interfaceDeclarations(view, i)).orElse(List.of());
        if (!declared.isEmpty()) return declared;
        Optional<ShellScript> script = ScriptDevices.script(view.router(), c.uri());
        if (script.isEmpty()) return List.of();
        ScriptNames names = ScriptNames.of(script.get());
        Optional<NetworkInterface> iface = deviceAt(view.router(), script.get(), names, line, column);
        if (iface.isPresent()) return interfaceDeclarations(view, iface.get());
        return names.at(line, column).filter(u -> !u.write()).map(u -> names.of(u.name()).stream().filter(ScriptNames.Use::write)
                .map(x -> new Location(c.uri(), x.range())).toList()).orElse(List.of());
    }

    @Override
    public List<Location> references(FeatureContext c, int line, int column, boolean includeDeclaration) {
        UciRouterView view = UciRouterView.of(c);
        Optional<ShellScript> script = ScriptDevices.script(view.router(), c.uri());
        if (script.isEmpty()) return List.of();
        ScriptNames names = ScriptNames.of(script.get());
        Optional<NetworkInterface> iface = deviceAt(view.router(), script.get(), names, line, column)
                .or(() -> outputInterface(view.router(), c.uri(), line, column));
        LinkedHashSet<Location> out = new LinkedHashSet<>();
        if (iface.isPresent()) {
            UciSymbols symbols = new UciSymbols(view);
            for (UciSymbols.Occurrence o : symbols.occurrences(UciReferences.Kind.INTERFACE, iface.get().name())) {
                if (includeDeclaration || !o.declaration()) out.add(new Location(o.uri(), o.range()));
            }
            out.addAll(ScriptDevices.uses(view.router(), iface.get().name()));
            ShellAssignments.of(script.get()).singleLiterals().values().stream()
                    .filter(a -> iface.get().ownDevice().map(d -> d.equals(a.value().literalValue())).orElse(false))
                    .forEach(a -> out.add(new Location(c.uri(), a.value().range())));
            return new ArrayList<>(out);
        }
        names.at(line, column).ifPresent(u -> names.of(u.name()).stream().filter(x -> includeDeclaration || !x.write())
                .forEach(x -> out.add(new Location(c.uri(), x.range()))));
        return new ArrayList<>(out);
    }

    @Override
    public List<Highlight> highlights(FeatureContext c, int line, int column) {
        Optional<ShellScript> script = ScriptDevices.script(c.router(), c.uri());
        if (script.isEmpty()) return List.of();
        ScriptNames names = ScriptNames.of(script.get());
        return names.at(line, column).map(u -> names.of(u.name()).stream()
                .map(x -> new Highlight(x.range(), x.write())).toList()).orElse(List.of());
    }

    /** The interface whose device the {@code -o} word at the position is (as the analysis evaluated it). */
    private static Optional<NetworkInterface> outputInterface(Router router, String uri, int line, int column) {
        return ScriptDevices.outputWordAt(router, uri, line, column).flatMap(w -> router.interfaceOfDevice(w.text()));
    }

    private static List<Location> interfaceDeclarations(UciRouterView view, NetworkInterface iface) {
        return new UciSymbols(view).declarations(UciReferences.Kind.INTERFACE, iface.name()).stream()
                .map(d -> new Location(d.uri(), d.range())).toList();
    }
}
