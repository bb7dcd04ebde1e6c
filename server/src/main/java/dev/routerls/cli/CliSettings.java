package dev.routerls.cli;

import dev.routerls.core.AnalysisSettings;
import dev.routerls.analysis.SettingsReader;
import dev.routerls.core.TextDecoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Settings for a CLI run: the nearest {@code .routerls.json} above the first path (the same file the
 * language server reads for that workspace), overridden by the command-line flags.
 */
final class CliSettings {
    private CliSettings() {
    }

    static AnalysisSettings resolve(Path firstPath, String model, String openwrtRelease) throws IOException {
        Optional<Path> file = SettingsReader.nearestFile(firstPath);
        SettingsReader.Layer fromFile = file.isEmpty() ? SettingsReader.Layer.EMPTY
                : SettingsReader.readText(TextDecoder.decode(Files.readAllBytes(file.get())));
        SettingsReader.Layer fromFlags = new SettingsReader.Layer(model, openwrtRelease, Map.of());
        return SettingsReader.combine(fromFile, fromFlags);
    }
}
