package dev.routerls.openwrt.router;

import dev.routerls.core.BoundedCache;
import dev.routerls.core.TextEncoding;
import dev.routerls.openwrt.shell.EvaluationResult;
import dev.routerls.openwrt.shell.ShellEvaluator;
import dev.routerls.openwrt.shell.ShellScript;
import dev.routerls.openwrt.uci.UciFile;
import dev.routerls.openwrt.uci.UciReader;

import java.util.Map;

/**
 * Parsed router files kept by URI and content, so that an edit to one file of a router
 * re-reads only that file: the UCI files, and firewall.user parsed and evaluated (its evaluation takes no
 * UCI input, so it depends on its own text alone). Bounded by the total size of the texts kept (and a
 * number of entries); the least recently used go first. No lock is held while a file is parsed or a script
 * evaluated: two readers of the same text share one computation, readers of other texts never wait.
 */
public final class RouterFileCache {
    /** firewall.user as {@link RouterReader} needs it: the script and what running it does. */
    public record Script(ShellScript script, EvaluationResult run) {
    }

    static final int MAX_ENTRIES = 256;
    /** Characters of text the cached results stand for, at most (parsed models are a few times larger). */
    static final long MAX_CHARS = 8L * 1024 * 1024;

    /** Reads one UCI file from its URI and text, decoded from a file stored as the encoding says. */
    public interface UciFileReader {
        UciFile read(String uri, String text, TextEncoding encoding);
    }

    /**
     * The same text stored another way (Shift_JIS, a byte-order mark) is another file to libuci. The text
     * itself is the key, not a digest of it: the cache is bounded by the characters it stands for anyway,
     * and a digest cost each cold CLI run the start of Java's security providers.
     */
    private record Key(String uri, String text, TextEncoding encoding) {
        static Key of(String uri, String text, TextEncoding encoding) {
            return new Key(uri, text, encoding);
        }

        int length() {
            return text.length();
        }

        // written out: a record's generated hashCode links through invokedynamic on first use, a cold CLI
        // run's cost; the text's own hash is computed once per string
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.uri.equals(uri) && k.text.equals(text)
                    && k.encoding.byteOrderMark() == encoding.byteOrderMark() && k.encoding.charset().equals(encoding.charset());
        }

        @Override
        public int hashCode() {
            return ((uri.hashCode() * 31 + text.hashCode()) * 31 + encoding.charset().hashCode()) * 2
                    + (encoding.byteOrderMark() ? 1 : 0);
        }
    }

    private final UciFileReader uciReader;
    private final BoundedCache<Key, UciFile> uci = new BoundedCache<>(MAX_ENTRIES, MAX_CHARS, (k, v) -> k.length());
    private final BoundedCache<Key, Script> scripts = new BoundedCache<>(MAX_ENTRIES, MAX_CHARS, (k, v) -> k.length());

    public RouterFileCache() {
        this(UciReader::read);
    }

    /** {@code uciReader} reads one UCI file; tests pass one that counts its calls. */
    public RouterFileCache(UciFileReader uciReader) {
        this.uciReader = uciReader;
    }

    public UciFile uci(String uri, String text, TextEncoding encoding) {
        return uci.get(Key.of(uri, text, encoding), () -> uciReader.read(uri, text, encoding));
    }

    public Script firewallUser(String uri, String text) {
        // an evaluation cut short by the analysis budget is not kept: the next analysis may have the time to finish it
        return scripts.get(Key.of(uri, text, TextEncoding.UTF_8), () -> evaluate(uri, text), s -> s.script().unanalysed().isEmpty()
                && s.run().unanalysed().isEmpty());
    }

    /** firewall.user parsed and evaluated with nothing preset: the script's own assignments decide its values. */
    static Script evaluate(String uri, String text) {
        ShellScript s = ShellScript.parse(uri, text);
        return new Script(s, ShellEvaluator.evaluate(s, Map.of()));
    }
}
