package dev.routerls.rules;

import dev.routerls.core.Diagnostic;
import dev.routerls.core.Fix;
import dev.routerls.core.Severity;
import dev.routerls.core.SourceRange;

import java.util.List;

/**
 * Where a rule reports. Stamps each finding with the rule's id and severity and the document it is in,
 * so rules only say where and what.
 */
public final class Findings {
    private final RuleInfo rule;
    private final String defaultUri;
    private final List<Diagnostic> sink;

    public Findings(RuleInfo rule, String defaultUri, List<Diagnostic> sink) {
        this.rule = rule;
        this.defaultUri = defaultUri;
        this.sink = sink;
    }

    public void report(SourceRange range, String message) {
        report(defaultUri, range, message, List.of());
    }

    public void report(SourceRange range, String message, Fix fix) {
        report(defaultUri, range, message, List.of(fix));
    }

    public void report(String uri, SourceRange range, String message) {
        report(uri, range, message, List.of());
    }

    public void report(String uri, SourceRange range, String message, List<Fix> fixes) {
        sink.add(new Diagnostic(rule.id(), rule.defaultSeverity(), uri, range, message, fixes));
    }

    /** For the few rules whose findings differ in weight (e.g. a hint beside a warning). */
    public void report(Severity severity, String uri, SourceRange range, String message) {
        sink.add(new Diagnostic(rule.id(), severity, uri, range, message, List.of()));
    }

    public String defaultUri() {
        return defaultUri;
    }
}
