package dev.routerls.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.routerls.core.Cancellation;
import dev.routerls.core.SourceRange;
import dev.routerls.services.AnalysisEngine;
import dev.routerls.services.DiagnosticsScheduler;
import dev.routerls.services.LanguageFeatures;
import dev.routerls.services.Workspace;
import dev.routerls.services.types.CompletionEntry;
import dev.routerls.services.types.FoldRange;
import dev.routerls.services.types.HoverText;
import dev.routerls.services.types.OutlineSymbol;
import dev.routerls.services.types.TextChange;
import dev.routerls.services.types.VersionedAction;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintKind;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RelatedFullDocumentDiagnosticReport;
import org.eclipse.lsp4j.RelatedUnchangedDocumentDiagnosticReport;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SelectionRange;
import org.eclipse.lsp4j.SelectionRangeParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.TextDocumentService;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Adapts textDocument/* messages to the document store, the scheduler and {@link LanguageFeatures}.
 * Requests run on the {@link RequestRunner} with a cancellation; a newer request of the same kind for the
 * same document supersedes the older one.
 */
final class RouterTextDocumentService implements TextDocumentService {
    private final Workspace workspace;
    private final DiagnosticsScheduler scheduler;
    private final LanguageFeatures features;
    private final AnalysisEngine engine;
    private final RequestRunner runner;
    private final DiagnosticsDelivery delivery;
    /** Whether the client applies workspace edits that create files (needed for fw4's nftables.d file). */
    private volatile boolean createsFiles;
    /** Whether the client resolves code actions' edits lazily (codeAction/resolve). */
    private volatile boolean resolvesActions;

    RouterTextDocumentService(Workspace workspace, DiagnosticsScheduler scheduler, LanguageFeatures features,
                              AnalysisEngine engine, RequestRunner runner, DiagnosticsDelivery delivery) {
        this.engine = engine;
        this.delivery = delivery;
        this.workspace = workspace;
        this.scheduler = scheduler;
        this.features = features;
        this.runner = runner;
    }

    void setCreatesFiles(boolean createsFiles) {
        this.createsFiles = createsFiles;
    }

    void setResolvesActions(boolean resolvesActions) {
        this.resolvesActions = resolvesActions;
    }

    // ---------------------------------------------------------------------------------- synchronisation

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        var td = params.getTextDocument();
        if (td == null || td.getUri() == null) return;
        var doc = workspace.documents().open(td.getUri(), td.getVersion(), td.getText() == null ? "" : td.getText(),
                td.getLanguageId());
        scheduler.now(workspace.groupOf(doc));
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        if (params.getTextDocument() == null || params.getContentChanges() == null) return;
        List<TextChange> changes = new ArrayList<>();
        for (TextDocumentContentChangeEvent e : params.getContentChanges()) {
            changes.add(new TextChange(Convert.range(e.getRange()), e.getText()));
        }
        Integer version = params.getTextDocument().getVersion();
        workspace.documents().change(params.getTextDocument().getUri(), version == null ? 0 : version, changes)
                .ifPresent(doc -> scheduler.soon(workspace.groupOf(doc)));
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        if (params.getTextDocument() == null) return;
        String uri = params.getTextDocument().getUri();
        workspace.documents().close(uri).ifPresent(doc -> {
            String group = workspace.groupOf(doc);
            scheduler.closed(uri, group);
            engine.forget(uri, group, workspace.openGroups());
            features.closed(uri);
        });
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // the open document's text already is what was saved; the watcher reports disk changes
    }

    // ------------------------------------------------------------------------------------------ requests

    /** Runs a request about one document; a newer {@code method} request for it supersedes this one. */
    private <T> CompletableFuture<T> run(String method, TextDocumentIdentifier doc, Function<Cancellation, T> work) {
        String uri = uri(doc);
        return runner.run(method + " " + uri, work);
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        Position p = position(params.getPosition());
        return run("completion", params.getTextDocument(), cancel -> {
            List<CompletionItem> items = new ArrayList<>();
            List<CompletionEntry> entries = features.complete(params.getTextDocument().getUri(), p.getLine(), p.getCharacter(), cancel);
            int width = Integer.toString(entries.size()).length();
            for (int i = 0; i < entries.size(); i++) {
                CompletionEntry e = entries.get(i);
                CompletionItem item = new CompletionItem(e.label());
                item.setKind(kind(e.kind()));
                item.setDetail(e.detail());
                // the server's order is the useful one (context first); clients sort by sortText, else by label
                String n = Integer.toString(i);
                item.setSortText("0".repeat(width - n.length()) + n);
                if (e.documentation() != null) item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, e.documentation()));
                if (e.insertText() != null) item.setInsertText(e.insertText());
                items.add(item);
            }
            return Either.forRight(new CompletionList(false, items));
        });
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        Position p = position(params.getPosition());
        return run("hover", params.getTextDocument(), cancel -> features.hover(params.getTextDocument().getUri(),
                p.getLine(), p.getCharacter(), cancel).map(RouterTextDocumentService::hover).orElse(null));
    }

    private static Hover hover(HoverText h) {
        Hover out = new Hover(new MarkupContent(MarkupKind.MARKDOWN, h.markdown()));
        if (h.range() != null) out.setRange(Convert.range(h.range()));
        return out;
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams params) {
        Position p = position(params.getPosition());
        return run("definition", params.getTextDocument(), cancel -> Either.forLeft(
                locations(features.definition(params.getTextDocument().getUri(), p.getLine(), p.getCharacter()))));
    }

    @Override
    public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
        Position p = position(params.getPosition());
        boolean decl = params.getContext() == null || params.getContext().isIncludeDeclaration();
        return run("references", params.getTextDocument(), cancel ->
                locations(features.references(params.getTextDocument().getUri(), p.getLine(), p.getCharacter(), decl)));
    }

    @Override
    public CompletableFuture<List<? extends DocumentHighlight>> documentHighlight(DocumentHighlightParams params) {
        Position p = position(params.getPosition());
        return run("documentHighlight", params.getTextDocument(), cancel -> features.highlights(params.getTextDocument().getUri(),
                p.getLine(), p.getCharacter(), cancel).stream().map(h -> new DocumentHighlight(Convert.range(h.range()),
                h.write() ? DocumentHighlightKind.Write : DocumentHighlightKind.Read)).toList());
    }

    @Override
    public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
        Position p = position(params.getPosition());
        return run("rename", params.getTextDocument(), cancel -> {
            String uri = params.getTextDocument().getUri();
            Optional<List<dev.routerls.core.TextEdit>> edits;
            try {
                edits = features.rename(uri, p.getLine(), p.getCharacter(), params.getNewName() == null ? "" : params.getNewName());
            } catch (dev.routerls.services.types.RenameRefusedException e) {
                throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidRequest, e.getMessage(), null));
            }
            if (edits.isEmpty()) {
                throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams,
                        "nothing to rename here, or the new name is not valid for it", null));
            }
            return new WorkspaceEdit(Convert.edits(edits.get(), uri));
        });
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
        return run("documentSymbol", params.getTextDocument(), cancel -> {
            List<Either<SymbolInformation, DocumentSymbol>> out = new ArrayList<>();
            for (OutlineSymbol s : features.outline(params.getTextDocument().getUri(), cancel)) out.add(Either.forRight(symbol(s)));
            return out;
        });
    }

    private static DocumentSymbol symbol(OutlineSymbol s) {
        DocumentSymbol d = new DocumentSymbol(s.name(), Convert.symbolKind(s.kind()), Convert.range(s.range()),
                Convert.range(s.selectionRange()), s.detail());
        List<DocumentSymbol> children = new ArrayList<>();
        for (OutlineSymbol c : s.children()) children.add(symbol(c));
        d.setChildren(children);
        return d;
    }

    @Override
    public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
        return run("foldingRange", params.getTextDocument(), cancel -> {
            List<FoldingRange> out = new ArrayList<>();
            for (FoldRange f : features.folding(params.getTextDocument().getUri(), cancel)) {
                FoldingRange r = new FoldingRange(f.startLine(), f.endLine());
                if (f.comment()) r.setKind(FoldingRangeKind.Comment);
                out.add(r);
            }
            return out;
        });
    }

    // ------------------------------------------------------------------------------------- code actions

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        SourceRange range = Convert.range(params.getRange());
        List<String> only = params.getContext() == null ? null : params.getContext().getOnly();
        return run("codeAction", params.getTextDocument(), cancel -> {
            String uri = params.getTextDocument().getUri();
            List<Either<Command, CodeAction>> out = new ArrayList<>();
            Optional<LanguageFeatures.ListedActions> listed = features.listActions(uri, range, cancel);
            if (listed.isEmpty()) return out;
            for (var o : listed.get().offers()) {
                String kind = o.offer().quickFix() ? CodeActionKind.QuickFix : CodeActionKind.Refactor;
                if (only != null && !only.isEmpty() && only.stream().noneMatch(k -> kind.equals(k) || kind.startsWith(k + "."))) continue;
                CodeAction a = new CodeAction(o.offer().title());
                a.setKind(kind);
                if (o.offer().diagnostic() != null) a.setDiagnostics(List.of(Convert.diagnostic(o.offer().diagnostic())));
                if (resolvesActions) {
                    JsonObject data = new JsonObject();
                    data.addProperty("uri", uri);
                    data.addProperty("version", listed.get().version());
                    data.addProperty("index", o.index());
                    a.setData(data);
                } else {
                    Optional<VersionedAction> v = features.resolveAction(uri, listed.get().version(), o.index());
                    if (v.isEmpty() || !applicable(v.get())) continue;
                    a.setEdit(Convert.workspaceEdit(v.get()));
                }
                out.add(Either.forRight(a));
            }
            return out;
        });
    }

    @Override
    public CompletableFuture<CodeAction> resolveCodeAction(CodeAction action) {
        if (action == null || !(action.getData() instanceof JsonElement data) || !data.isJsonObject()) {
            return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams,
                    "this code action was not listed by routerls", null)));
        }
        JsonObject d = data.getAsJsonObject();
        String uri = d.has("uri") ? d.get("uri").getAsString() : "";
        return runner.run("codeAction/resolve " + uri + " " + d, cancel -> {
            Optional<VersionedAction> v;
            try {
                v = features.resolveAction(uri, d.get("version").getAsInt(), d.get("index").getAsInt());
            } catch (RuntimeException e) {
                throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, "malformed code action data", null));
            }
            if (v.isEmpty() || !applicable(v.get())) {
                throw new ResponseErrorException(new ResponseError(ResponseErrorCode.ContentModified,
                        "the document changed since this action was listed; ask for the actions again", null));
            }
            action.setEdit(Convert.workspaceEdit(v.get()));
            return action;
        });
    }

    /** An action whose edits were computed for the documents' current versions, and that this client can apply. */
    private boolean applicable(VersionedAction v) {
        if (!v.action().newFiles().isEmpty() && !createsFiles) return false;
        for (var e : v.versions().entrySet()) {
            if (!features.versionOf(e.getKey()).map(e.getValue()::equals).orElse(true)) return false;
        }
        return true;
    }

    // ------------------------------------------------------------------------- decorations, diagnostics

    @Override
    public CompletableFuture<List<InlayHint>> inlayHint(InlayHintParams params) {
        SourceRange range = Convert.range(params.getRange());
        return run("inlayHint", params.getTextDocument(), cancel -> features.inlayHints(params.getTextDocument().getUri(),
                range, cancel).stream().map(h -> {
                    InlayHint out = new InlayHint(new Position(h.line(), h.column()), Either.forLeft(" " + h.label()));
                    out.setKind(InlayHintKind.Type);
                    out.setPaddingLeft(true);
                    if (h.tooltip() != null) out.setTooltip(h.tooltip());
                    return out;
                }).toList());
    }

    @Override
    public CompletableFuture<List<? extends org.eclipse.lsp4j.CodeLens>> codeLens(org.eclipse.lsp4j.CodeLensParams params) {
        return run("codeLens", params.getTextDocument(), cancel -> features.codeLenses(params.getTextDocument().getUri(), cancel)
                .stream().map(TraceCommand::lens).toList());
    }

    @Override
    public CompletableFuture<SemanticTokens> semanticTokensFull(SemanticTokensParams params) {
        return run("semanticTokens", params.getTextDocument(), cancel ->
                new SemanticTokens(SemanticLegend.encode(features.semanticTokens(params.getTextDocument().getUri(), cancel))));
    }

    @Override
    public CompletableFuture<List<DocumentLink>> documentLink(DocumentLinkParams params) {
        return run("documentLink", params.getTextDocument(), cancel -> features.links(params.getTextDocument().getUri(), cancel)
                .stream().map(l -> {
                    String target = l.targetRange() == null ? l.target()
                            : l.target() + "#L" + (l.targetRange().startLine() + 1) + "," + (l.targetRange().startColumn() + 1);
                    return new DocumentLink(Convert.range(l.range()), target, null, l.tooltip());
                }).toList());
    }

    @Override
    public CompletableFuture<List<SelectionRange>> selectionRange(SelectionRangeParams params) {
        List<int[]> positions = new ArrayList<>();
        if (params.getPositions() != null) {
            for (Position p : params.getPositions()) positions.add(new int[]{p.getLine(), p.getCharacter()});
        }
        return run("selectionRange", params.getTextDocument(), cancel -> {
            List<SelectionRange> out = new ArrayList<>();
            for (List<SourceRange> nested : features.selectionRanges(params.getTextDocument().getUri(), positions, cancel)) {
                SelectionRange parent = null;
                for (int i = nested.size() - 1; i >= 0; i--) parent = new SelectionRange(Convert.range(nested.get(i)), parent);
                out.add(parent);
            }
            return out;
        });
    }

    @Override
    public CompletableFuture<DocumentDiagnosticReport> diagnostic(DocumentDiagnosticParams params) {
        return run("diagnostic", params.getTextDocument(), cancel -> {
            String uri = params.getTextDocument().getUri();
            Optional<LanguageFeatures.Report> r = features.diagnostics(uri, cancel);
            List<org.eclipse.lsp4j.Diagnostic> found = Convert.diagnostics(r.map(LanguageFeatures.Report::diagnostics).orElse(List.of()));
            // the findings are part of the id (an edit of another file of the router changes them at the same
            // version), and so are the settings: a report under other settings is a new one even when equal
            String resultId = r.map(x -> x.version() + ":" + Integer.toHexString(workspace.settingsFor(uri).hashCode())
                    + ":" + Integer.toHexString(found.hashCode())).orElse("closed");
            r.ifPresent(x -> delivery.pulled(uri, x.version(), found));
            if (resultId.equals(params.getPreviousResultId())) {
                return new DocumentDiagnosticReport(new RelatedUnchangedDocumentDiagnosticReport(resultId));
            }
            RelatedFullDocumentDiagnosticReport full = new RelatedFullDocumentDiagnosticReport(found);
            full.setResultId(resultId);
            return new DocumentDiagnosticReport(full);
        });
    }

    // --------------------------------------------------------------------------------------- helpers

    private static List<Location> locations(List<dev.routerls.services.types.Location> ls) {
        List<Location> out = new ArrayList<>();
        for (var l : ls) out.add(new Location(l.uri(), Convert.range(l.range())));
        return out;
    }

    private static String uri(TextDocumentIdentifier id) {
        if (id == null || id.getUri() == null) {
            throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, "textDocument.uri is missing", null));
        }
        return id.getUri();
    }

    private static Position position(Position p) {
        if (p == null) {
            throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, "position is missing", null));
        }
        return p;
    }

    private static CompletionItemKind kind(CompletionEntry.Kind k) {
        return switch (k) {
            case KEYWORD -> CompletionItemKind.Keyword;
            case COMMAND -> CompletionItemKind.Function;
            case VALUE -> CompletionItemKind.Value;
            case REFERENCE -> CompletionItemKind.Reference;
            case INTERFACE -> CompletionItemKind.Interface;
            case SECTION_TYPE -> CompletionItemKind.Class;
            case OPTION -> CompletionItemKind.Property;
        };
    }
}
