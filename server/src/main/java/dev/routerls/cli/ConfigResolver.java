package dev.routerls.cli;

import dev.routerls.analysis.SettingsReader;
import dev.routerls.core.AnalysisSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which settings govern each file of a run: the {@code .routerls.json} nearest above the file (nearest
 * wins, as for the language server), or the one given with {@code --config} for every file; then the
 * command-line flags on top. Files are looked up folder by folder, each folder once.
 */
final class ConfigResolver {
    private final ConfigFile explicit;
    private final SettingsReader.Layer flags;
    private final Map<Path, Optional<ConfigFile>> byDir = new HashMap<>();

    ConfigResolver(Path explicitFile, String model, String openwrtRelease) throws ConfigFile.Invalid {
        this.explicit = explicitFile == null ? null : ConfigFile.load(explicitFile);
        this.flags = new SettingsReader.Layer(model, openwrtRelease, Map.of());
    }

    /** The settings file for {@code path}, if any. */
    synchronized Optional<ConfigFile> configOf(Path path) throws ConfigFile.Invalid {
        if (explicit != null) return Optional.of(explicit);
        Path abs = path.toAbsolutePath().normalize();
        return inDir(Files.isDirectory(abs) ? abs : abs.getParent());
    }

    private Optional<ConfigFile> inDir(Path dir) throws ConfigFile.Invalid {
        if (dir == null) return Optional.empty();
        Optional<ConfigFile> known = byDir.get(dir);
        if (known != null) return known;
        Path f = dir.resolve(SettingsReader.FILE_NAME);
        Optional<ConfigFile> found = Files.isRegularFile(f) ? Optional.of(ConfigFile.load(f)) : inDir(dir.getParent());
        byDir.put(dir, found);
        return found;
    }

    AnalysisSettings settings(Optional<ConfigFile> config) {
        return SettingsReader.combine(config.map(c -> c.layer).orElse(SettingsReader.Layer.EMPTY), flags);
    }

    boolean ignored(Path path) throws ConfigFile.Invalid {
        Optional<ConfigFile> c = configOf(path);
        return c.isPresent() && c.get().ignores(path);
    }
}
