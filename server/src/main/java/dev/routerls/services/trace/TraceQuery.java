package dev.routerls.services.trace;

/**
 * What an editor asks to trace: the document, the interface the packet arrives on, its addresses
 * ({@code ADDR[:PORT]}), protocol and connection number — the CLI's options, as the {@code routerls.trace}
 * command's argument.
 */
public record TraceQuery(String uri, String from, String src, String dst, String proto, int connection) {
}
