package dev.routerls.trace;

import dev.routerls.core.SourceRange;

/**
 * The filter that decided the packet's fate: the one that refused it, else the last one that passed it.
 * {@code number} is the YAMAHA filter number (null for an OpenWrt rule).
 */
public record FilterDecision(Integer number, String uri, SourceRange range) {

    public Integer line() {
        return range == null ? null : range.startLine() + 1;
    }
}
