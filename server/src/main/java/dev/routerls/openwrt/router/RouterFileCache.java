package dev.routerls.openwrt.router;

import dev.routerls.core.TextEncoding;
import dev.routerls.openwrt.shell.EvaluationResult;
import dev.routerls.openwrt.shell.ShellEvaluator;
import dev.routerls.openwrt.shell.ShellScript;
import dev.routerls.openwrt.uci.UciFile;
import dev.routerls.openwrt.uci.UciReader;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parsed router files kept by (URI, text), so that an edit to one file of a router re-reads only that
 * file: the UCI files, and firewall.user parsed and evaluated (its evaluation takes no UCI input, so it
 * depends on its own text alone). Bounded: the least recently used entries go first.
 */
public final class RouterFileCache {
    /** firewall.user as {@link RouterReader} needs it: the script and what running it does. */
    public record Script(ShellScript script, EvaluationResult run) {
    }

    static final int MAX_ENTRIES = 256;

    /** Reads one UCI file from its URI and text, decoded from a file stored as the encoding says. */
    public interface UciFileReader {
        UciFile read(String uri, String text, TextEncoding encoding);
    }

    private record Key(String uri, String text, TextEncoding encoding) {
    }

    private final UciFileReader uciReader;
    private final Map<Key, UciFile> uci = lru();
    private final Map<Key, Script> scripts = lru();

    public RouterFileCache() {
        this(UciReader::read);
    }

    /** {@code uciReader} reads one UCI file; tests pass one that counts its calls. */
    public RouterFileCache(UciFileReader uciReader) {
        this.uciReader = uciReader;
    }

    public UciFile uci(String uri, String text, TextEncoding encoding) {
        return uci.computeIfAbsent(new Key(uri, text, encoding), k -> uciReader.read(k.uri(), k.text(), k.encoding()));
    }

    public Script firewallUser(String uri, String text) {
        return scripts.computeIfAbsent(new Key(uri, text, TextEncoding.UTF_8), k -> evaluate(k.uri(), k.text()));
    }

    /** firewall.user parsed and evaluated with nothing preset: the script's own assignments decide its values. */
    static Script evaluate(String uri, String text) {
        ShellScript s = ShellScript.parse(uri, text);
        return new Script(s, ShellEvaluator.evaluate(s, Map.of()));
    }

    private static <V> Map<Key, V> lru() {
        return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, V> eldest) {
                return size() > MAX_ENTRIES;
            }
        });
    }
}
