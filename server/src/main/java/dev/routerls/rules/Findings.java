package dev.routerls.rules;

import dev.routerls.core.Diagnostic;
import dev.routerls.core.Fix;
import dev.routerls.core.SourceRange;

import java.util.List;

/**
 * Where a rule reports. Stamps each finding with the rule's id and severity and the document it is in,
 * so rules only say where and what; a rule's findings all have the rule's severity (settings may re-grade it).
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

    public String defaultUri() {
        return defaultUri;
    }
}
