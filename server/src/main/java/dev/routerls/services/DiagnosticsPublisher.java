package dev.routerls.services;

import dev.routerls.core.Diagnostic;

import java.util.List;

/** Where finished diagnostics go (the LSP client, or a test). {@code version} is null when unknown. */
@FunctionalInterface
public interface DiagnosticsPublisher {
    void publish(String uri, Integer version, List<Diagnostic> diagnostics);
}
