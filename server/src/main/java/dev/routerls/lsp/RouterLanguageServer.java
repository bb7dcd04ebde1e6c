package dev.routerls.lsp;

import dev.routerls.analysis.SettingsReader;
import com.google.gson.JsonElement;
import dev.routerls.analysis.Analyzer;
import dev.routerls.services.AnalysisEngine;
import dev.routerls.services.DiagnosticsScheduler;
import dev.routerls.services.LanguageFeatures;
import dev.routerls.services.Uris;
import dev.routerls.services.Workspace;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.RenameOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
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

/**
 * The routerls language server. It owns the workspace state and the analysis scheduler and hands each
 * request to the text-document and workspace adapters, which call the services.
 */
public final class RouterLanguageServer implements LanguageServer, LanguageClientAware {
    /** Short enough to keep edit-to-diagnostics under 100 ms on a loaded 2-core machine, long enough to merge a paste or a burst of keys. */
    public static final long DEFAULT_DEBOUNCE_MILLIS = 30;

    private final Workspace workspace = new Workspace();
    private final AnalysisEngine engine;
    private final DiagnosticsScheduler scheduler;
    private final LanguageFeatures features;
    private final RouterTextDocumentService documents;
    private final RouterWorkspaceService workspaceService;
    private final RouterlsRequests routerlsRequests;
    private final IntConsumer exit;
    private volatile LanguageClient client;
    private volatile boolean shutdown;
    private volatile boolean dynamicWatchers;

    public RouterLanguageServer(IntConsumer exit) {
        this(exit, DEFAULT_DEBOUNCE_MILLIS);
    }

    public RouterLanguageServer(IntConsumer exit, long debounceMillis) {
        this.exit = exit;
        this.engine = new AnalysisEngine(new Analyzer());
        this.scheduler = new DiagnosticsScheduler(workspace, engine, (uri, version, diags) -> {
            LanguageClient c = client;
            if (c != null) c.publishDiagnostics(new PublishDiagnosticsParams(uri, Convert.diagnostics(diags), version));
        }, debounceMillis);
        this.features = new LanguageFeatures(workspace, scheduler, engine);
        this.documents = new RouterTextDocumentService(workspace, scheduler, features, engine);
        this.workspaceService = new RouterWorkspaceService(workspace, scheduler);
        this.routerlsRequests = new RouterlsRequests(features);
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
        documents.setCreatesFiles(params.getCapabilities() != null && params.getCapabilities().getWorkspace() != null
                && params.getCapabilities().getWorkspace().getWorkspaceEdit() != null
                && params.getCapabilities().getWorkspace().getWorkspaceEdit().getResourceOperations() != null
                && params.getCapabilities().getWorkspace().getWorkspaceEdit().getResourceOperations().contains("create"));
        dynamicWatchers = params.getCapabilities() != null && params.getCapabilities().getWorkspace() != null
                && params.getCapabilities().getWorkspace().getDidChangeWatchedFiles() != null
                && Boolean.TRUE.equals(params.getCapabilities().getWorkspace().getDidChangeWatchedFiles().getDynamicRegistration());

        ServerCapabilities caps = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        caps.setTextDocumentSync(sync);
        caps.setCompletionProvider(new CompletionOptions(false, List.of(" ", "=", "'")));
        caps.setHoverProvider(true);
        caps.setDefinitionProvider(true);
        caps.setReferencesProvider(true);
        caps.setRenameProvider(new RenameOptions(false));
        caps.setDocumentSymbolProvider(true);
        caps.setFoldingRangeProvider(true);
        caps.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix, CodeActionKind.Refactor)));
        WorkspaceFoldersOptions folders = new WorkspaceFoldersOptions();
        folders.setSupported(true);
        folders.setChangeNotifications(true);
        caps.setWorkspace(new WorkspaceServerCapabilities(folders));
        return CompletableFuture.completedFuture(new InitializeResult(caps, new ServerInfo("routerls", "0.1.0")));
    }

    @Override
    public void initialized(InitializedParams params) {
        LanguageClient c = client;
        if (!dynamicWatchers || c == null) return;
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

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        scheduler.close();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        scheduler.close();
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

    /** For in-process tests. */
    public Workspace workspace() {
        return workspace;
    }
}
