package dev.routerls.services.uci;

import dev.routerls.openwrt.router.UciReferences;
import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.feature.NavigationParticipant;
import dev.routerls.services.types.Highlight;
import dev.routerls.services.types.Location;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Navigation in a UCI file across the router's UCI files: an interface or zone name leads to its section
 * and its uses; an interface's references include the firewall.user words that name its device
 * ({@link ScriptDevices}), as references from there include the UCI ones, so both directions agree.
 */
final class UciNavigation implements NavigationParticipant {
    @Override
    public List<Location> definition(FeatureContext c, int line, int column) {
        UciSymbols symbols = new UciSymbols(UciRouterView.of(c));
        return symbols.at(c.uri(), line, column)
                .map(o -> symbols.declarations(o.kind(), o.name()).stream().map(d -> new Location(d.uri(), d.range())).toList())
                .orElse(List.of());
    }

    @Override
    public List<Location> references(FeatureContext c, int line, int column, boolean includeDeclaration) {
        UciRouterView view = UciRouterView.of(c);
        UciSymbols symbols = new UciSymbols(view);
        List<Location> out = new ArrayList<>(symbols.at(c.uri(), line, column)
                .map(o -> symbols.occurrences(o.kind(), o.name()).stream()
                        .filter(x -> includeDeclaration || !x.declaration())
                        .map(x -> new Location(x.uri(), x.range())).toList())
                .orElse(List.of()));
        interfaceAt(symbols, c.uri(), line, column).ifPresent(iface -> out.addAll(ScriptDevices.uses(view.router(), iface)));
        return out;
    }

    @Override
    public List<Highlight> highlights(FeatureContext c, int line, int column) {
        List<Highlight> out = new ArrayList<>();
        UciSymbols symbols = new UciSymbols(UciRouterView.of(c));
        symbols.at(c.uri(), line, column).ifPresent(o -> symbols.occurrences(o.kind(), o.name()).stream()
                .filter(x -> x.uri().equals(c.uri())).forEach(x -> out.add(new Highlight(x.range(), x.declaration()))));
        return out;
    }

    /** The interface named at the position (its section name or a reference to it), if any. */
    static Optional<String> interfaceAt(UciSymbols symbols, String uri, int line, int column) {
        return symbols.at(uri, line, column).filter(o -> o.kind() == UciReferences.Kind.INTERFACE)
                .map(UciSymbols.Occurrence::name);
    }
}
