package dev.routerls.lsp;

import dev.routerls.core.Diagnostic;
import dev.routerls.core.Severity;
import dev.routerls.core.SourceRange;
import dev.routerls.core.TextEdit;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.CreateFile;
import org.eclipse.lsp4j.CreateFileOptions;
import org.eclipse.lsp4j.ResourceOperation;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import dev.routerls.services.types.OutlineSymbol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Conversions between routerls core types and LSP4J types; the only place that knows both. */
final class Convert {
    static final String SOURCE = "routerls";

    private Convert() {
    }

    static Range range(SourceRange r) {
        return new Range(new Position(r.startLine(), r.startColumn()), new Position(r.endLine(), r.endColumn()));
    }

    static SourceRange range(Range r) {
        if (r == null || r.getStart() == null || r.getEnd() == null) return null;
        return new SourceRange(r.getStart().getLine(), r.getStart().getCharacter(),
                r.getEnd().getLine(), r.getEnd().getCharacter());
    }

    static org.eclipse.lsp4j.Diagnostic diagnostic(Diagnostic d) {
        org.eclipse.lsp4j.Diagnostic out = new org.eclipse.lsp4j.Diagnostic(range(d.range()), d.message(),
                severity(d.severity()), SOURCE, d.ruleId());
        return out;
    }

    static List<org.eclipse.lsp4j.Diagnostic> diagnostics(List<Diagnostic> ds) {
        List<org.eclipse.lsp4j.Diagnostic> out = new ArrayList<>(ds.size());
        for (Diagnostic d : ds) out.add(diagnostic(d));
        return out;
    }

    static DiagnosticSeverity severity(Severity s) {
        return switch (s) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case INFO -> DiagnosticSeverity.Information;
            case HINT -> DiagnosticSeverity.Hint;
        };
    }

    /** Edits grouped by document; edits without a document go to {@code defaultUri}. */
    static Map<String, List<org.eclipse.lsp4j.TextEdit>> edits(List<TextEdit> edits, String defaultUri) {
        Map<String, List<org.eclipse.lsp4j.TextEdit>> out = new LinkedHashMap<>();
        for (TextEdit e : edits) {
            String uri = e.uri() == null ? defaultUri : e.uri();
            out.computeIfAbsent(uri, k -> new ArrayList<>()).add(new org.eclipse.lsp4j.TextEdit(range(e.range()), e.newText()));
        }
        return out;
    }

    /**
     * The edits of an action as a workspace edit of versioned document changes: each document's edits carry
     * the editor version they were computed for (null for files the editor has not opened), so the editor
     * refuses them on any other text; files the action creates come first.
     */
    static org.eclipse.lsp4j.WorkspaceEdit workspaceEdit(dev.routerls.services.types.VersionedAction v) {
        dev.routerls.services.types.EditorAction a = v.action();
        List<Either<TextDocumentEdit, ResourceOperation>> changes = new ArrayList<>();
        for (dev.routerls.services.types.EditorAction.NewFile f : a.newFiles()) {
            changes.add(Either.forRight(new CreateFile(f.uri(), new CreateFileOptions(true, false))));
            changes.add(Either.forLeft(new TextDocumentEdit(new VersionedTextDocumentIdentifier(f.uri(), null),
                    List.of(new org.eclipse.lsp4j.TextEdit(new Range(new Position(0, 0), new Position(0, 0)), f.text())))));
        }
        String fallback = a.edits().isEmpty() || a.edits().get(0).uri() == null ? "" : a.edits().get(0).uri();
        edits(a.edits(), fallback).forEach((uri, list) -> changes.add(Either.forLeft(
                new TextDocumentEdit(new VersionedTextDocumentIdentifier(uri, v.versions().get(uri)), list))));
        return new org.eclipse.lsp4j.WorkspaceEdit(changes);
    }

    static SymbolKind symbolKind(OutlineSymbol.Kind k) {
        return switch (k) {
            case SECTION -> SymbolKind.Struct;
            case INTERFACE -> SymbolKind.Interface;
            case TUNNEL, PP -> SymbolKind.Module;
            case NAT -> SymbolKind.Object;
            case FILTER, RULE -> SymbolKind.Event;
            case OPTION -> SymbolKind.Property;
            case FUNCTION -> SymbolKind.Function;
            case VARIABLE -> SymbolKind.Variable;
        };
    }
}
