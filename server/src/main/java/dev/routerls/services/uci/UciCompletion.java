package dev.routerls.services.uci;

import dev.routerls.grammar.UciLexer;
import dev.routerls.openwrt.router.UciReferences;
import dev.routerls.openwrt.schema.OptionSpec;
import dev.routerls.openwrt.schema.SectionSchema;
import dev.routerls.openwrt.schema.UciSchema;
import dev.routerls.openwrt.uci.UciFile;
import dev.routerls.openwrt.uci.UciSection;
import dev.routerls.services.feature.CompletionParticipant;
import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.types.CompletionEntry;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Completion in a UCI file: the keywords of a line, the section types of the package, the options the
 * schema knows for the section (each once, lists again), and values: the protocols, the router's interface
 * and zone names for options that refer to them, the named values of the option's datatype.
 */
final class UciCompletion implements CompletionParticipant {
    private final UciSchema schema = UciSchema.standard();

    @Override
    public List<CompletionEntry> complete(FeatureContext c, int line, int column) {
        UciRouterView router = UciRouterView.of(c);
        String lineText = c.lines().line(line);
        UciFile file = router.file(c.uri()).orElse(null);
        if (file == null) return List.of();
        String pkg = file.packageName();
        UciLinePrefix p = UciLinePrefix.of(lineText.substring(0, Math.min(column, lineText.length())));
        UciSection section = sectionBefore(file, line);
        List<CompletionEntry> out = new ArrayList<>();
        if (p.slot() == -1) {
            out.add(CompletionEntry.of("config", CompletionEntry.Kind.KEYWORD, "start a section: config TYPE 'NAME'"));
            if (section != null) {
                out.add(CompletionEntry.of("option", CompletionEntry.Kind.KEYWORD, "set one value: option NAME 'VALUE'"));
                out.add(CompletionEntry.of("list", CompletionEntry.Kind.KEYWORD, "add a list element: list NAME 'VALUE'"));
            }
            out.add(CompletionEntry.of("package", CompletionEntry.Kind.KEYWORD, "name the package (rarely needed)"));
            return out;
        }
        int type = p.commandType();
        if (type == UciLexer.CONFIG && p.slot() == 0) {
            Set<String> types = new LinkedHashSet<>(schema.sectionTypes(pkg));
            for (UciSection s : file.sections()) types.add(s.type());
            for (String t : types) {
                out.add(CompletionEntry.of(t, CompletionEntry.Kind.SECTION_TYPE,
                        schema.knowsPackage(pkg) && schema.sectionTypes(pkg).contains(t) ? "section type of " + pkg : "section type used in this file"));
            }
            return out;
        }
        if ((type == UciLexer.OPTION || type == UciLexer.LIST) && section != null) {
            boolean list = type == UciLexer.LIST;
            Optional<SectionSchema> ss = schema.section(pkg, section.type());
            if (p.slot() == 0) {
                if (ss.isEmpty()) return out;
                Set<String> present = section.optionNames();
                for (Map.Entry<String, OptionSpec> e : ss.get().optionsFor(section).entrySet()) {
                    OptionSpec spec = e.getValue();
                    if (list && !spec.multi()) continue;
                    if (!list && present.contains(e.getKey())) continue;
                    out.add(new CompletionEntry(e.getKey(), CompletionEntry.Kind.OPTION,
                            (spec.multi() ? "list of " : "") + spec.type().describe(), null, null));
                }
                return out;
            }
            if (p.slot() == 1) {
                String option = p.arguments().get(0);
                for (String v : valuesFor(router, pkg, section, ss, option)) {
                    String insert = p.partialQuoted() ? v : "'" + v + "'";
                    out.add(new CompletionEntry(v, CompletionEntry.Kind.VALUE, null, null, insert));
                }
            }
        }
        return out;
    }

    /**
     * Values offered for an option: the protocols for {@code proto}, names of interfaces and zones for
     * references, otherwise the named values of the option's datatype (enum words, 1/0).
     */
    private List<String> valuesFor(UciRouterView router, String pkg, UciSection section, Optional<SectionSchema> ss,
                                   String option) {
        if (ss.isPresent() && option.equals(ss.get().selector())) {
            return ss.get().variants().keySet().stream().filter(k -> !k.isEmpty()).toList();
        }
        Optional<UciReferences.Reference> ref = UciReferences.of(pkg, section.type(), option)
                .filter(r -> r.form() != UciReferences.Form.AT_NAME);   // a device option mostly names devices
        if (ref.isPresent()) return new UciSymbols(router).declared(ref.get().kind());
        if (ss.isEmpty()) return List.of();
        OptionSpec spec = ss.get().optionsFor(section).get(option);
        return spec == null ? List.of() : spec.type().suggestions();
    }

    /** The section a line belongs to: the last one whose {@code config} line comes before it. */
    private static UciSection sectionBefore(UciFile file, int line) {
        UciSection best = null;
        int bestLine = -1;
        for (UciSection s : file.sections()) {
            for (UciSection.Header h : s.headers()) {
                int l = h.range().startLine();
                if (l < line && l > bestLine) {
                    best = s;
                    bestLine = l;
                }
            }
        }
        return best;
    }
}
