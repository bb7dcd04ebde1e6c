package dev.routerls.services;

import dev.routerls.core.TextDecoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Text of files the editor has not opened (the other files of an OpenWrt router), read once and kept
 * until the file watcher says the file changed.
 */
public final class DiskFiles {
    private static final long MAX_BYTES = 16L * 1024 * 1024;
    private final Map<Path, Optional<String>> cache = new ConcurrentHashMap<>();

    public Optional<String> read(Path file) {
        return cache.computeIfAbsent(file.toAbsolutePath().normalize(), DiskFiles::load);
    }

    public void invalidate(Path file) {
        cache.remove(file.toAbsolutePath().normalize());
    }

    private static Optional<String> load(Path p) {
        try {
            if (!Files.isRegularFile(p) || Files.size(p) > MAX_BYTES) return Optional.empty();
            return Optional.of(TextDecoder.decode(Files.readAllBytes(p)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
