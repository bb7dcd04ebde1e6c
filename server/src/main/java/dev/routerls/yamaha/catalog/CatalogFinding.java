package dev.routerls.yamaha.catalog;

import dev.routerls.core.SourceRange;

/**
 * What the catalog found wrong with one command line. {@code kind} decides the rule:
 * UNKNOWN_COMMAND, BAD_KEYWORD and OUT_OF_RANGE become {@code yamaha/syntax};
 * MODEL_UNSUPPORTED becomes {@code yamaha/model-unsupported}.
 */
public record CatalogFinding(Kind kind, SourceRange range, String message) {
    public enum Kind { UNKNOWN_COMMAND, BAD_KEYWORD, OUT_OF_RANGE, MODEL_UNSUPPORTED }
}
