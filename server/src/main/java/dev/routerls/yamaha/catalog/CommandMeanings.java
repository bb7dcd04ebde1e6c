package dev.routerls.yamaha.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * One-sentence English meanings of the most used commands (our own text), keyed by command words as
 * {@link CommandEntry#name()} gives them. Kept apart from the generated catalog so regeneration never
 * touches them.
 */
final class CommandMeanings {
    static final String RESOURCE = "/dev/routerls/yamaha/command-meanings.properties";

    private CommandMeanings() {
    }

    static Map<String, String> load() {
        Properties p = new Properties();
        try (InputStream in = CommandMeanings.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return Map.of();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> out = new HashMap<>();
        for (String k : p.stringPropertyNames()) out.put(k, p.getProperty(k));
        return Map.copyOf(out);
    }
}
