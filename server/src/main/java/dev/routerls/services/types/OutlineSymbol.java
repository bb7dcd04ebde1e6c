package dev.routerls.services.types;

import dev.routerls.core.SourceRange;

import java.util.List;

/**
 * One entry of the document outline. {@code range} covers the whole element (a UCI section with its
 * options, a tunnel with its settings), {@code selectionRange} the name to highlight.
 */
public record OutlineSymbol(String name, String detail, Kind kind, SourceRange range, SourceRange selectionRange,
                            List<OutlineSymbol> children) {
    public enum Kind { SECTION, INTERFACE, TUNNEL, PP, NAT, FILTER, OPTION, RULE, FUNCTION, VARIABLE }

    public OutlineSymbol {
        children = children == null ? List.of() : List.copyOf(children);
    }
}
