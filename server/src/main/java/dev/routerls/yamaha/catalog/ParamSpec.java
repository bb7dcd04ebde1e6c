package dev.routerls.yamaha.catalog;

import java.util.List;
import java.util.Locale;

/**
 * What the reference says a parameter slot accepts. Only two kinds are closed enough to report on:
 * {@code keyword} (a table of allowed words) and {@code integer} (one documented range, checked only
 * when the word is a plain number). {@code interface}, {@code ip} and {@code text} describe the slot
 * for hover and completion but never produce a finding.
 *
 * @param list     the slot takes several space-separated values (e.g. a NAT descriptor list)
 * @param defaults per-model defaults when the reference gives them by model; "*" stands for "all others"
 */
public record ParamSpec(String kind, List<String> values, Long min, Long max, Boolean list,
                        String defaultValue, List<ModelDefault> defaults) {

    public static final String KEYWORD = "keyword";
    public static final String INTEGER = "integer";
    public static final String INTERFACE = "interface";
    public static final String IP = "ip";
    public static final String TEXT = "text";
    /** A port: a number in {@code min..max} or one of the service names in {@code values} (www, ftp …). */
    public static final String PORT = "port";

    public record ModelDefault(String value, List<String> models) {
        public ModelDefault {
            models = models == null ? null : List.copyOf(models);
        }
    }

    /** The catalog is shared by every analysis: its lists are copied read-only (absent ones stay null). */
    public ParamSpec {
        values = values == null ? null : List.copyOf(values);
        defaults = defaults == null ? null : List.copyOf(defaults);
    }

    public static ParamSpec text() {
        return new ParamSpec(TEXT, null, null, null, null, null, null);
    }

    public boolean isList() {
        return Boolean.TRUE.equals(list);
    }

    /** Outcome of checking one word against the slot. */
    public enum Fit { OK, NO, BAD_KEYWORD, OUT_OF_RANGE }

    public Fit check(String word) {
        if (CatalogToken.ANY.equals(word)) return Fit.OK;
        // a list of ports, filters or addresses never holds an arrow, an ellipsis or prose: a pasted note
        if (isList() && PastedNote.looksLikeNote(word)) return Fit.NO;
        switch (kind) {
            case KEYWORD:
                String w = word.toLowerCase(Locale.ROOT);
                if (values.contains(w)) return Fit.OK;
                // dotted families (en.ascii, ja.sjis): older firmware accepted the last part alone
                for (String v : values) if (v.endsWith("." + w)) return Fit.OK;
                return Fit.BAD_KEYWORD;
            case INTEGER:
                if (!digits(word, 18)) return Fit.NO; // a mnemonic or other form: not ours to judge
                long v = Long.parseLong(word);
                return (min != null && v < min) || (max != null && v > max) ? Fit.OUT_OF_RANGE : Fit.OK;
            case INTERFACE:
                return InterfaceNames.looksLikeInterface(word) ? Fit.OK : Fit.NO;
            case PORT:
                if (digits(word, 9)) {
                    long p = Long.parseLong(word);
                    return p < min || p > max ? Fit.OUT_OF_RANGE : Fit.OK;
                }
                return values.contains(word.toLowerCase(Locale.ROOT)) ? Fit.OK : Fit.BAD_KEYWORD;
            default:
                return Fit.OK;
        }
    }

    /** Whether {@code word} is 1 to {@code max} ASCII digits (as {@code \\d{1,max}}, without compiling a regex per word). */
    private static boolean digits(String word, int max) {
        if (word.isEmpty() || word.length() > max) return false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    /** Short English description of the slot, e.g. "integer 1..2147483647" or "one of: on, off". */
    public String describe() {
        String s;
        switch (kind) {
            case KEYWORD:
                s = "one of: " + String.join(", ", values);
                break;
            case INTEGER:
                s = "integer " + (min == null ? "" : min) + ".." + (max == null ? "" : max);
                break;
            case INTERFACE:
                s = "interface name (lan1, lan1/1, lan1.1, vlan1, bridge1, loopback1, pp, tunnel, …)";
                break;
            case IP:
                s = "IP address";
                break;
            case PORT:
                s = "port number " + min + ".." + max + " or service name (" + String.join(", ", values) + ")";
                break;
            default:
                s = "value";
        }
        if (isList()) s = "space-separated list of " + s;
        if (defaultValue != null) s += "; default " + defaultValue;
        if (defaults != null && !defaults.isEmpty()) {
            StringBuilder sb = new StringBuilder("; default ");
            for (int i = 0; i < defaults.size(); i++) {
                ModelDefault d = defaults.get(i);
                if (i > 0) sb.append(", ");
                sb.append(d.value()).append(d.models().contains("*") ? " (other models)" : " (" + String.join(", ", d.models()) + ")");
            }
            s += sb;
        }
        return s;
    }
}
