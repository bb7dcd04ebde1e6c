package dev.routerls.lsp;

import dev.routerls.analysis.SettingsReader;
import com.google.gson.JsonElement;
import dev.routerls.services.DiagnosticsScheduler;
import dev.routerls.services.Workspace;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.WorkspaceFolder;
import dev.routerls.services.Uris;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.services.WorkspaceService;

import java.util.LinkedHashSet;
import java.util.Set;

/** Adapts workspace/* notifications: settings changes and files changed on disk. */
final class RouterWorkspaceService implements WorkspaceService {
    private final Workspace workspace;
    private final DiagnosticsScheduler scheduler;

    RouterWorkspaceService(Workspace workspace, DiagnosticsScheduler scheduler) {
        this.workspace = workspace;
        this.scheduler = scheduler;
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        if (params.getSettings() instanceof JsonElement json) {
            workspace.setClientSettings(SettingsReader.read(json));
        }
        workspace.recomputeSettings();
        workspace.openGroups().forEach(scheduler::now);
    }

    @Override
    public void didChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams params) {
        if (params.getEvent() == null) return;
        List<Path> roots = new ArrayList<>(workspace.roots());
        for (WorkspaceFolder f : params.getEvent().getRemoved()) Uris.toPath(f.getUri()).ifPresent(roots::remove);
        for (WorkspaceFolder f : params.getEvent().getAdded()) Uris.toPath(f.getUri()).ifPresent(roots::add);
        workspace.setRoots(roots); // their .routerls.json files may change the settings
        workspace.openGroups().forEach(scheduler::now);
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        if (params.getChanges() == null) return;
        Set<String> groups = new LinkedHashSet<>();
        for (FileEvent e : params.getChanges()) {
            if (e.getUri() != null) groups.addAll(workspace.fileChanged(e.getUri()));
        }
        groups.forEach(scheduler::now);
    }
}
