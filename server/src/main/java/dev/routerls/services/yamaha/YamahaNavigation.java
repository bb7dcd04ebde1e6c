package dev.routerls.services.yamaha;

import dev.routerls.core.LineIndex;
import dev.routerls.core.SourceRange;
import dev.routerls.core.TextEdit;
import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.feature.NavigationParticipant;
import dev.routerls.services.feature.RenameParticipant;
import dev.routerls.services.types.Highlight;
import dev.routerls.services.types.Location;
import dev.routerls.yamaha.model.YamahaConfig.RefKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Definition, references, highlights and rename of the numbered objects of a YAMAHA config (NAT
 * descriptors, tunnels, PPs, filters, IPsec policies …), from the table of their occurrences.
 */
final class YamahaNavigation implements NavigationParticipant, RenameParticipant {
    private static final Set<RefKind> RENAMEABLE = Set.of(RefKind.NAT_DESCRIPTOR, RefKind.IP_FILTER,
            RefKind.IPV6_FILTER, RefKind.IP_DYNAMIC_FILTER, RefKind.IPV6_DYNAMIC_FILTER);

    @Override
    public List<Location> definition(FeatureContext c, int line, int column) {
        String uri = c.uri();
        YamahaSymbols s = YamahaSymbols.of(c.yamaha());
        return s.at(line, column).map(o -> s.definitions(o.kind(), o.key()).stream()
                .map(d -> new Location(uri, d.range())).toList()).orElse(List.of());
    }

    @Override
    public List<Location> references(FeatureContext c, int line, int column, boolean includeDeclaration) {
        String uri = c.uri();
        YamahaSymbols s = YamahaSymbols.of(c.yamaha());
        return s.at(line, column).map(o -> s.occurrences(o.kind(), o.key()).stream()
                .filter(x -> includeDeclaration || !x.declaration())
                .map(x -> new Location(uri, x.range())).toList()).orElse(List.of());
    }

    /**
     * Renumbers a NAT descriptor or filter everywhere it appears. Empty when the caret is on something else,
     * the new id is not a number, or the number is already taken.
     */
    @Override
    public Optional<List<TextEdit>> rename(FeatureContext c, int line, int column, String newId) {
        if (!newId.matches("[1-9][0-9]{0,9}")) return Optional.empty();
        String uri = c.uri();
        LineIndex li = c.lines();
        YamahaSymbols s = YamahaSymbols.of(c.yamaha());
        Optional<YamahaSymbols.Occurrence> o = s.at(line, column).filter(x -> RENAMEABLE.contains(x.kind()));
        if (o.isEmpty() || !s.occurrences(o.get().kind(), newId).isEmpty()) return Optional.empty();
        List<TextEdit> edits = new ArrayList<>();
        for (YamahaSymbols.Occurrence x : s.occurrences(o.get().kind(), o.get().key())) {
            SourceRange rg = x.range();
            String written = li.text(rg);
            if (written.equals(x.key())) edits.add(new TextEdit(uri, rg, newId));
        }
        return Optional.of(edits);
    }

    @Override
    public List<Highlight> highlights(FeatureContext c, int line, int column) {
        YamahaSymbols s = YamahaSymbols.of(c.yamaha());
        return s.at(line, column).map(o -> s.occurrences(o.kind(), o.key()).stream()
                .map(x -> new Highlight(x.range(), x.declaration())).toList()).orElse(List.of());
    }
}
