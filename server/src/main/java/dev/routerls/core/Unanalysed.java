package dev.routerls.core;

/**
 * A part of a document that was not analysed, and why: the analysis ran out of its time budget
 * ({@link AnalysisBudget}), or the text nests deeper than routerls reads. Readers record it; the engine
 * reports it under its own id, so that a quiet part is not mistaken for a checked one.
 */
public record Unanalysed(String uri, SourceRange range, String message) {
}
