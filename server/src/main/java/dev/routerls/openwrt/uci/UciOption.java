package dev.routerls.openwrt.uci;

import dev.routerls.core.SourceRange;

/**
 * One {@code option NAME VALUE} or {@code list NAME VALUE} line as written. A section keeps every
 * such line; {@link UciSection#effective(String)} applies libuci's rules for repeated names.
 */
public record UciOption(Kind kind, String name, SourceRange nameRange, UciValue value, SourceRange range) {

    public enum Kind { OPTION, LIST }

    public boolean isList() {
        return kind == Kind.LIST;
    }
}
