package dev.routerls.services.types;

/** A computed value shown at a position (after the word it explains), with longer text on hover. */
public record InlayHint(int line, int column, String label, String tooltip) {
}
