package dev.routerls.services.types;

import dev.routerls.core.Diagnostic;

import java.util.function.Supplier;

/**
 * A code action as first listed: its title, whether it is a quick fix for {@code diagnostic}, and how to
 * compute its edits once the user picks it (a MAP-E SNAT block is computed only then).
 */
public record ActionOffer(String title, boolean quickFix, Diagnostic diagnostic, Supplier<EditorAction> resolve) {
}
