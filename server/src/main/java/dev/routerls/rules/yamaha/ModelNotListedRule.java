package dev.routerls.rules.yamaha;

import dev.routerls.core.Severity;
import dev.routerls.rules.Example;
import dev.routerls.rules.RuleInfo;
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
        super(RuleInfo.rule(ID, Severity.WARNING)
                .summary("command the reference does not list for the config's model (the list may be incomplete)")
                .rationale("""
                        Each command of the command reference lists the models that have it, but those lists are not \
                        complete: genuine `show config` dumps of an RTX830 hold `bridge member` and the L2TPv3 \
                        `l2tp …` commands although their model lines omit the RTX830. So a command whose model line \
                        merely leaves out the config's model may well work; only a note that excludes the model or \
                        the firmware is proof, and that is `yamaha/model-unsupported`'s error. Models seen in genuine \
                        dumps are recorded, with their source, in the catalog supplement and draw no finding.""")
                .bad(Example.yamaha("""
                        # RTX830 Rev.15.02.20 (Mon Jan  1 00:00:00 2024)
                        system temperature threshold 50 60
                        """))
                .good(Example.yamaha("""
                        # RTX1210 Rev.14.01.42 (Fri Jul  5 11:17:45 2024)
                        system temperature threshold 50 60
                        """))
                .tags("model", "reference")
                .build());
    }

    @Override
    public void check(YamahaConfig m, Findings out) {
        for (CatalogFinding f : m.catalogFindings()) {
            if (f.kind() == CatalogFinding.Kind.MODEL_NOT_LISTED) out.report(f.range(), f.message());
        }
    }
}
