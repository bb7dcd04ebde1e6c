package dev.routerls.services.types;

/** A symbol found by workspace search: its name, what it is, the file or block it is in, and where. */
public record WorkspaceSymbolEntry(String name, OutlineSymbol.Kind kind, String container, Location location) {
}
