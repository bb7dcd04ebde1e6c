package dev.routerls.services;

import dev.routerls.analysis.SettingsFile;
import dev.routerls.analysis.SettingsReader;
import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.BoundedCache;
import dev.routerls.analysis.LanguageDetector;
import dev.routerls.analysis.RouterLocator;
import dev.routerls.core.SourceFile;
import dev.routerls.core.LanguageId;
import dev.routerls.core.TextEncoding;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the server knows beyond one document: open documents, the files on disk that belong with them
 * (an OpenWrt router is analysed as a whole), the workspace folders and the settings.
 * A "group" is what gets analysed together: an OpenWrt router (keyed by its etc/ folder URI) or a
 * single document (keyed by its URI).
 */
public final class Workspace {
    private final DocumentStore documents = new DocumentStore();
    private final DiskFiles disk = new DiskFiles();
    private final List<Path> roots = new CopyOnWriteArrayList<>();
    private volatile SettingsReader.Layer clientSettings = SettingsReader.Layer.EMPTY;
    /** What the client said for one workspace folder (workspace/configuration with the folder as scope). */
    private final Map<Path, SettingsReader.Layer> folderClientSettings = new ConcurrentHashMap<>();
    /** Each folder's {@code .routerls.json} as last read, with its mistakes. */
    private volatile Map<Path, SettingsFile.Read> settingsFiles = Map.of();
    /** Settings per folder (null key: documents outside every folder), rebuilt when any layer changes. */
    private volatile Map<Path, AnalysisSettings> folderSettings = Map.of();
    private volatile AnalysisSettings outsideSettings = AnalysisSettings.DEFAULT;

    public DocumentStore documents() {
        return documents;
    }

    public DiskFiles disk() {
        return disk;
    }

    /** The settings of documents outside every workspace folder (the client's alone). */
    public AnalysisSettings settings() {
        return outsideSettings;
    }

    /**
     * The settings that govern a document or group: the client's, then what the client said for the
     * document's workspace folder, then that folder's {@code .routerls.json} (the file in the project is the
     * more specific statement, so it wins where both say something). Folders never share settings.
     */
    public AnalysisSettings settingsFor(String uri) {
        Optional<Path> root = folderOf(uri);
        return root.map(r -> folderSettings.getOrDefault(r, outsideSettings)).orElse(outsideSettings);
    }

    /** The workspace folder holding {@code uri} (the innermost one), if any. */
    public Optional<Path> folderOf(String uri) {
        Optional<Path> p = Uris.toPath(uri);
        if (p.isEmpty()) return Optional.empty();
        Path best = null;
        for (Path r : roots) {
            if (p.get().startsWith(r) && (best == null || r.getNameCount() > best.getNameCount())) best = r;
        }
        return Optional.ofNullable(best);
    }

    public void setRoots(List<Path> folders) {
        roots.clear();
        for (Path f : folders) roots.add(f.toAbsolutePath().normalize());
        folderClientSettings.keySet().retainAll(roots);
        recomputeSettings();
    }

    public List<Path> roots() {
        return List.copyOf(roots);
    }

    /** Settings sent by the client for every folder (initializationOptions, didChangeConfiguration, or workspace/configuration without a scope). */
    public void setClientSettings(SettingsReader.Layer layer) {
        clientSettings = layer == null ? SettingsReader.Layer.EMPTY : layer;
        recomputeSettings();
    }

    /** Settings the client gave for one folder (workspace/configuration with the folder as scope). */
    public void setFolderClientSettings(Path folder, SettingsReader.Layer layer) {
        folderClientSettings.put(folder.toAbsolutePath().normalize(), layer == null ? SettingsReader.Layer.EMPTY : layer);
        recomputeSettings();
    }

    /** Re-reads every folder's {@code .routerls.json} and rebuilds the settings of each folder. */
    public synchronized void recomputeSettings() {
        Map<Path, SettingsFile.Read> files = new java.util.LinkedHashMap<>();
        Map<Path, AnalysisSettings> perFolder = new HashMap<>();
        for (Path root : roots) {
            Path file = root.resolve(SettingsReader.FILE_NAME);
            disk.invalidate(file);
            Optional<SettingsFile.Read> read = disk.read(file).map(SettingsFile::read);
            read.ifPresent(r -> files.put(file, r));
            perFolder.put(root, SettingsReader.combine(clientSettings,
                    folderClientSettings.getOrDefault(root, SettingsReader.Layer.EMPTY),
                    read.map(SettingsFile.Read::layer).orElse(SettingsReader.Layer.EMPTY)));
        }
        settingsFiles = Map.copyOf(files);
        folderSettings = Map.copyOf(perFolder);
        outsideSettings = SettingsReader.combine(clientSettings);
    }

    /** The settings files of the workspace folders as last read (path → settings and mistakes). */
    public Map<Path, SettingsFile.Read> settingsFiles() {
        return settingsFiles;
    }

    /** The OpenWrt router folder a document belongs to, if any. */
    public Optional<Path> routerOf(String uri, LanguageId language) {
        if (!language.isOpenWrt()) return Optional.empty();
        return Uris.toPath(uri).map(RouterLocator::rootOf);
    }

    public String groupOf(Document d) {
        return routerOf(d.uri(), d.language()).map(Uris::fromPath).orElse(d.uri());
    }

    /** The groups that have at least one open document. */
    public List<String> openGroups() {
        return documents.all().stream().map(this::groupOf).distinct().toList();
    }

    /** A consistent picture of one group: the open documents at their current versions plus disk files. */
    public record Snapshot(String group, List<SourceFile> files, Map<String, Integer> openVersions) {
    }

    public Snapshot snapshot(String group) {
        List<SourceFile> files = new ArrayList<>();
        Map<String, Integer> versions = new HashMap<>();
        Map<Path, Document> openInRouter = new HashMap<>();
        Path router = Uris.toPath(group).filter(p -> documents.get(group).isEmpty()).orElse(null);
        for (Document d : documents.all()) {
            if (!groupOf(d).equals(group)) continue;
            String root = router == null ? null : Uris.fromPath(router);
            TextEncoding encoding = d.language() == LanguageId.OPENWRT_UCI
                    ? Uris.toPath(d.uri()).map(disk::encoding).orElse(TextEncoding.UTF_8) : TextEncoding.UTF_8;
            files.add(new SourceFile(d.uri(), d.text(), d.language(), root, encoding));
            versions.put(d.uri(), d.version());
            Uris.toPath(d.uri()).ifPresent(p -> openInRouter.put(p, d));
        }
        if (router != null) {
            for (DiskFile f : routerFiles(router)) {
                if (!openInRouter.containsKey(f.path())) files.add(f.file());
            }
        }
        return new Snapshot(group, files, versions);
    }

    private record DiskFile(Path path, SourceFile file) {
    }

    /** Routers whose files are kept listed, at most (the least recently used go first). */
    static final int KEPT_ROUTERS = 256;
    /** Characters of router files kept listed, at most (as many as {@link DiskFiles} keeps). */
    static final long KEPT_ROUTER_CHARS = DiskFiles.MAX_CHARS;

    /** Per router root: its files on disk with their text and language, until a file-change event under it. */
    private final BoundedCache<Path, List<DiskFile>> routerFiles = new BoundedCache<>(KEPT_ROUTERS, KEPT_ROUTER_CHARS,
            (root, files) -> files.stream().mapToLong(f -> f.file().text().length()).sum());

    private List<DiskFile> routerFiles(Path router) {
        Path root = router.toAbsolutePath().normalize();
        return routerFiles.get(root, () -> {
            String rootUri = Uris.fromPath(root);
            List<DiskFile> out = new ArrayList<>();
            for (Path p : RouterLocator.routerFiles(root)) {
                Optional<String> text = disk.read(p);
                if (text.isEmpty()) continue;
                LanguageId lang = LanguageDetector.detect(p.toString(), text.get());
                if (lang == LanguageId.UNKNOWN) continue;
                out.add(new DiskFile(p.toAbsolutePath().normalize(),
                        new SourceFile(Uris.fromPath(p), text.get(), lang, rootUri, disk.encoding(p))));
            }
            return List.copyOf(out);
        });
    }

    /** A file changed on disk: forget its text; returns the groups that must be analysed again. */
    public List<String> fileChanged(String uri) {
        Optional<Path> p = Uris.toPath(uri);
        if (p.isEmpty()) return List.of();
        disk.invalidate(p.get());
        if (p.get().getFileName() != null && p.get().getFileName().toString().equals(SettingsReader.FILE_NAME)) {
            recomputeSettings();
            return openGroups();
        }
        Path root = RouterLocator.rootOf(p.get());
        if (root == null) return List.of();
        // a file may have been created or deleted: list the router again on next use
        routerFiles.remove(root.toAbsolutePath().normalize());
        String key = Uris.fromPath(root);
        return openGroups().stream().filter(key::equals).toList();
    }
}
