package dev.routerls.services;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** file: URIs ↔ paths, tolerant of the spellings editors send (encoded or not, drive letters). */
public final class Uris {
    private Uris() {
    }

    public static Optional<Path> toPath(String uri) {
        if (uri == null || !uri.startsWith("file:")) return Optional.empty();
        try {
            return Optional.of(Path.of(URI.create(uri)).toAbsolutePath().normalize());
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }

    public static String fromPath(Path p) {
        return p.toAbsolutePath().normalize().toUri().toString();
    }

    /** One spelling per file so documents opened by the editor match files found on disk. */
    public static String normalize(String uri) {
        return toPath(uri).map(Uris::fromPath).orElse(uri);
    }
}
