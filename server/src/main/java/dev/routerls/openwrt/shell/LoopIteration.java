package dev.routerls.openwrt.shell;

import dev.routerls.core.SourceRange;

/** Which pass (1-based) of which loop a command was collected in. */
public record LoopIteration(SourceRange loop, int iteration) {
}
