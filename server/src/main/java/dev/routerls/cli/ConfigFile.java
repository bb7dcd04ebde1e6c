package dev.routerls.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.routerls.analysis.SettingsReader;
import dev.routerls.core.TextDecoder;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code .routerls.json} as the command line reads it: strictly (an invalid setting stops the run with
 * exit 2 and says what is wrong), with its {@code ignore} globs relative to the file's folder.
 */
final class ConfigFile {
    /** A settings file that cannot be used; the message names the file and the problems. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    final Path file;
    final SettingsReader.Layer layer;
    private final Path dir;
    private final List<PathMatcher> ignore = new ArrayList<>();

    private ConfigFile(Path file, SettingsReader.Layer layer, List<String> globs) throws Invalid {
        this.file = file;
        this.layer = layer;
        this.dir = file.toAbsolutePath().normalize().getParent();
        for (String g : globs) {
            try {
                ignore.add(FileSystems.getDefault().getPathMatcher("glob:" + g));
            } catch (IllegalArgumentException e) {
                throw new Invalid(file + ": ignore: '" + g + "' is not a glob pattern (" + e.getMessage() + ")");
            }
        }
    }

    static ConfigFile load(Path file) throws Invalid {
        String text;
        try {
            text = TextDecoder.decode(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new Invalid(file + ": cannot read: " + e.getMessage());
        }
        JsonElement json;
        try {
            json = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new Invalid(file + ": not valid JSON: " + e.getMessage());
        }
        List<String> problems = SettingsReader.problems(json);
        if (!problems.isEmpty()) throw new Invalid(file + ": " + String.join("; ", problems));
        return new ConfigFile(file, SettingsReader.read(json), SettingsReader.ignoreGlobs(json));
    }

    /** True when {@code path} (a file below this config's folder) matches an {@code ignore} glob. */
    boolean ignores(Path path) {
        if (ignore.isEmpty()) return false;
        Path abs = path.toAbsolutePath().normalize();
        if (!abs.startsWith(dir)) return false;
        Path rel = dir.relativize(abs);
        for (PathMatcher m : ignore) if (m.matches(rel)) return true;
        return false;
    }
}
