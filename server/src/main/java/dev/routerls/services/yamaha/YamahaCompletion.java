package dev.routerls.services.yamaha;

import dev.routerls.analysis.YamahaAnalyzer;
import dev.routerls.core.SourceRange;
import dev.routerls.services.feature.CompletionParticipant;
import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.types.CompletionEntry;
import dev.routerls.yamaha.ConfigLine;
import dev.routerls.yamaha.DocumentLines;
import dev.routerls.yamaha.catalog.CommandCatalog;
import dev.routerls.yamaha.model.SelectContext;
import dev.routerls.yamaha.model.YamahaConfig;
import dev.routerls.yamaha.model.YamahaConfig.RefKind;
import dev.routerls.yamaha.parse.Word;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Completion in a YAMAHA config, for the text as it is now: the command words and keywords the catalog
 * allows after the words before the caret, commands of the {@code pp select}/{@code tunnel select} block
 * first, and for id and interface slots the ids and interfaces the config defines. Words and block come
 * from the document's lines alone (a keystroke re-parses one line, nothing waits for the analysis); only
 * an id or interface slot reads the analysis of this text (an edit that defines a descriptor and uses it
 * in the same change sees it).
 */
final class YamahaCompletion implements CompletionParticipant {
    private final CommandCatalog catalog;

    YamahaCompletion(CommandCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<CompletionEntry> complete(FeatureContext c, int line, int column) {
        DocumentLines lines = c.yamahaLines();
        if (lines.embeddedTextAt(line).isPresent()) return List.of(); // file content (a Lua script), not commands
        Optional<ConfigLine> at = lines.lineAt(line);
        SelectContext context = lines.contextAt(line);
        List<String> before = new ArrayList<>();
        if (at.isPresent()) {
            ConfigLine cl = at.get();
            int comment = cl.parsed().commentStart();
            if (comment >= 0 && startsBefore(cl.positions().range(comment, comment), line, column)) return List.of();
            for (Word w : cl.parsed().words()) {
                if (endsBefore(cl.positions().range(w), line, column)) before.add(w.text());
            }
        }
        String ctx = context.pp() != null ? "pp" : context.tunnel() != null ? "tunnel" : null;
        Map<String, CompletionEntry> out = new LinkedHashMap<>();
        for (CommandCatalog.Completion k : catalog.completions(before, ctx)) {
            switch (k.type()) {
                case COMMAND_WORD -> out.putIfAbsent(k.text(), CompletionEntry.of(k.text(), CompletionEntry.Kind.COMMAND, k.label()));
                case KEYWORD -> out.putIfAbsent(k.text(), CompletionEntry.of(k.text(), CompletionEntry.Kind.KEYWORD, k.label()));
                case PARAMETER -> {
                    String param = withoutAngles(k.text());
                    for (CompletionEntry e : valuesFor(c, param, before)) out.putIfAbsent(e.label(), e);
                }
            }
        }
        return List.copyOf(out.values());
    }

    /** {@code <name>} → {@code name} (runs on every keystroke: no regular expression). */
    private static String withoutAngles(String t) {
        int from = t.startsWith("<") ? 1 : 0, to = t.length() > from && t.endsWith(">") ? t.length() - 1 : t.length();
        return t.substring(from, to);
    }

    /**
     * Existing ids and interface names for a parameter slot the catalog names, from the analysis of this
     * text (asked for only in these slots; the engine and {@link YamahaSymbols} keep it once computed).
     */
    private static List<CompletionEntry> valuesFor(FeatureContext c, String param, List<String> before) {
        boolean ipv6 = !before.isEmpty() && before.get(0).equalsIgnoreCase("ipv6");
        boolean dynamic = before.stream().anyMatch(w -> w.equalsIgnoreCase("dynamic"));
        List<CompletionEntry> out = new ArrayList<>();
        switch (param) {
            case "nat_descriptor", "nat_descriptor_list" -> {
                YamahaConfig m = c.yamaha().model();
                for (String id : symbols(c).defined(RefKind.NAT_DESCRIPTOR)) {
                    YamahaConfig.NatDescriptor d = m.natDescriptors().get(Integer.parseInt(id));
                    out.add(CompletionEntry.of(id, CompletionEntry.Kind.REFERENCE,
                            "NAT descriptor (" + (d == null ? "?" : d.effectiveType()) + ")"));
                }
            }
            case "tunnel_num" -> symbols(c).defined(RefKind.TUNNEL)
                    .forEach(id -> out.add(CompletionEntry.of(id, CompletionEntry.Kind.REFERENCE, "tunnel")));
            case "peer_num" -> symbols(c).defined(RefKind.PP)
                    .forEach(id -> out.add(CompletionEntry.of(id, CompletionEntry.Kind.REFERENCE, "PP")));
            case "filter_list" -> {
                RefKind k = ipv6 ? (dynamic ? RefKind.IPV6_DYNAMIC_FILTER : RefKind.IPV6_FILTER)
                        : (dynamic ? RefKind.IP_DYNAMIC_FILTER : RefKind.IP_FILTER);
                symbols(c).defined(k).forEach(id -> out.add(CompletionEntry.of(id, CompletionEntry.Kind.REFERENCE, k.label())));
            }
            case "interface" -> {
                if (before.size() >= 2 && before.get(0).equalsIgnoreCase("pp") && before.get(1).equalsIgnoreCase("bind")) {
                    symbols(c).defined(RefKind.TUNNEL).forEach(id ->
                            out.add(CompletionEntry.of("tunnel" + id, CompletionEntry.Kind.INTERFACE, "tunnel " + id)));
                } else {
                    c.yamaha().model().interfaces().keySet().forEach(name ->
                            out.add(CompletionEntry.of(name, CompletionEntry.Kind.INTERFACE, "interface with an address here")));
                }
            }
            default -> { }
        }
        return out;
    }

    private static YamahaSymbols symbols(FeatureContext c) {
        return YamahaSymbols.of(c.yamaha());
    }

    private static boolean endsBefore(SourceRange w, int line, int column) {
        return w.endLine() < line || (w.endLine() == line && w.endColumn() < column);
    }

    private static boolean startsBefore(SourceRange start, int line, int column) {
        return start.startLine() < line || (start.startLine() == line && start.startColumn() < column);
    }
}
