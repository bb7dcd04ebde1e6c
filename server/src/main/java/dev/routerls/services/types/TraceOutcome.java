package dev.routerls.services.types;

import dev.routerls.trace.TraceResult;

/**
 * A trace and the root its files are named from: the OpenWrt router's {@code etc/} folder, or null for a
 * YAMAHA config (one file).
 */
public record TraceOutcome(TraceResult result, String rootUri) {
    /** How a step's file is named for people: relative to the router root; null for the one YAMAHA file. */
    public String fileOf(String uri) {
        return rootUri != null && uri.startsWith(rootUri) ? uri.substring(rootUri.length()) : null;
    }
}
