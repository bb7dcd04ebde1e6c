package dev.routerls.services.types;

import dev.routerls.core.SourceRange;

/** One use of a name in the document; {@code write} where it is defined or set, else a read. */
public record Highlight(SourceRange range, boolean write) {
}
