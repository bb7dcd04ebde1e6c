package dev.routerls.lsp;

import dev.routerls.core.Diagnostic;
import dev.routerls.core.Severity;
import dev.routerls.core.SourceRange;
import dev.routerls.core.TextEdit;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

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
     * The edits of an action as a workspace edit: a plain change map, or, when the action creates files,
     * document changes (create the file, then insert its text, then the other edits).
     */
    static org.eclipse.lsp4j.WorkspaceEdit workspaceEdit(dev.routerls.services.EditorAction a, String defaultUri) {
        if (a.newFiles().isEmpty()) return new org.eclipse.lsp4j.WorkspaceEdit(edits(a.edits(), defaultUri));
        List<org.eclipse.lsp4j.jsonrpc.messages.Either<org.eclipse.lsp4j.TextDocumentEdit, org.eclipse.lsp4j.ResourceOperation>> changes =
                new ArrayList<>();
        for (dev.routerls.services.EditorAction.NewFile f : a.newFiles()) {
            org.eclipse.lsp4j.CreateFileOptions options = new org.eclipse.lsp4j.CreateFileOptions(true, false);
            changes.add(org.eclipse.lsp4j.jsonrpc.messages.Either.forRight(new org.eclipse.lsp4j.CreateFile(f.uri(), options)));
            changes.add(org.eclipse.lsp4j.jsonrpc.messages.Either.forLeft(new org.eclipse.lsp4j.TextDocumentEdit(
                    new org.eclipse.lsp4j.VersionedTextDocumentIdentifier(f.uri(), null),
                    List.of(new org.eclipse.lsp4j.TextEdit(new Range(new Position(0, 0), new Position(0, 0)), f.text())))));
        }
        edits(a.edits(), defaultUri).forEach((uri, list) -> changes.add(org.eclipse.lsp4j.jsonrpc.messages.Either.forLeft(
                new org.eclipse.lsp4j.TextDocumentEdit(new org.eclipse.lsp4j.VersionedTextDocumentIdentifier(uri, null), list))));
        return new org.eclipse.lsp4j.WorkspaceEdit(changes);
    }

    /**
     * Whether an action of {@code kind} answers a request limited to {@code only} (LSP CodeActionContext.only):
     * kinds are hierarchical, so "refactor" asks for "refactor.rewrite" too. No limit asks for every kind.
     */
    static boolean kindRequested(String kind, List<String> only) {
        if (only == null || only.isEmpty()) return true;
        for (String k : only) {
            if (k == null || k.isEmpty() || kind.equals(k) || kind.startsWith(k + ".")) return true;
        }
        return false;
    }
}
