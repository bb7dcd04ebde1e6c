package dev.routerls.trace;

import dev.routerls.core.SourceRange;

/**
 * A translation the packet went through: the YAMAHA NAT descriptor (null for OpenWrt), the kind
 * ({@code static}, {@code masquerade}, {@code masquerade-static}, {@code nat} for YAMAHA; {@code snat},
 * {@code masquerade}, {@code dnat} for OpenWrt) and the line that did it.
 */
public record NatApplied(Integer descriptor, String kind, String uri, SourceRange range) {

    public Integer line() {
        return range == null ? null : range.startLine() + 1;
    }
}
