package dev.routerls.openwrt.uci;

import dev.routerls.core.SourceRange;

/**
 * One argument as libuci reads it: {@code text} is the value after quotes and escapes are removed,
 * {@code raw} the characters as written (quotes included), {@code range} where they are. A missing
 * argument is an empty value with an empty range at the place it would go.
 */
public record UciValue(String text, String raw, SourceRange range) {

    public boolean isEmpty() {
        return text.isEmpty();
    }

    /** True when the argument is absent from the source (not merely {@code ''}). */
    public boolean isMissing() {
        return raw.isEmpty();
    }
}
