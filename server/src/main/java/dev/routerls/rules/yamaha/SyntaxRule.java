package dev.routerls.rules.yamaha;

import dev.routerls.core.Severity;
import dev.routerls.rules.Example;
import dev.routerls.rules.Findings;
import dev.routerls.rules.RuleInfo;
import dev.routerls.yamaha.catalog.CatalogFinding;
import dev.routerls.yamaha.model.YamahaConfig;

/** {@code yamaha/syntax}: lines the grammar cannot read, bad values, and the catalog's syntax findings. */
public final class SyntaxRule extends YamahaRule {
    public static final String ID = "yamaha/syntax";

    public SyntaxRule() {
        super(RuleInfo.rule(ID, Severity.ERROR)
                .summary("malformed line, unknown command, wrong keyword or value out of range")
                .rationale("""
                        The router refuses a line it cannot read. When the config is loaded (restored from a file, \
                        sent over TFTP or pasted into the console) that line fails with an error and whatever it set \
                        is simply missing, which is often noticed only when traffic stops. routerls reads every line \
                        with the command grammar and checks command names, keywords and value ranges against the \
                        command reference, so a misspelt keyword or an address such as 300.1.1.1 shows up before the \
                        config reaches the router. Words after a complete command fail the whole line too (the \
                        router takes no extra parameters), which catches notes pasted into a config (`← from the \
                        ONU`). The content of an embedded file (`embedded file NAME <<EOF` … `EOF`) is not read as \
                        commands.""")
                .bad(Example.yamaha("""
                        # RTX830 Rev.15.02.20 (Mon Jan  1 00:00:00 2024)
                        ip lan1 adress 192.168.100.1/24
                        """))
                .good(Example.yamaha("""
                        # RTX830 Rev.15.02.20 (Mon Jan  1 00:00:00 2024)
                        ip lan1 address 192.168.100.1/24
                        """))
                .tags("syntax")
                .build());
    }

    @Override
    public void check(YamahaConfig m, Findings out) {
        for (YamahaConfig.SyntaxProblem p : m.syntaxProblems()) out.report(p.range(), p.message());
        for (CatalogFinding f : m.catalogFindings()) {
            if (f.kind().isSyntax()) out.report(f.range(), f.message());
        }
    }
}
