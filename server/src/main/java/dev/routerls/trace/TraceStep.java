package dev.routerls.trace;

import dev.routerls.core.SourceRange;

/**
 * One step of a trace: its kind ({@code filter-in}, {@code nat-in}, {@code route}, {@code filter-out},
 * {@code nat-out}, {@code local} for YAMAHA; {@code zone}, {@code prerouting}, {@code route}, {@code forward},
 * {@code postrouting}, {@code input} for OpenWrt), the config line that decided it ({@code uri} and
 * {@code range}; both null when nothing in the config decides it, e.g. an interface without a filter list)
 * and what happened, in words.
 */
public record TraceStep(String kind, String uri, SourceRange range, String detail) {

    /** The 1-based line of the deciding config line, or null. */
    public Integer line() {
        return range == null ? null : range.startLine() + 1;
    }
}
