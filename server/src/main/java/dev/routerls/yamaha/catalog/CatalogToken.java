package dev.routerls.yamaha.catalog;

import dev.routerls.core.SourceRange;

/**
 * One word of a YAMAHA command line as the parser split it (quotes and escapes already resolved in
 * {@code text}), with where it stands. The catalog matches these against the command syntax.
 */
public record CatalogToken(String text, SourceRange range) {
}
