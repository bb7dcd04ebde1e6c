package dev.routerls.lsp;

import com.google.gson.JsonElement;
import dev.routerls.analysis.SettingsReader;
import dev.routerls.services.LanguageFeatures;
import dev.routerls.services.Uris;
import dev.routerls.services.Workspace;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.WorkspaceDiagnosticParams;
import org.eclipse.lsp4j.WorkspaceDiagnosticReport;
import org.eclipse.lsp4j.WorkspaceDocumentDiagnosticReport;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceFullDocumentDiagnosticReport;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.WorkspaceService;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** Adapts workspace/*: settings, folders and files changed on disk, workspace symbols and diagnostics. */
final class RouterWorkspaceService implements WorkspaceService {
    private final RouterLanguageServer server;
    private final Workspace workspace;
    private final LanguageFeatures features;
    private final RequestRunner runner;

    RouterWorkspaceService(RouterLanguageServer server, Workspace workspace, LanguageFeatures features, RequestRunner runner) {
        this.server = server;
        this.workspace = workspace;
        this.features = features;
        this.runner = runner;
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        if (server.pullsConfiguration()) {
            workspace.recomputeSettings();
            server.pullConfiguration(); // the payload may be empty: the client answers workspace/configuration
        } else if (params.getSettings() instanceof JsonElement json) {
            workspace.setClientSettings(SettingsReader.read(json));
        } else {
            workspace.recomputeSettings();
        }
        server.settingsChanged();
    }

    @Override
    public void didChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams params) {
        if (params.getEvent() == null) return;
        List<Path> roots = new ArrayList<>(workspace.roots());
        for (WorkspaceFolder f : params.getEvent().getRemoved()) Uris.toPath(f.getUri()).ifPresent(roots::remove);
        for (WorkspaceFolder f : params.getEvent().getAdded()) Uris.toPath(f.getUri()).ifPresent(roots::add);
        workspace.setRoots(roots); // their .routerls.json files may change the settings
        features.workspaceChanged();
        server.pullConfiguration();
        server.settingsChanged();
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        if (params.getChanges() == null) return;
        Set<String> groups = new LinkedHashSet<>();
        boolean settings = false;
        for (FileEvent e : params.getChanges()) {
            if (e.getUri() == null) continue;
            groups.addAll(workspace.fileChanged(e.getUri()));
            settings |= e.getUri().endsWith("/" + SettingsReader.FILE_NAME);
        }
        features.workspaceChanged();
        if (settings) server.settingsChanged();
        groups.forEach(server.scheduler()::now);
    }

    @Override
    public CompletableFuture<Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>>> symbol(WorkspaceSymbolParams params) {
        String query = params.getQuery() == null ? "" : params.getQuery();
        return runner.run("workspace/symbol", cancel -> {
            List<WorkspaceSymbol> out = new ArrayList<>();
            for (var s : features.workspaceSymbols(query, cancel)) {
                WorkspaceSymbol w = new WorkspaceSymbol(s.name(), Convert.symbolKind(s.kind()),
                        Either.forLeft(new Location(s.location().uri(), Convert.range(s.location().range()))));
                w.setContainerName(s.container());
                out.add(w);
            }
            return Either.forRight(out);
        });
    }

    /** {@code routerls.trace}: runs a trace (see {@link TraceCommand}). */
    @Override
    public CompletableFuture<Object> executeCommand(org.eclipse.lsp4j.ExecuteCommandParams params) {
        return runner.run(null, cancel -> TraceCommand.execute(params, features, server.client()));
    }

    /** Findings of the router files the editor has not opened (open ones are reported by document). */
    @Override
    public CompletableFuture<WorkspaceDiagnosticReport> diagnostic(WorkspaceDiagnosticParams params) {
        return runner.run("workspace/diagnostic", cancel -> {
            List<WorkspaceDocumentDiagnosticReport> reports = new ArrayList<>();
            features.unopenedDiagnostics(cancel).forEach((uri, ds) -> reports.add(new WorkspaceDocumentDiagnosticReport(
                    new WorkspaceFullDocumentDiagnosticReport(Convert.diagnostics(ds), uri, null))));
            return new WorkspaceDiagnosticReport(reports);
        });
    }
}
