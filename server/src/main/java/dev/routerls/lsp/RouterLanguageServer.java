package dev.routerls.lsp;

import com.google.gson.JsonElement;
import dev.routerls.analysis.Analyzer;
import dev.routerls.analysis.SettingsReader;
import dev.routerls.services.AnalysisEngine;
import dev.routerls.services.DiagnosticsScheduler;
import dev.routerls.services.LanguageFeatures;
import dev.routerls.services.Uris;
import dev.routerls.services.Workspace;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.ConfigurationItem;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.DiagnosticRegistrationOptions;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.DocumentLinkOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.RenameOptions;
import org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceFoldersOptions;
import org.eclipse.lsp4j.WorkspaceServerCapabilities;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.services.JsonDelegate;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;
import java.util.logging.Logger;

/**
 * The routerls language server. It owns the workspace state, the analysis scheduler and the request
 * threads, and hands each request to the text-document and workspace adapters, which call the services.
 */
public final class RouterLanguageServer implements LanguageServer, LanguageClientAware {
    private static final Logger LOG = Logger.getLogger(RouterLanguageServer.class.getName());
    /**
     * Long enough to merge the changes an editor sends together (a paste, a multi-cursor edit, a rename
     * applied file by file), short enough for diagnostics within 30 ms of a keystroke; keystrokes typed
     * faster than an analysis runs are handled by cancelling the superseded analysis, not by waiting.
     */
    public static final long DEFAULT_DEBOUNCE_MILLIS = 10;
    /** Request threads: on 2 cores, enough that one slow request never holds up the others. */
    private static final int REQUEST_THREADS = 3;

    private final Workspace workspace = new Workspace();
    private final AnalysisEngine engine;
    private final DiagnosticsScheduler scheduler;
    private final LanguageFeatures features;
    private final RequestRunner runner = new RequestRunner(REQUEST_THREADS);
    private final RouterTextDocumentService documents;
    private final RouterWorkspaceService workspaceService;
    private final SettingsNotices settingsNotices = new SettingsNotices();
    private final DiagnosticsDelivery delivery = new DiagnosticsDelivery(this::client);
    private final RouterlsRequests routerlsRequests;
    private final IntConsumer exit;
    private volatile LanguageClient client;
    private volatile boolean shutdown;
    private volatile boolean dynamicWatchers;
    private volatile boolean pullsConfiguration;
    private volatile boolean showsProgress;

    public RouterLanguageServer(IntConsumer exit) {
        this(exit, DEFAULT_DEBOUNCE_MILLIS);
    }

    public RouterLanguageServer(IntConsumer exit, long debounceMillis) {
        this.exit = exit;
        this.engine = new AnalysisEngine(new Analyzer());
        this.scheduler = new DiagnosticsScheduler(workspace, engine, delivery, debounceMillis);
        this.features = new LanguageFeatures(workspace, scheduler, engine);
        this.documents = new RouterTextDocumentService(workspace, scheduler, features, engine, runner, delivery);
        this.workspaceService = new RouterWorkspaceService(this, workspace, features, runner);
        this.routerlsRequests = new RouterlsRequests(features, runner);
    }

    /** The connected client, or null before {@link #connect}. */
    LanguageClient client() {
        return client;
    }

    @Override
    public void connect(LanguageClient client) {
        this.client = client;
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        List<Path> roots = new ArrayList<>();
        if (params.getWorkspaceFolders() != null) {
            for (WorkspaceFolder f : params.getWorkspaceFolders()) Uris.toPath(f.getUri()).ifPresent(roots::add);
        } else if (params.getRootUri() != null) {
            Uris.toPath(params.getRootUri()).ifPresent(roots::add);
        }
        workspace.setRoots(roots);
        if (params.getInitializationOptions() instanceof JsonElement json) {
            workspace.setClientSettings(SettingsReader.read(json));
        }
        ClientCapabilities caps = params.getCapabilities() == null ? new ClientCapabilities() : params.getCapabilities();
        WorkspaceClientCapabilities ws = caps.getWorkspace();
        documents.setCreatesFiles(ws != null && ws.getWorkspaceEdit() != null && ws.getWorkspaceEdit().getResourceOperations() != null
                && ws.getWorkspaceEdit().getResourceOperations().contains("create"));
        dynamicWatchers = ws != null && ws.getDidChangeWatchedFiles() != null
                && Boolean.TRUE.equals(ws.getDidChangeWatchedFiles().getDynamicRegistration());
        pullsConfiguration = ws != null && Boolean.TRUE.equals(ws.getConfiguration());
        var pull = caps.getTextDocument() == null ? null : caps.getTextDocument().getDiagnostic();
        delivery.capabilities(pull != null, ws != null && ws.getDiagnostics() != null
                && Boolean.TRUE.equals(ws.getDiagnostics().getRefreshSupport()));
        showsProgress = caps.getWindow() != null && Boolean.TRUE.equals(caps.getWindow().getWorkDoneProgress());
        var actions = caps.getTextDocument() == null ? null : caps.getTextDocument().getCodeAction();
        documents.setResolvesActions(actions != null && actions.getResolveSupport() != null
                && actions.getResolveSupport().getProperties() != null && actions.getResolveSupport().getProperties().contains("edit"));
        return CompletableFuture.completedFuture(new InitializeResult(capabilities(), new ServerInfo("routerls", "0.1.0")));
    }

    private static ServerCapabilities capabilities() {
        ServerCapabilities caps = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        caps.setTextDocumentSync(sync);
        caps.setCompletionProvider(new CompletionOptions(false, List.of(" ", "=", "'", "$", "-")));
        caps.setHoverProvider(true);
        caps.setDefinitionProvider(true);
        caps.setReferencesProvider(true);
        caps.setDocumentHighlightProvider(true);
        caps.setRenameProvider(new RenameOptions(false));
        caps.setDocumentSymbolProvider(true);
        caps.setWorkspaceSymbolProvider(true);
        caps.setFoldingRangeProvider(true);
        caps.setSelectionRangeProvider(true);
        caps.setDocumentLinkProvider(new DocumentLinkOptions(false));
        caps.setInlayHintProvider(true);
        caps.setCodeLensProvider(new org.eclipse.lsp4j.CodeLensOptions(false));
        caps.setExecuteCommandProvider(new org.eclipse.lsp4j.ExecuteCommandOptions(List.of(TraceCommand.ID)));
        caps.setSemanticTokensProvider(new SemanticTokensWithRegistrationOptions(SemanticLegend.legend(), true, false));
        caps.setDiagnosticProvider(new DiagnosticRegistrationOptions(true, true));
        CodeActionOptions actions = new CodeActionOptions(List.of(CodeActionKind.QuickFix, CodeActionKind.Refactor));
        actions.setResolveProvider(true);
        caps.setCodeActionProvider(actions);
        WorkspaceFoldersOptions folders = new WorkspaceFoldersOptions();
        folders.setSupported(true);
        folders.setChangeNotifications(true);
        caps.setWorkspace(new WorkspaceServerCapabilities(folders));
        return caps;
    }

    @Override
    public void initialized(InitializedParams params) {
        LanguageClient c = client;
        if (c == null) return;
        if (dynamicWatchers) {
            // unopened router files and the settings file are read from disk, so the server must hear of edits
            List<FileSystemWatcher> watchers = List.of(
                    new FileSystemWatcher(Either.forLeft("**/etc/config/*")),
                    new FileSystemWatcher(Either.forLeft("**/config/*")),
                    new FileSystemWatcher(Either.forLeft("**/{firewall.user,rc.local,openwrt_release}")),
                    new FileSystemWatcher(Either.forLeft("**/nftables.d/*.nft")),
                    new FileSystemWatcher(Either.forLeft("**/" + SettingsReader.FILE_NAME)));
            Registration reg = new Registration("routerls-watch", "workspace/didChangeWatchedFiles",
                    new DidChangeWatchedFilesRegistrationOptions(watchers));
            c.registerCapability(new RegistrationParams(List.of(reg)));
        }
        settingsChanged();
        if (pullsConfiguration) pullConfiguration();
        if (!workspace.roots().isEmpty()) analyseWorkspace();
    }

    /** Asks the client for its settings (all folders, then each folder) and applies them. */
    void pullConfiguration() {
        LanguageClient c = client;
        if (c == null || !pullsConfiguration) return;
        List<Path> roots = workspace.roots();
        List<ConfigurationItem> items = new ArrayList<>();
        ConfigurationItem global = new ConfigurationItem();
        global.setSection("routerls");
        items.add(global);
        for (Path r : roots) {
            ConfigurationItem item = new ConfigurationItem();
            item.setSection("routerls");
            item.setScopeUri(Uris.fromPath(r));
            items.add(item);
        }
        c.configuration(new ConfigurationParams(items)).whenComplete((values, failure) -> {
            if (failure != null || values == null) {
                LOG.warning("routerls: the client did not answer workspace/configuration: " + failure);
                return;
            }
            if (!values.isEmpty()) workspace.setClientSettings(SettingsReader.read(json(values.get(0))));
            for (int i = 1; i < values.size() && i <= roots.size(); i++) {
                workspace.setFolderClientSettings(roots.get(i - 1), SettingsReader.read(json(values.get(i))));
            }
            settingsChanged();
        });
    }

    private static JsonElement json(Object o) {
        return o instanceof JsonElement e ? e : new com.google.gson.Gson().toJsonTree(o);
    }

    /** Whether settings come from workspace/configuration rather than didChangeConfiguration's payload. */
    boolean pullsConfiguration() {
        return pullsConfiguration;
    }

    /** Settings changed somewhere: tell the user of mistakes, analyse every open group again. */
    void settingsChanged() {
        settingsNotices.report(workspace.settingsFiles(), client);
        delivery.settingsChanged();
        workspace.openGroups().forEach(scheduler::now);
    }

    /** Analyses the routers under the workspace folders once, with work-done progress when the client shows it. */
    private void analyseWorkspace() {
        LanguageClient c = client;
        String token = "routerls-workspace-analysis";
        CompletableFuture<Void> created = showsProgress && c != null
                ? c.createProgress(new WorkDoneProgressCreateParams(Either.forLeft(token))) : CompletableFuture.completedFuture(null);
        created.whenComplete((ok, failure) -> runner.run(null, cancel -> {
            boolean progress = showsProgress && failure == null && c != null;
            if (progress) {
                WorkDoneProgressBegin begin = new WorkDoneProgressBegin();
                begin.setTitle("routerls: analysing the workspace");
                begin.setMessage("finding router files");
                begin.setCancellable(false);
                c.notifyProgress(new ProgressParams(Either.forLeft(token), Either.forLeft(begin)));
            }
            int files = 0;
            try {
                files = features.workspaceFileCount();
                if (progress) {
                    WorkDoneProgressReport report = new WorkDoneProgressReport();
                    report.setMessage(files + " router files");
                    report.setPercentage(10);
                    c.notifyProgress(new ProgressParams(Either.forLeft(token), Either.forLeft(report)));
                }
                features.unopenedDiagnostics(cancel);
            } catch (RuntimeException e) {
                LOG.log(java.util.logging.Level.WARNING, "routerls: analysing the workspace failed", e);
            } finally {
                if (progress) {
                    WorkDoneProgressEnd end = new WorkDoneProgressEnd();
                    end.setMessage(files + " router files analysed");
                    c.notifyProgress(new ProgressParams(Either.forLeft(token), Either.forLeft(end)));
                }
            }
            return null;
        }));
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        scheduler.close();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        scheduler.close();
        runner.close();
        exit.accept(shutdown ? 0 : 1);
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return documents;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspaceService;
    }

    /** The {@code routerls/*} requests of the VS Code extension. */
    @JsonDelegate
    public RouterlsProtocol getRouterlsRequests() {
        return routerlsRequests;
    }

    DiagnosticsScheduler scheduler() {
        return scheduler;
    }

    /** For in-process tests. */
    public Workspace workspace() {
        return workspace;
    }
}
