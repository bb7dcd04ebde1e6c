package dev.routerls.trace;

import dev.routerls.core.SourceRange;

/** Who answers an ARP request on a LAN: the router (and why, from which line) or nobody on its side. */
public record ArpAnswer(boolean byRouter, String reason, String uri, SourceRange range) {

    public String answeredBy() {
        return byRouter ? "router" : "nobody";
    }

    public Integer line() {
        return range == null ? null : range.startLine() + 1;
    }
}
