package dev.routerls.services.types;

import dev.routerls.core.SourceRange;

/** Hover content in Markdown, for the word or line at {@code range}. */
public record HoverText(String markdown, SourceRange range) {
}
