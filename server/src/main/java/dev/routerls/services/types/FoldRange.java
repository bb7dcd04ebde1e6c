package dev.routerls.services.types;

/** Lines an editor may fold: {@code startLine} stays visible, lines after it up to {@code endLine} hide. */
public record FoldRange(int startLine, int endLine, boolean comment) {
}
