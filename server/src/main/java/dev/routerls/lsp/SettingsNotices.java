package dev.routerls.lsp;

import dev.routerls.analysis.SettingsFile;
import dev.routerls.services.Uris;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.services.LanguageClient;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells the user about mistakes in the {@code .routerls.json} files of the workspace folders: each mistake
 * as a diagnostic on the file (rules {@code routerls/settings} and {@code routerls/settings-syntax}, the
 * findings the analysis gives for the file), and one {@code window/showMessage} per file
 * the first time it has mistakes (not again while they stay). A corrected file's diagnostics are cleared.
 */
final class SettingsNotices {
    private final Set<String> announced = new HashSet<>();
    private final Set<String> published = new HashSet<>();

    synchronized void report(Map<Path, SettingsFile.Read> files, LanguageClient client) {
        if (client == null) return;
        Set<String> now = new HashSet<>();
        for (Map.Entry<Path, SettingsFile.Read> f : files.entrySet()) {
            String uri = Uris.fromPath(f.getKey());
            List<SettingsFile.Problem> problems = f.getValue().problems();
            if (problems.isEmpty()) {
                announced.remove(uri);
                continue;
            }
            now.add(uri);
            client.publishDiagnostics(new PublishDiagnosticsParams(uri, Convert.diagnostics(f.getValue().findings(uri))));
            if (announced.add(uri)) {
                client.showMessage(new MessageParams(MessageType.Warning, "routerls: " + f.getKey() + " has "
                        + problems.size() + (problems.size() == 1 ? " mistake" : " mistakes") + "; the first: "
                        + problems.get(0).message()));
            }
        }
        for (String uri : published) {
            if (!now.contains(uri)) client.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
        }
        published.clear();
        published.addAll(now);
    }
}
