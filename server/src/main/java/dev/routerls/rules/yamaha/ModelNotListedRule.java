package dev.routerls.rules.yamaha;

import dev.routerls.core.Severity;
import dev.routerls.rules.Findings;
import dev.routerls.yamaha.catalog.CatalogFinding;
import dev.routerls.yamaha.model.YamahaConfig;

/**
 * {@code yamaha/model-not-listed} (warning): the command reference's model line for a command omits the
 * config's model, and nothing in the reference excludes it. Genuine dumps show commands the model lines
 * omit (an L2TPv3 bridge on RTX830), so this is not the certain error {@code yamaha/model-unsupported}
 * reports; models the project has seen a command on are added to the catalog supplement with their source.
 */
public final class ModelNotListedRule extends YamahaRule {
    public static final String ID = "yamaha/model-not-listed";

    public ModelNotListedRule() {
        super(ID, Severity.WARNING, "command the reference does not list for the config's model (the list may be incomplete)");
    }

    @Override
    public void check(YamahaConfig m, Findings out) {
        for (CatalogFinding f : m.catalogFindings()) {
            if (f.kind() == CatalogFinding.Kind.MODEL_NOT_LISTED) out.report(f.range(), f.message());
        }
    }
}
