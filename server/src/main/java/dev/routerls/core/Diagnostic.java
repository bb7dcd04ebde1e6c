package dev.routerls.core;

import java.util.List;
import java.util.Objects;

/**
 * One finding in one document. {@code uri} names the document the problem is in (for OpenWrt
 * cross-file rules this may differ from the document that triggered the check).
 * Messages never contain secrets: rules build them from the model, which masks secret values.
 */
public record Diagnostic(String ruleId, Severity severity, String uri, SourceRange range, String message,
                         List<Fix> fixes) {

    public Diagnostic {
        Objects.requireNonNull(ruleId);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(range);
        Objects.requireNonNull(message);
        fixes = fixes == null ? List.of() : List.copyOf(fixes);
    }

    public Diagnostic(String ruleId, Severity severity, String uri, SourceRange range, String message) {
        this(ruleId, severity, uri, range, message, List.of());
    }

    public Diagnostic withSeverity(Severity s) {
        return new Diagnostic(ruleId, s, uri, range, message, fixes);
    }
}
