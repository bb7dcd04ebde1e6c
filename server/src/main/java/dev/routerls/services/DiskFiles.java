package dev.routerls.services;

import dev.routerls.core.BoundedCache;
import dev.routerls.core.TextDecoder;
import dev.routerls.core.TextEncoding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Text of files the editor has not opened (the other files of an OpenWrt router), and how each file is
 * stored, read once and kept until the file watcher says the file changed. Bounded: in a large workspace the
 * least recently read files go first (and are read again when asked for).
 */
public final class DiskFiles {
    private static final long MAX_BYTES = 16L * 1024 * 1024;
    static final int MAX_FILES = 2048;
    /** Characters of text kept, at most. */
    static final long MAX_CHARS = 32L * 1024 * 1024;
    private final BoundedCache<Path, Optional<TextDecoder.Decoded>> cache = new BoundedCache<>(MAX_FILES, MAX_CHARS,
            (path, decoded) -> decoded.map(d -> d.text().length()).orElse(0));

    public Optional<String> read(Path file) {
        return decoded(file).map(TextDecoder.Decoded::text);
    }

    /**
     * How the file is stored on disk (UTF-8 when it does not exist): an open document is saved back the
     * same way, so its text stands for those bytes.
     */
    public TextEncoding encoding(Path file) {
        return decoded(file).map(TextDecoder.Decoded::encoding).orElse(TextEncoding.UTF_8);
    }

    public void invalidate(Path file) {
        cache.remove(file.toAbsolutePath().normalize());
    }

    private Optional<TextDecoder.Decoded> decoded(Path file) {
        Path p = file.toAbsolutePath().normalize();
        return cache.get(p, () -> load(p));
    }

    private static Optional<TextDecoder.Decoded> load(Path p) {
        try {
            if (!Files.isRegularFile(p) || Files.size(p) > MAX_BYTES) return Optional.empty();
            return Optional.of(TextDecoder.decodeDetailed(Files.readAllBytes(p)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
