package dev.routerls.rules.yamaha;

import dev.routerls.core.Severity;
import dev.routerls.rules.Findings;
import dev.routerls.yamaha.catalog.CatalogFinding;
import dev.routerls.yamaha.model.YamahaConfig;

/** {@code yamaha/syntax}: lines the grammar cannot read, bad values, and the catalog's syntax findings. */
public final class SyntaxRule extends YamahaRule {
    public static final String ID = "yamaha/syntax";

    public SyntaxRule() {
        super(ID, Severity.ERROR, "malformed line, unknown command, wrong keyword or value out of range");
    }

    @Override
    public void check(YamahaConfig m, Findings out) {
        for (YamahaConfig.SyntaxProblem p : m.syntaxProblems()) out.report(p.range(), p.message());
        for (CatalogFinding f : m.catalogFindings()) {
            if (f.kind() != CatalogFinding.Kind.MODEL_UNSUPPORTED) out.report(f.range(), f.message());
        }
    }
}
