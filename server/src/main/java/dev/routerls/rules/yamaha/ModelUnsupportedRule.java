package dev.routerls.rules.yamaha;

import dev.routerls.core.Severity;
import dev.routerls.rules.Findings;
import dev.routerls.yamaha.catalog.CatalogFinding;
import dev.routerls.yamaha.model.ModelFacts;
import dev.routerls.yamaha.model.YamahaConfig;

/**
 * {@code yamaha/model-unsupported}: commands or keywords the header's model/firmware does not have
 * (from the catalog), and native MAP-E where the model facts say it is missing.
 */
public final class ModelUnsupportedRule extends YamahaRule {
    public static final String ID = "yamaha/model-unsupported";

    public ModelUnsupportedRule() {
        super(ID, Severity.ERROR, "command or keyword not available on the config's model or firmware");
    }

    @Override
    public void check(YamahaConfig m, Findings out) {
        for (CatalogFinding f : m.catalogFindings()) {
            if (f.kind() == CatalogFinding.Kind.MODEL_UNSUPPORTED) out.report(f.range(), f.message());
        }
        if (m.model().isEmpty()) return;
        for (YamahaConfig.TunnelBlock t : m.tunnels().values()) {
            if (t.fromTemplate() != null || t.encapsulation() == null || !t.encapsulation().value().equals("map-e")) continue;
            if (ModelFacts.nativeMapE(m.model().orElse(null), m.revision().orElse(null)).orElse(true)) continue;
            String since = ModelFacts.nativeMapESince(m.model().orElse(null)).map(r -> " (it arrived in " + r + ")").orElse("");
            out.report(t.encapsulation().range(), "native MAP-E (`tunnel encapsulation map-e`) is not available on "
                    + modelName(m) + since + ", so the router rejects this tunnel and IPv4 has no path. "
                    + "Update the firmware if the model supports it, or set MAP-E up by hand with `tunnel "
                    + "encapsulation ipip`, `tunnel endpoint address` and `nat descriptor masquerade port range`.");
        }
    }
}
