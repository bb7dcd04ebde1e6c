package dev.routerls.yamaha.filter;

import dev.routerls.core.SourceRange;
import dev.routerls.yamaha.parse.Word;

import java.util.List;
import java.util.Locale;

/**
 * {@code ip filter N ACTION SRC [DST [PROTOCOL [SRC_PORTS [DST_PORTS]]]]}: a static IPv4 filter.
 * {@code range} is the whole line; {@code actionWord} and {@code fields} (source, destination, protocol,
 * source ports, destination ports, as many as are written) are the words of the parsed line. The model
 * makes one when asked for a number (it keeps only the parsed lines), and what the filter matches is read
 * from the fields when a check asks ({@link #condition()}): a config has thousands of filter lines, and
 * only the listed ones are ever checked.
 */
public record IpFilter(int id, Action action, Word actionWord, List<Word> fields, SourceRange range) {

    /** The action as written ({@code pass}, {@code reject-nolog} …). */
    public String actionText() {
        return actionWord.text();
    }

    /** What the filter matches, read from its fields now (each call reads them again; keep it while checking). */
    public FilterCondition condition() {
        return FilterCondition.of(field(fields, 0), field(fields, 1), field(fields, 2), field(fields, 3), field(fields, 4));
    }

    /** Field {@code i}'s text, or null when it is not written. */
    static String field(List<Word> fields, int i) {
        return i < fields.size() ? fields.get(i).text() : null;
    }

    /**
     * What a matching filter does (8.1.10): pass, reject, or restrict (pass while the line is connected,
     * reject while it is not). The {@code -log}/{@code -nolog} forms only change logging.
     */
    public enum Action {
        PASS, REJECT, RESTRICT;

        /** The action of {@code pass}, {@code reject-nolog} …; null when the word is none of them. */
        public static Action of(String word) {
            String w = word.toLowerCase(Locale.ROOT);
            int dash = w.indexOf('-');
            String base = dash < 0 ? w : w.substring(0, dash);
            String suffix = dash < 0 ? "" : w.substring(dash);
            if (!suffix.isEmpty() && !suffix.equals("-log") && !suffix.equals("-nolog")) return null;
            return switch (base) {
                case "pass" -> PASS;
                case "reject" -> REJECT;
                case "restrict" -> RESTRICT;
                default -> null;
            };
        }
    }
}
