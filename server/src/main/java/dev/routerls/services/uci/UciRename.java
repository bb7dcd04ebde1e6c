package dev.routerls.services.uci;

import dev.routerls.core.TextEdit;
import dev.routerls.openwrt.uci.UciReader;
import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.feature.RenameParticipant;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renames an interface (its section name and every use, and the firewall.user words that name its device,
 * see {@link ScriptDevices#renames}) or a zone; nothing when not on one or the new name is not one libuci takes.
 */
final class UciRename implements RenameParticipant {
    @Override
    public Optional<List<TextEdit>> rename(FeatureContext c, int line, int column, String newName) {
        if (!UciReader.validName(newName, false)) return Optional.empty();
        UciRouterView view = UciRouterView.of(c);
        UciSymbols symbols = new UciSymbols(view);
        Optional<List<TextEdit>> edits = symbols.at(c.uri(), line, column).map(o -> symbols.occurrences(o.kind(), o.name())
                .stream().map(x -> new TextEdit(x.uri(), x.range(), newName)).toList());
        Optional<String> iface = UciNavigation.interfaceAt(symbols, c.uri(), line, column);
        if (edits.isEmpty() || iface.isEmpty()) return edits;
        List<TextEdit> all = new ArrayList<>(edits.get());
        all.addAll(ScriptDevices.renames(view.router(), iface.get(), newName));
        return Optional.of(all);
    }
}
