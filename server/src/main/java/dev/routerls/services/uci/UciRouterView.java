package dev.routerls.services.uci;

import dev.routerls.analysis.SourceFile;
import dev.routerls.core.LanguageId;
import dev.routerls.openwrt.uci.UciFile;
import dev.routerls.openwrt.uci.UciReader;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The UCI files of one router as models, by URI: the open documents at their current text and the other
 * files from disk. Reading is cached per text, so repeated requests on an unchanged router cost nothing.
 */
public final class UciRouterView {
    private record Cached(String text, UciFile file) {
    }

    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private final Map<String, UciFile> files;

    private UciRouterView(Map<String, UciFile> files) {
        this.files = files;
    }

    /** The view over the files of a workspace snapshot (non-UCI files are skipped). */
    public static UciRouterView of(List<SourceFile> sources) {
        Map<String, UciFile> out = new LinkedHashMap<>();
        for (SourceFile f : sources) {
            if (f.language() == LanguageId.OPENWRT_UCI) out.put(f.uri(), read(f.uri(), f.text()));
        }
        return new UciRouterView(out);
    }

    /** Reads one file, reusing the model when the text is the very same string as last time. */
    public static UciFile read(String uri, String text) {
        Cached c = CACHE.get(uri);
        if (c != null && c.text() == text) return c.file();
        UciFile f = UciReader.read(uri, text);
        if (CACHE.size() > 1000) CACHE.clear();
        CACHE.put(uri, new Cached(text, f));
        return f;
    }

    public Map<String, UciFile> files() {
        return files;
    }

    public Optional<UciFile> file(String uri) {
        return Optional.ofNullable(files.get(uri));
    }

    /** The file of package {@code pkg} (network, firewall, dhcp …) in this router. */
    public Optional<UciFile> pkg(String pkg) {
        return files.values().stream().filter(f -> pkg.equals(f.packageName())).findFirst();
    }
}
