package dev.routerls.yamaha.catalog;

import dev.routerls.core.SourceRange;

/**
 * What the catalog found wrong with one command line. {@code kind} decides the rule:
 * UNKNOWN_COMMAND, BAD_KEYWORD, OUT_OF_RANGE, WRONG_FORM and EXTRA_WORDS become {@code yamaha/syntax};
 * MODEL_UNSUPPORTED (the reference excludes the model or firmware) becomes {@code yamaha/model-unsupported};
 * MODEL_NOT_LISTED (the reference's model line merely omits the model) becomes {@code yamaha/model-not-listed}.
 */
public record CatalogFinding(Kind kind, SourceRange range, String message) {
    public enum Kind {
        UNKNOWN_COMMAND, BAD_KEYWORD, OUT_OF_RANGE,
        /** The parameters do not have the command's form. */
        WRONG_FORM,
        /** Words after a complete command (the router rejects the line). */
        EXTRA_WORDS,
        MODEL_UNSUPPORTED, MODEL_NOT_LISTED;

        /** Whether the finding says the line is malformed (as opposed to unavailable on the model). */
        public boolean isSyntax() {
            return this != MODEL_UNSUPPORTED && this != MODEL_NOT_LISTED;
        }
    }
}
