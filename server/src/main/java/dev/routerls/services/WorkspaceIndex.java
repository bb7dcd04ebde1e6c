package dev.routerls.services;

import dev.routerls.analysis.LanguageDetector;
import dev.routerls.analysis.RouterLocator;
import dev.routerls.core.LanguageId;
import dev.routerls.core.SourceFile;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The router files under the workspace folders, found by walking them once (bounded, skipping build and
 * VCS folders) and recognised as the CLI recognises them: each YAMAHA config on its own, the files of an
 * OpenWrt router grouped under their {@code etc/} folder. Workspace symbols and workspace diagnostics read
 * this list; a file-change event or new folders make it walk again.
 */
final class WorkspaceIndex {
    /** More files than this under the folders are not looked at (a workspace is a few routers, not a disk). */
    static final int MAX_FILES = 2000;
    private static final long MAX_BYTES = 2L * 1024 * 1024;
    private static final Set<String> SKIPPED = Set.of("node_modules", "target", "build", "dist", "out", "__pycache__");
    private static final Set<String> EXTENSIONS = Set.of("rtx", "conf", "cfg", "txt", "config", "nft", "user", "local");

    /** A group (a router, or a lone YAMAHA config) with its files. */
    record Group(String key, List<SourceFile> files) {
    }

    private final Workspace workspace;
    private volatile List<Group> groups;

    WorkspaceIndex(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Forget the list (a file was created, changed or deleted, or the folders changed). */
    void invalidate() {
        groups = null;
    }

    List<Group> groups() {
        List<Group> g = groups;
        if (g == null) {
            g = scan();
            groups = g;
        }
        return g;
    }

    private List<Group> scan() {
        Map<String, List<SourceFile>> byGroup = new LinkedHashMap<>();
        int[] seen = {0};
        for (Path root : workspace.roots()) {
            try {
                Files.walkFileTree(root, Set.of(), 8, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                        if (!dir.equals(root) && (name.startsWith(".") || SKIPPED.contains(name))) return FileVisitResult.SKIP_SUBTREE;
                        return seen[0] >= MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (++seen[0] > MAX_FILES) return FileVisitResult.TERMINATE;
                        if (attrs.isRegularFile() && attrs.size() <= MAX_BYTES && candidate(file)) add(file, byGroup);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                // an unreadable folder contributes nothing
            }
        }
        List<Group> out = new ArrayList<>();
        byGroup.forEach((k, v) -> out.add(new Group(k, List.copyOf(v))));
        return List.copyOf(out);
    }

    private static boolean candidate(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        // a file without an ending is read where a router keeps such files (etc/config/*, etc/openwrt_release)
        if (dot < 0) return file.toString().replace('\\', '/').contains("/etc/");
        return EXTENSIONS.contains(name.substring(dot + 1));
    }

    private void add(Path file, Map<String, List<SourceFile>> byGroup) {
        workspace.disk().read(file).ifPresent(text -> {
            LanguageId lang = LanguageDetector.detect(file.toString(), text);
            if (lang == LanguageId.UNKNOWN) return;
            String uri = Uris.fromPath(file);
            Path root = lang.isOpenWrt() ? RouterLocator.rootOf(file) : null;
            String rootUri = root == null ? null : Uris.fromPath(root);
            byGroup.computeIfAbsent(rootUri == null ? uri : rootUri, k -> new ArrayList<>())
                    .add(new SourceFile(uri, text, lang, rootUri));
        });
    }
}
