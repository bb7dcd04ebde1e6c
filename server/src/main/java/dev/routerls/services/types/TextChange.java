package dev.routerls.services.types;

import dev.routerls.core.SourceRange;

/** An edit sent by the editor: replace {@code range} with {@code text}; a null range replaces everything. */
public record TextChange(SourceRange range, String text) {
    public TextChange {
        text = text == null ? "" : text;
    }
}
