package dev.routerls.services.uci;

import dev.routerls.core.TextEdit;
import dev.routerls.services.feature.CompletionParticipant;
import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.feature.HoverParticipant;
import dev.routerls.services.feature.NavigationParticipant;
import dev.routerls.services.feature.OutlineParticipant;
import dev.routerls.services.feature.RenameParticipant;
import dev.routerls.services.types.CompletionEntry;
import dev.routerls.services.types.FoldRange;
import dev.routerls.services.types.Highlight;
import dev.routerls.services.types.HoverText;
import dev.routerls.services.types.Location;
import dev.routerls.services.types.OutlineSymbol;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The UCI file features as participants: completion, hover, outline and folding from {@link UciFeatures};
 * navigation and rename across the router's UCI files and, for an interface, the firewall.user words
 * that name its device ({@link FirewallUserFeatures}), so both directions lead to the same places.
 */
final class UciEditor implements CompletionParticipant, HoverParticipant, NavigationParticipant, RenameParticipant,
        OutlineParticipant {
    private final UciFeatures uci = new UciFeatures();
    private final FirewallUserFeatures script = new FirewallUserFeatures();

    static UciRouterView view(FeatureContext c) {
        return new UciRouterView(c.router());
    }

    @Override
    public List<CompletionEntry> complete(FeatureContext c, int line, int column) {
        return uci.complete(view(c), c.uri(), c.lines().line(line), line, column);
    }

    @Override
    public Optional<HoverText> hover(FeatureContext c, int line, int column) {
        return uci.hover(view(c), c.uri(), line, column);
    }

    @Override
    public List<Location> definition(FeatureContext c, int line, int column) {
        return uci.definition(view(c), c.uri(), line, column);
    }

    @Override
    public List<Location> references(FeatureContext c, int line, int column, boolean includeDeclaration) {
        UciRouterView view = view(c);
        List<Location> out = new ArrayList<>(uci.references(view, c.uri(), line, column, includeDeclaration));
        uci.interfaceAt(view, c.uri(), line, column).ifPresent(iface -> out.addAll(script.deviceUses(view.router(), iface)));
        return out;
    }

    @Override
    public List<Highlight> highlights(FeatureContext c, int line, int column) {
        List<Highlight> out = new ArrayList<>();
        UciRouterView view = view(c);
        UciSymbols symbols = new UciSymbols(view);
        symbols.at(c.uri(), line, column).ifPresent(o -> symbols.occurrences(o.kind(), o.name()).stream()
                .filter(x -> x.uri().equals(c.uri())).forEach(x -> out.add(new Highlight(x.range(), x.declaration()))));
        return out;
    }

    /** Renames in the UCI files and, for an interface, the script's uses of its device too. */
    @Override
    public Optional<List<TextEdit>> rename(FeatureContext c, int line, int column, String newName) {
        UciRouterView view = view(c);
        Optional<List<TextEdit>> edits = uci.rename(view, c.uri(), line, column, newName);
        if (edits.isEmpty()) return edits;
        Optional<String> iface = uci.interfaceAt(view, c.uri(), line, column);
        if (iface.isEmpty()) return edits;
        List<TextEdit> all = new ArrayList<>(edits.get());
        all.addAll(script.renameDeviceUses(view.router(), iface.get(), newName));
        return Optional.of(all);
    }

    @Override
    public List<OutlineSymbol> outline(FeatureContext c) {
        return view(c).file(c.uri()).map(uci::outline).orElse(List.of());
    }

    @Override
    public List<FoldRange> folding(FeatureContext c) {
        return view(c).file(c.uri()).map(uci::folding).orElse(List.of());
    }
}
