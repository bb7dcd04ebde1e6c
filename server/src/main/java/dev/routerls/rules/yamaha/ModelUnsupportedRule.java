package dev.routerls.rules.yamaha;

import dev.routerls.core.Severity;
import dev.routerls.rules.Example;
import dev.routerls.rules.Findings;
import dev.routerls.rules.RuleInfo;
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
        super(RuleInfo.rule(ID, Severity.ERROR)
                .summary("command or keyword not available on the config's model or firmware")
                .rationale("""
                        Models and firmware revisions do not all have the same commands. A command or keyword the \
                        router's model or firmware lacks is rejected when the config is loaded, so a config copied \
                        from another model quietly loses settings. routerls takes the model and revision from the \
                        `show config` header (or from `--model` and the settings) and reports a command only where \
                        the command reference excludes it positively: a note that the model cannot use it, or a \
                        revision the firmware predates (a model line that merely omits the model is \
                        `yamaha/model-not-listed`). Native MAP-E (`tunnel encapsulation map-e`) is checked against \
                        the firmware that introduced it.""")
                .bad(Example.yamaha("""
                        # RTX1210 Rev.14.01.33 (Fri Mar 27 15:30:12 2020)
                        tunnel select 1
                         tunnel encapsulation map-e
                        """))
                .good(Example.yamaha("""
                        # RTX1210 Rev.14.01.34 (Fri Mar 27 15:30:12 2020)
                        tunnel select 1
                         tunnel encapsulation map-e
                        """))
                .tags("model", "mape")
                .build());
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
