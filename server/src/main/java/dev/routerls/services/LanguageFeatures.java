package dev.routerls.services;

import dev.routerls.core.Cancellation;
import dev.routerls.core.LanguageId;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.SourceFile;
import dev.routerls.core.SourceRange;
import dev.routerls.core.TextEdit;
import dev.routerls.services.types.CodeLensEntry;
import dev.routerls.services.types.TraceOutcome;
import dev.routerls.services.types.TraceQuery;
import dev.routerls.services.types.AnalysisTarget;
import dev.routerls.services.types.CompletionEntry;
import dev.routerls.trace.TraceException;
import dev.routerls.services.types.DocumentLink;
import dev.routerls.services.types.EditorAction;
import dev.routerls.services.types.FoldRange;
import dev.routerls.services.types.Highlight;
import dev.routerls.services.types.HoverText;
import dev.routerls.services.types.InlayHint;
import dev.routerls.services.types.ListedAction;
import dev.routerls.services.types.Location;
import dev.routerls.services.types.OutlineSymbol;
import dev.routerls.services.types.SemanticToken;
import dev.routerls.services.types.VersionedAction;
import dev.routerls.services.types.WorkspaceSymbolEntry;
import dev.routerls.yamaha.catalog.CommandCatalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The editor features by document URI and 0-based line/column, for the adapters: finds the document's
 * current version and hands a {@link DocumentContext} of it to the feature class, which asks the language's
 * participants. Documents that are not open, and positions outside the text, give empty results, not errors.
 */
public final class LanguageFeatures {
    private final Workspace workspace;
    private final DiagnosticsScheduler diagnostics;
    private final AnalysisEngine engine;
    private final WorkspaceIndex index;
    private final Completion completion;
    private final Hover hover;
    private final Navigation navigation;
    private final Outline outline;
    private final CodeActions actions;
    private final InlayHints inlayHints;
    private final SemanticTokens semanticTokens;
    private final DocumentLinks links;
    private final SelectionRanges selectionRanges;
    private final PacketTraces traces;

    public LanguageFeatures(Workspace workspace, DiagnosticsScheduler diagnostics, AnalysisEngine engine) {
        this.workspace = workspace;
        this.diagnostics = diagnostics;
        this.engine = engine;
        this.index = new WorkspaceIndex(workspace);
        Languages languages = Languages.standard();
        this.completion = new Completion(languages);
        this.hover = new Hover(languages);
        this.navigation = new Navigation(languages);
        this.outline = new Outline(languages);
        this.actions = new CodeActions(languages);
        this.inlayHints = new InlayHints(languages);
        this.semanticTokens = new SemanticTokens(languages);
        this.links = new DocumentLinks(languages);
        this.selectionRanges = new SelectionRanges(languages);
        this.traces = new PacketTraces(languages);
    }

    /** The open document's current version, as features read it. */
    private Optional<DocumentContext> context(String uri, Cancellation cancel) {
        return workspace.documents().get(uri).map(d -> DocumentContext.of(d, workspace, engine, diagnostics, cancel));
    }

    private Optional<DocumentContext> at(String uri, int line, int column, Cancellation cancel) {
        return context(uri, cancel).filter(c -> line >= 0 && column >= 0 && line < c.lines().lineCount());
    }

    private <T> List<T> list(String uri, int line, int column, Cancellation cancel, BiFunction<DocumentContext, Integer, List<T>> f) {
        return at(uri, line, column, cancel).map(c -> f.apply(c, line)).orElse(List.of());
    }

    public List<CompletionEntry> complete(String uri, int line, int column) {
        return complete(uri, line, column, Cancellation.NONE);
    }

    public List<CompletionEntry> complete(String uri, int line, int column, Cancellation cancel) {
        return list(uri, line, column, cancel, (c, l) -> completion.complete(c, line, column));
    }

    public Optional<HoverText> hover(String uri, int line, int column) {
        return hover(uri, line, column, Cancellation.NONE);
    }

    public Optional<HoverText> hover(String uri, int line, int column, Cancellation cancel) {
        return at(uri, line, column, cancel).flatMap(c -> hover.hover(c, line, column));
    }

    public List<Location> definition(String uri, int line, int column) {
        return list(uri, line, column, Cancellation.NONE, (c, l) -> navigation.definition(c, line, column));
    }

    public List<Location> references(String uri, int line, int column, boolean includeDeclaration) {
        return list(uri, line, column, Cancellation.NONE, (c, l) -> navigation.references(c, line, column, includeDeclaration));
    }

    public List<Highlight> highlights(String uri, int line, int column, Cancellation cancel) {
        return list(uri, line, column, cancel, (c, l) -> navigation.highlights(c, line, column));
    }

    /**
     * The edits that rename the symbol at the position, or empty when nothing renameable is there.
     * @throws dev.routerls.services.types.RenameRefusedException when the rename would leave the config broken
     */
    public Optional<List<TextEdit>> rename(String uri, int line, int column, String newName) {
        return at(uri, line, column, Cancellation.NONE).flatMap(c -> navigation.rename(c, line, column, newName));
    }

    /** What the document is analysed as (model and firmware, or OpenWrt release); empty for other documents. */
    public Optional<AnalysisTarget> analysisTarget(String uri) {
        return context(uri, Cancellation.NONE).flatMap(c -> {
            LanguageId language = c.language();
            if (language == LanguageId.YAMAHA_RTX) {
                return Optional.of(AnalysisTarget.yamaha(language.id(), c.yamaha().model(), c.settings(),
                        CommandCatalog.standard().models()));
            }
            if (language.isOpenWrt()) return Optional.of(AnalysisTarget.openWrt(language.id(), c.router().release()));
            return Optional.empty();
        });
    }

    public List<OutlineSymbol> outline(String uri) {
        return outline(uri, Cancellation.NONE);
    }

    public List<OutlineSymbol> outline(String uri, Cancellation cancel) {
        return context(uri, cancel).map(outline::outline).orElse(List.of());
    }

    public List<FoldRange> folding(String uri) {
        return folding(uri, Cancellation.NONE);
    }

    public List<FoldRange> folding(String uri, Cancellation cancel) {
        return context(uri, cancel).map(outline::folding).orElse(List.of());
    }

    /**
     * Every code action at the range with its edits: the quick fixes of the findings there (their edits made
     * exact for an editor: the document's line endings, no position past the end), then the language's own.
     */
    public List<EditorAction> codeActions(String uri, SourceRange range) {
        if (range == null) return List.of();
        return context(uri, Cancellation.NONE).map(c -> actions.all(c, range)).orElse(List.<VersionedAction>of())
                .stream().map(VersionedAction::action).toList();
    }

    /** The actions at the range as listed (titles; edits come from {@link #resolveAction}), with the version listed for. */
    public record ListedActions(int version, List<ListedAction> offers) {
    }

    public Optional<ListedActions> listActions(String uri, SourceRange range, Cancellation cancel) {
        if (range == null) return Optional.empty();
        return context(uri, cancel).map(c -> new ListedActions(c.version(), actions.list(c, range)));
    }

    /** The edits of an action listed for {@code version}; empty when the document has changed since. */
    public Optional<VersionedAction> resolveAction(String uri, int version, int index) {
        Optional<Document> d = workspace.documents().get(uri);
        if (d.isEmpty() || d.get().version() != version) return Optional.empty();
        return actions.resolve(uri, version, index);
    }

    /** The document was closed: nothing listed for it can be resolved any more. */
    public void closed(String uri) {
        actions.forget(uri);
    }

    /** The current version of an open document (edits for any other version are stale). */
    public Optional<Integer> versionOf(String uri) {
        return workspace.documents().get(uri).map(Document::version);
    }

    /** The trace lenses of a document (see {@link PacketTraces}). */
    public List<CodeLensEntry> codeLenses(String uri, Cancellation cancel) {
        return context(uri, cancel).map(traces::lenses).orElse(List.of());
    }

    /**
     * Runs a trace on an open document's current models.
     * @throws TraceException when the document is not open or the query is not one the trace can run
     */
    public TraceOutcome trace(TraceQuery q) throws TraceException {
        Optional<DocumentContext> c = q.uri() == null ? Optional.empty() : context(q.uri(), Cancellation.NONE);
        if (c.isEmpty()) throw new TraceException("the document " + q.uri() + " is not open");
        return traces.trace(c.get(), q);
    }

    public List<InlayHint> inlayHints(String uri, SourceRange range, Cancellation cancel) {
        if (range == null) return List.of();
        return context(uri, cancel).map(c -> inlayHints.hints(c, range)).orElse(List.of());
    }

    public List<SemanticToken> semanticTokens(String uri, Cancellation cancel) {
        return context(uri, cancel).map(semanticTokens::tokens).orElse(List.of());
    }

    public List<DocumentLink> links(String uri, Cancellation cancel) {
        return context(uri, cancel).map(links::links).orElse(List.of());
    }

    /** For each position, the ranges around it, innermost first. */
    public List<List<SourceRange>> selectionRanges(String uri, List<int[]> positions, Cancellation cancel) {
        Optional<DocumentContext> c = context(uri, cancel);
        if (c.isEmpty()) return List.of();
        List<List<SourceRange>> out = new ArrayList<>();
        for (int[] p : positions) {
            int line = Math.max(0, Math.min(p[0], c.get().lines().lineCount() - 1));
            out.add(selectionRanges.enclosing(c.get(), line, Math.max(0, p[1])));
        }
        return out;
    }

    /** Findings of one open document's current version, with that version (pull diagnostics). */
    public record Report(int version, List<Diagnostic> diagnostics) {
    }

    public Optional<Report> diagnostics(String uri, Cancellation cancel) {
        return context(uri, cancel).map(c -> new Report(c.version(), c.diagnostics()));
    }

    /**
     * Findings of the router files under the workspace folders that the editor has not opened (the open
     * ones are reported by document), by URI; every such file gets an entry, empty when it is clean.
     */
    public Map<String, List<Diagnostic>> unopenedDiagnostics(Cancellation cancel) {
        Map<String, List<Diagnostic>> out = new LinkedHashMap<>();
        List<WorkspaceIndex.Group> groups = new ArrayList<>(index.groups());
        // routers with an open document but outside the folders count too
        for (String g : workspace.openGroups()) {
            if (groups.stream().noneMatch(x -> x.key().equals(g))) groups.add(new WorkspaceIndex.Group(g, workspace.snapshot(g).files()));
        }
        for (WorkspaceIndex.Group g : groups) {
            cancel.check();
            Workspace.Snapshot snap = workspace.snapshot(g.key());
            List<SourceFile> files = snap.openVersions().isEmpty() ? g.files() : snap.files();
            Map<String, List<Diagnostic>> found = engine.analyze(files, workspace.settingsFor(g.key()), cancel);
            for (SourceFile f : files) {
                if (snap.openVersions().containsKey(f.uri())) continue;
                out.put(f.uri(), found.getOrDefault(f.uri(), List.of()));
            }
        }
        return out;
    }

    /** Named objects of every router in the workspace (open documents at their current text) matching {@code query}. */
    public List<WorkspaceSymbolEntry> workspaceSymbols(String query, Cancellation cancel) {
        List<WorkspaceSymbolEntry> out = new ArrayList<>();
        java.util.Set<String> done = new java.util.HashSet<>();
        for (Document d : workspace.documents().all()) {
            cancel.check();
            if (done.add(d.uri())) out.addAll(outline.symbols(DocumentContext.of(d, workspace, engine, diagnostics, cancel), query));
        }
        for (WorkspaceIndex.Group g : index.groups()) {
            for (SourceFile f : g.files()) {
                cancel.check();
                if (done.add(f.uri())) {
                    out.addAll(outline.symbols(DocumentContext.ofFile(f, g.key(), workspace, engine, diagnostics, cancel), query));
                }
            }
        }
        return out;
    }

    /** How many router files the workspace folders hold (walking them if not done yet). */
    public int workspaceFileCount() {
        return index.groups().stream().mapToInt(g -> g.files().size()).sum();
    }

    /** The workspace's files changed on disk or its folders changed: walk them again when next asked. */
    public void workspaceChanged() {
        index.invalidate();
    }
}
