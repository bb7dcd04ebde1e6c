package dev.routerls.yamaha.filter;

import dev.routerls.core.SourceRange;

import java.util.Locale;

/**
 * {@code ip filter N ACTION SRC [DST [PROTOCOL [SRC_PORTS [DST_PORTS]]]]}: a static IPv4 filter.
 * {@code range} is the whole line, {@code idRange} the number.
 */
public record IpFilter(int id, Action action, String actionText, FilterCondition condition, SourceRange range,
                       SourceRange idRange) {

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
