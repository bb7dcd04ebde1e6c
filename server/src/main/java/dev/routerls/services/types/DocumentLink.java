package dev.routerls.services.types;

import dev.routerls.core.SourceRange;

/** A word that leads to a file ({@code target} URI) or a place in one ({@code targetRange}, may be null). */
public record DocumentLink(SourceRange range, String target, SourceRange targetRange, String tooltip) {
}
