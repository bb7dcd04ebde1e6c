package dev.routerls.services.yamaha;

import dev.routerls.core.SourceRange;
import dev.routerls.yamaha.ConfigLine;
import dev.routerls.analysis.YamahaAnalyzer;
import dev.routerls.yamaha.model.YamahaConfig;
import dev.routerls.yamaha.model.YamahaConfig.RefKind;
import dev.routerls.yamaha.parse.Command;
import dev.routerls.yamaha.parse.Word;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every place a YAMAHA config names a numbered object (NAT descriptor, tunnel, PP, filter, IPsec policy …):
 * the model's definitions and references, plus each {@code nat descriptor … N} setting line, which
 * configures descriptor N without being its first mention.
 */
final class YamahaSymbols {
    record Occurrence(RefKind kind, String key, SourceRange range, boolean declaration, boolean definition) {
    }

    private final List<Occurrence> all = new ArrayList<>();

    /** The symbols of the last analysis result asked about; requests mostly come for the document being edited. */
    private static volatile YamahaSymbols last;
    private final YamahaAnalyzer.Result result;

    /** The symbols of {@code r}, built once per analysis result. */
    static YamahaSymbols of(YamahaAnalyzer.Result r) {
        YamahaSymbols s = last;
        if (s != null && s.result == r) return s;
        s = new YamahaSymbols(r);
        last = s;
        return s;
    }

    YamahaSymbols(YamahaAnalyzer.Result result) {
        this.result = result;
        YamahaConfig m = result.model();
        Set<SourceRange> seen = new HashSet<>();
        for (YamahaConfig.Definition d : m.definitions()) {
            if (seen.add(d.range())) all.add(new Occurrence(d.kind(), d.key(), d.range(), true, true));
        }
        for (ConfigLine l : result.lines()) {
            if (!(l.parsed().command() instanceof Command.NatSetting n)) continue;
            Word id = n.id();
            SourceRange r = l.positions().range(id);
            if (seen.add(r)) all.add(new Occurrence(RefKind.NAT_DESCRIPTOR, id.text(), r, true, false));
        }
        for (YamahaConfig.Reference ref : m.references()) {
            if (seen.add(ref.range())) all.add(new Occurrence(ref.kind(), ref.key(), ref.range(), false, false));
        }
    }

    List<Occurrence> all() {
        return all;
    }

    Optional<Occurrence> at(int line, int column) {
        return all.stream().filter(o -> o.range().contains(line, column)).findFirst();
    }

    List<Occurrence> definitions(RefKind kind, String key) {
        return all.stream().filter(o -> o.definition() && o.kind() == kind && o.key().equals(key)).toList();
    }

    List<Occurrence> occurrences(RefKind kind, String key) {
        return all.stream().filter(o -> o.kind() == kind && o.key().equals(key)).toList();
    }

    /** Defined keys of a kind, in document order, without repeats. */
    List<String> defined(RefKind kind) {
        return all.stream().filter(o -> o.definition() && o.kind() == kind).map(Occurrence::key).distinct().toList();
    }
}
