package dev.routerls.services.yamaha;

import dev.routerls.analysis.YamahaAnalyzer;
import dev.routerls.core.SourceRange;
import dev.routerls.mape.MapeCalculator;
import dev.routerls.mape.PortRange;
import dev.routerls.mape.PortSetCheck;
import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.feature.HoverParticipant;
import dev.routerls.services.types.HoverText;
import dev.routerls.yamaha.ConfigLine;
import dev.routerls.yamaha.catalog.CatalogToken;
import dev.routerls.yamaha.catalog.CommandCatalog;
import dev.routerls.yamaha.catalog.CommandDescription;
import dev.routerls.yamaha.mape.MapeMapping;
import dev.routerls.yamaha.mape.MapeMappingResolver;
import dev.routerls.yamaha.model.YamahaConfig;
import dev.routerls.yamaha.model.YamahaConfig.RefKind;
import dev.routerls.yamaha.parse.Command;
import dev.routerls.yamaha.parse.Word;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hover in a YAMAHA config: on an id, what it is, where it is defined and how often it is used; on a command
 * line, the reference entry for the config's model (syntax, parameters, models, firmware limits); on
 * {@code nat descriptor masquerade port range}, the MAP-E port set the ranges are judged against. Words of
 * secret settings arrive masked from the parser, so nothing here can show a password.
 */
final class YamahaHover implements HoverParticipant {

    private final CommandCatalog catalog;

    YamahaHover(CommandCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Optional<HoverText> hover(FeatureContext c, int line, int column) {
        YamahaAnalyzer.Result r = c.yamaha();
        Optional<ConfigLine> at = r.lineAt(line);
        if (at.isEmpty() || at.get().parsed().command() == null) return Optional.empty();
        ConfigLine cl = at.get();
        YamahaSymbols symbols = YamahaSymbols.of(r);
        Optional<YamahaSymbols.Occurrence> occ = symbols.at(line, column);
        if (occ.isPresent()) return Optional.of(new HoverText(describeObject(r, symbols, occ.get()), occ.get().range()));

        List<CatalogToken> tokens = new ArrayList<>();
        for (Word w : cl.parsed().words()) tokens.add(new CatalogToken(w.text(), cl.positions().range(w)));
        StringBuilder md = new StringBuilder();
        catalog.describe(tokens, r.model().model().orElse(null)).ifPresent(d -> md.append(markdown(d)));
        mapeFacts(r, cl).ifPresent(f -> md.append(md.length() > 0 ? "\n\n---\n\n" : "").append(f));
        if (md.length() == 0) return Optional.empty();
        SourceRange whole = cl.positions().range(0, cl.parsed().text().length());
        return Optional.of(new HoverText(md.toString(), whole));
    }

    private static String markdown(CommandDescription d) {
        StringBuilder b = new StringBuilder("**").append(d.command()).append("**");
        if (d.meaning() != null) b.append(" — ").append(d.meaning());
        b.append("\n\n```\n");
        for (String s : d.syntax()) b.append(s).append('\n');
        b.append("```\n");
        if (!d.parameters().isEmpty()) {
            b.append('\n');
            d.parameters().forEach((k, v) -> b.append("- `").append(k).append("`: ").append(v).append('\n'));
        }
        b.append("\nModels: ").append(d.models().isEmpty() ? "none listed" : String.join(", ", d.models()));
        if (!d.limits().isEmpty()) b.append("\n\nFirmware: ").append(String.join("; ", d.limits()));
        b.append("\n\n(reference section ").append(d.section()).append(")");
        return b.toString();
    }

    private static String describeObject(YamahaAnalyzer.Result r, YamahaSymbols s, YamahaSymbols.Occurrence o) {
        StringBuilder b = new StringBuilder("**").append(o.kind().label()).append(' ').append(o.key()).append("**");
        List<YamahaSymbols.Occurrence> defs = s.definitions(o.kind(), o.key());
        if (defs.isEmpty()) {
            b.append("\n\nNot defined in this config.");
        } else {
            b.append("\n\ndefined on line ").append(defs.get(0).range().startLine() + 1);
        }
        if (o.kind() == RefKind.NAT_DESCRIPTOR) {
            YamahaConfig.NatDescriptor d = r.model().natDescriptors().get(Integer.parseInt(o.key()));
            if (d != null) {
                b.append("\n\ntype ").append(d.effectiveType()).append(d.type() == null ? " (default)" : "");
                if (!d.outer().isEmpty()) b.append(", outer ").append(String.join(" ", d.outer().stream().map(YamahaConfig.NatAddressItem::text).toList()));
                if (!d.statics().isEmpty()) b.append(", ").append(d.statics().size()).append(" static entries");
            }
        }
        long uses = s.occurrences(o.kind(), o.key()).stream().filter(x -> !x.declaration()).count();
        b.append("\n\nused ").append(uses).append(uses == 1 ? " time" : " times");
        return b.toString();
    }

    /**
     * On {@code nat descriptor masquerade port range}: the MAP-E port-set shape and PSID the ranges are judged
     * against (from the tunnel's CE address when the config has one, else from the ranges), and where each
     * range falls. The same resolver and check as the {@code yamaha/mape-port-range} rule.
     */
    private static Optional<String> mapeFacts(YamahaAnalyzer.Result r, ConfigLine cl) {
        if (!(cl.parsed().command() instanceof Command.NatPortRange pr)) return Optional.empty();
        Integer descriptor;
        try {
            descriptor = Integer.parseInt(pr.id().text());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        List<PortRange> ranges = new ArrayList<>();
        for (Word w : pr.ranges()) {
            Optional<PortRange> p = PortRange.read(w.text());
            if (p.isEmpty()) return Optional.empty(); // the syntax rule reports it
            ranges.add(p.get());
        }
        if (ranges.isEmpty()) return Optional.empty();
        MapeMapping mapping = MapeMappingResolver.bundled().resolve(r.model(), descriptor, ranges);
        PortSetCheck.Result check = PortSetCheck.check(ranges, mapping.offset(), mapping.psidlen(), mapping.psid());
        StringBuilder b = new StringBuilder("**MAP-E port set**: offset ").append(mapping.offset()).append(", PSID length ")
                .append(mapping.psidlen()).append(" (").append(mapping.blockCount()).append(" blocks of ")
                .append(mapping.blockSize()).append(" ports), from ").append(mapping.basis());
        if (check.psid().isPresent()) {
            b.append("\n\nPSID ").append(check.psid().getAsInt()).append(check.psidInferred() ? " (most ranges belong to it)" : "");
        }
        if (mapping.ipv4() != null) b.append(", shared IPv4 ").append(mapping.ipv4());
        b.append('\n');
        for (PortRange p : ranges) {
            if (!p.isValid()) continue;
            b.append("\n- ").append(p).append(": block ").append(MapeCalculator.blockIndexOfPort(p.lo(), mapping.offset()))
                    .append(" of PSID ").append(MapeCalculator.psidOfPort(p.lo(), mapping.offset(), mapping.psidlen()));
        }
        b.append("\n\n").append(check.matches() ? "The ranges are exactly this PSID's port set."
                : check.findings().size() + " problem(s) with these ranges; see the diagnostics.");
        return Optional.of(b.toString());
    }
}
