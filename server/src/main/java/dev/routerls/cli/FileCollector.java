package dev.routerls.cli;

import dev.routerls.analysis.LanguageDetector;
import dev.routerls.analysis.RouterLocator;
import dev.routerls.core.SourceFile;
import dev.routerls.core.LanguageId;
import dev.routerls.core.TextDecoder;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;

/**
 * Turns the paths given on the command line into documents: walks folders, reads and decodes files,
 * recognises each language, and adds the other files of an OpenWrt router as context so cross-file
 * rules see the whole router (findings are printed only for the files that were asked for).
 */
final class FileCollector {
    private static final long MAX_FILE_BYTES = 16L * 1024 * 1024;
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "node_modules", "target", ".idea", ".vscode");

    private final Map<String, Path> byUri = new java.util.concurrent.ConcurrentHashMap<>();
    private final Set<String> requested = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Map<String, String> display = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A piece of work for one lint worker: one file, or the files of one OpenWrt router, of which
     * {@code named} were asked for (the others are read as context when the router is analysed).
     */
    record Unit(Path routerRoot, List<Path> named) {
    }

    /**
     * The units for these paths without reading any file yet (so a worker holds only the texts of the
     * unit it analyses): folders walked, {@code ignored} files skipped, one unit per router root.
     */
    List<Unit> plan(List<Path> paths, java.util.function.Predicate<Path> ignored) throws IOException {
        List<Path> named = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) throw new NoSuchFileException(p.toString(), null, "no such file or folder");
            if (Files.isDirectory(p)) walk(p, named);
            else named.add(p);
        }
        Map<Object, List<Path>> units = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Path p : named) {
            if (ignored.test(p)) continue;
            String uri = uriOf(p);
            display.putIfAbsent(uri, p.toString());
            if (!seen.add(uri)) continue;
            Path root = RouterLocator.rootOf(p);
            units.computeIfAbsent(root == null ? uri : root, k -> new ArrayList<>()).add(p);
        }
        List<Unit> out = new ArrayList<>();
        units.forEach((key, files) -> out.add(new Unit(key instanceof Path root ? root : null, files)));
        return out;
    }

    /**
     * Reads one file as a document (null when it is too large or not a language routerls reads), with
     * {@code text} instead of the file's content when given (standard input linted as if at that path).
     */
    SourceFile read(Path p, boolean asked, String text) throws IOException {
        String uri = uriOf(p);
        TextDecoder.Decoded decoded = null;
        if (text == null) {
            if (Files.size(p) > MAX_FILE_BYTES) return null;
            decoded = TextDecoder.decodeDetailed(Files.readAllBytes(p));
            text = decoded.text();
        }
        LanguageId lang = LanguageDetector.detect(p.toString(), text);
        if (lang == LanguageId.UNKNOWN) return null;
        if (asked) {
            requested.add(uri);
            display.putIfAbsent(uri, p.toString());
        }
        byUri.put(uri, p);
        Path root = RouterLocator.rootOf(p);
        return new SourceFile(uri, text, lang, root == null ? null : root.toUri().toString(),
                decoded == null ? null : decoded.encoding());
    }

    static String uriOf(Path p) {
        return p.toAbsolutePath().normalize().toUri().toString();
    }

    List<SourceFile> collect(List<Path> paths) throws IOException {
        List<Path> named = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) throw new NoSuchFileException(p.toString(), null, "no such file or folder");
            if (Files.isDirectory(p)) {
                walk(p, named);
            } else {
                named.add(p);
            }
        }
        List<SourceFile> out = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        for (Path p : named) {
            add(p, true, out, seen);
        }
        for (Path p : named) {
            Path root = RouterLocator.rootOf(p);
            if (root == null) continue;
            for (Path sibling : RouterLocator.routerFiles(root)) add(sibling, false, out, seen);
        }
        return out;
    }

    private void walk(Path dir, List<Path> into) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                String n = d.getFileName() == null ? "" : d.getFileName().toString();
                return !d.equals(dir) && SKIPPED_DIRS.contains(n) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                // a link to a file is read through (folder links are not followed: they can loop)
                if (attrs.isRegularFile() || attrs.isSymbolicLink() && Files.isRegularFile(f)) into.add(f);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        into.sort(null);
    }

    private void add(Path p, boolean asked, List<SourceFile> out, Map<String, Boolean> seen) throws IOException {
        String uri = p.toAbsolutePath().normalize().toUri().toString();
        if (asked) {
            display.putIfAbsent(uri, p.toString());
        }
        if (seen.containsKey(uri)) {
            if (asked) requested.add(uri);
            return;
        }
        SourceFile f = read(p, asked, null);
        if (f == null) return;
        seen.put(uri, true);
        out.add(f);
    }

    boolean requested(String uri) {
        return requested.contains(uri);
    }

    /** The file a document was read from. */
    Path path(String uri) {
        return byUri.get(uri);
    }

    String displayPath(String uri) {
        return display.getOrDefault(uri, byUri.containsKey(uri) ? byUri.get(uri).toString() : uri);
    }
}
