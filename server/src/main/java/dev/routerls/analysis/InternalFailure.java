package dev.routerls.analysis;

import dev.routerls.core.Diagnostic;
import dev.routerls.core.Severity;
import dev.routerls.core.SourceRange;
import dev.routerls.rules.RuleInfo;

/**
 * {@code routerls/internal}: routerls itself failed (a rule threw, or the whole analysis did), so some
 * findings are missing. Registered like a rule so users can re-grade it and every output documents it;
 * one severity wherever it is reported.
 */
public final class InternalFailure {
    public static final RuleInfo INFO = RuleInfo.rule("routerls/internal", Severity.WARNING)
            .summary("routerls failed on part of the analysis, so some findings are missing (please report it)")
            .rationale("""
                    A rule or the analysis of a file failed with an internal error. The rest of the file is still \
                    analysed, but the findings of the part that failed are missing, so a clean result is not a \
                    checked one. This is a bug in routerls: please report it with the message and, if you can, \
                    the config (with secrets removed).""")
            .tags("routerls")
            .build();

    private InternalFailure() {
    }

    /** The finding for a failure; {@code what} says what failed (e.g. "rule yamaha/syntax"). */
    public static Diagnostic at(String uri, String what, Throwable cause) {
        return new Diagnostic(INFO.id(), INFO.defaultSeverity(), uri, SourceRange.of(0, 0, 0),
                what + " failed (" + cause.getClass().getSimpleName() + "); its findings are missing. Please report this.");
    }
}
