package dev.routerls.analysis;

import dev.routerls.core.AnalysisBudget;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.Severity;
import dev.routerls.core.Unanalysed;
import dev.routerls.rules.RuleInfo;

/**
 * {@code routerls/analysis-stopped}: a part of a file was not analysed because the analysis ran past its time
 * budget ({@link AnalysisBudget}), or nests deeper than routerls reads. Registered like a rule so that it is
 * documented, re-graded and turned off like one.
 */
public final class AnalysisStopped {
    public static final RuleInfo INFO = RuleInfo.rule("routerls/analysis-stopped", Severity.INFO)
            .summary("a part of a file was not analysed: the analysis ran past its time budget, or it nests too deep")
            .rationale("""
                    Every analysis has a time budget (20 seconds by default), so that a pathological file cannot \
                    hold the editor or CI: past it, the YAMAHA line reader, the shell reader and the firewall.user \
                    evaluator stop at their next checkpoint. Blocks of an nftables.d snippet nested more than 32 \
                    deep are not read either. Everything before that point is still analysed and reported; the \
                    part that was not is covered by this one finding, so a quiet file is not mistaken for a \
                    checked one. Findings that depend on the whole file (references, limits) count only the part \
                    that was read.""")
            .tags("routerls")
            .build();

    private AnalysisStopped() {
    }

    /** The finding for a part a reader did not analyse (the user's settings are applied by the caller). */
    public static Diagnostic finding(Unanalysed part) {
        return new Diagnostic(INFO.id(), INFO.defaultSeverity(), part.uri(), part.range(), part.message());
    }
}
