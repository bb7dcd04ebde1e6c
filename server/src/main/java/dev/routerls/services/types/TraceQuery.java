package dev.routerls.services.types;

/**
 * What an editor asks to trace: the document, the interface the packet arrives on, its addresses
 * ({@code ADDR[:PORT]}), protocol and connection number — the CLI's options, as the {@code routerls.trace}
 * command's argument.
 */
public record TraceQuery(String uri, String from, String src, String dst, String proto, int connection) {
    /** The server command that runs a trace; its one argument is a query. */
    public static final String COMMAND = "routerls.trace";
}
