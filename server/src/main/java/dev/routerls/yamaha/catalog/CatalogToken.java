package dev.routerls.yamaha.catalog;

import dev.routerls.core.SourceRange;

/**
 * One word of a YAMAHA command line as the parser split it (quotes and escapes already resolved in
 * {@code text}), with where it stands. The catalog matches these against the command syntax.
 */
public record CatalogToken(String text, SourceRange range) {
    /**
     * The text of a template placeholder ({@code {{ name }}}, {@code <Shared-IPv4>}): it stands for a value not
     * written yet, so it fits any parameter slot (though no keyword of the command itself).
     */
    public static final String ANY = "\u0000placeholder";

    public static CatalogToken placeholder(SourceRange range) {
        return new CatalogToken(ANY, range);
    }
}
