package dev.routerls.lsp;

import dev.routerls.core.SourceRange;
import dev.routerls.services.AnalysisEngine;
import dev.routerls.services.CompletionEntry;
import dev.routerls.services.DiagnosticsScheduler;
import dev.routerls.services.FoldRange;
import dev.routerls.services.HoverText;
import dev.routerls.services.LanguageFeatures;
import dev.routerls.services.OutlineSymbol;
import dev.routerls.services.EditorAction;
import dev.routerls.services.TextChange;
import dev.routerls.services.Workspace;
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
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;
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
import java.util.concurrent.CompletableFuture;

/** Adapts textDocument/* messages to the document store, the scheduler and {@link LanguageFeatures}. */
final class RouterTextDocumentService implements TextDocumentService {
    private final Workspace workspace;
    private final DiagnosticsScheduler scheduler;
    private final LanguageFeatures features;

    private final AnalysisEngine engine;
    /** Whether the client applies workspace edits that create files (needed for fw4's nftables.d file). */
    private volatile boolean createsFiles;

    RouterTextDocumentService(Workspace workspace, DiagnosticsScheduler scheduler, LanguageFeatures features,
                              AnalysisEngine engine) {
        this.engine = engine;
        this.workspace = workspace;
        this.scheduler = scheduler;
        this.features = features;
    }

    void setCreatesFiles(boolean createsFiles) {
        this.createsFiles = createsFiles;
    }

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
        });
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // the open document's text already is what was saved; the watcher reports disk changes
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        return CompletableFuture.supplyAsync(() -> {
            Position p = position(params.getPosition());
            List<CompletionItem> items = new ArrayList<>();
            for (CompletionEntry e : features.complete(uri(params.getTextDocument()), p.getLine(), p.getCharacter())) {
                CompletionItem item = new CompletionItem(e.label());
                item.setKind(kind(e.kind()));
                item.setDetail(e.detail());
                if (e.documentation() != null) item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, e.documentation()));
                if (e.insertText() != null) item.setInsertText(e.insertText());
                items.add(item);
            }
            return Either.forRight(new CompletionList(false, items));
        });
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return CompletableFuture.supplyAsync(() -> {
            Position p = position(params.getPosition());
            return features.hover(uri(params.getTextDocument()), p.getLine(), p.getCharacter())
                    .map(RouterTextDocumentService::hover).orElse(null);
        });
    }

    private static Hover hover(HoverText h) {
        Hover out = new Hover(new MarkupContent(MarkupKind.MARKDOWN, h.markdown()));
        if (h.range() != null) out.setRange(Convert.range(h.range()));
        return out;
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams params) {
        return CompletableFuture.supplyAsync(() -> {
            Position p = position(params.getPosition());
            return Either.forLeft(locations(features.definition(uri(params.getTextDocument()), p.getLine(), p.getCharacter())));
        });
    }

    @Override
    public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
        return CompletableFuture.supplyAsync(() -> {
            Position p = position(params.getPosition());
            boolean decl = params.getContext() == null || params.getContext().isIncludeDeclaration();
            return locations(features.references(uri(params.getTextDocument()), p.getLine(), p.getCharacter(), decl));
        });
    }

    @Override
    public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
        return CompletableFuture.supplyAsync(() -> {
            Position p = position(params.getPosition());
            String uri = uri(params.getTextDocument());
            java.util.Optional<List<dev.routerls.core.TextEdit>> edits;
            try {
                edits = features.rename(uri, p.getLine(), p.getCharacter(), params.getNewName() == null ? "" : params.getNewName());
            } catch (dev.routerls.services.RenameRefusedException e) {
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
        return CompletableFuture.supplyAsync(() -> {
            List<Either<SymbolInformation, DocumentSymbol>> out = new ArrayList<>();
            for (OutlineSymbol s : features.outline(uri(params.getTextDocument()))) out.add(Either.forRight(symbol(s)));
            return out;
        });
    }

    private static DocumentSymbol symbol(OutlineSymbol s) {
        DocumentSymbol d = new DocumentSymbol(s.name(), symbolKind(s.kind()), Convert.range(s.range()),
                Convert.range(s.selectionRange()), s.detail());
        List<DocumentSymbol> children = new ArrayList<>();
        for (OutlineSymbol c : s.children()) children.add(symbol(c));
        d.setChildren(children);
        return d;
    }

    @Override
    public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
        return CompletableFuture.supplyAsync(() -> {
            List<FoldingRange> out = new ArrayList<>();
            for (FoldRange f : features.folding(uri(params.getTextDocument()))) {
                FoldingRange r = new FoldingRange(f.startLine(), f.endLine());
                if (f.comment()) r.setKind(FoldingRangeKind.Comment);
                out.add(r);
            }
            return out;
        });
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        return CompletableFuture.supplyAsync(() -> {
            String uri = uri(params.getTextDocument());
            SourceRange range = Convert.range(params.getRange());
            List<Either<Command, CodeAction>> out = new ArrayList<>();
            List<String> only = params.getContext() == null ? null : params.getContext().getOnly();
            for (EditorAction f : features.codeActions(uri, range)) {
                if (!f.newFiles().isEmpty() && !createsFiles) continue;
                String kind = f.quickFix() ? CodeActionKind.QuickFix : CodeActionKind.Refactor;
                if (!Convert.kindRequested(kind, only)) continue;
                CodeAction a = new CodeAction(f.title());
                a.setKind(kind);
                if (f.diagnostic() != null) a.setDiagnostics(List.of(Convert.diagnostic(f.diagnostic())));
                a.setEdit(Convert.workspaceEdit(f, uri));
                out.add(Either.forRight(a));
            }
            return out;
        });
    }

    private static List<Location> locations(List<dev.routerls.services.Location> ls) {
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

    private static SymbolKind symbolKind(OutlineSymbol.Kind k) {
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
