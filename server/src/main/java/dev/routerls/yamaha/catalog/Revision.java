package dev.routerls.yamaha.catalog;

import dev.routerls.core.BoundedCache;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A firmware revision such as {@code 14.01.34}, or a revision line such as {@code 15.04} ("Rev.15.04 系").
 * Comparison is numeric per component, so revisions of different lines order correctly (14.01.x &lt; 15.02.x).
 */
public record Revision(int major, int minor, Integer patch) implements Comparable<Revision> {
    private static final Pattern FORM = Pattern.compile("(?:Rev\\.?\\s*)?(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    /** Parses "Rev.15.01.24", "15.01.24" or "15.04"; null when the text is no revision. */
    // the few revision strings a run meets, parsed once: the catalog asks for every line of a config
    private static final BoundedCache<String, java.util.Optional<Revision>> PARSED = new BoundedCache<>(1024);

    public static Revision parse(String text) {
        if (text == null) return null;
        return PARSED.get(text, () -> java.util.Optional.ofNullable(read(text))).orElse(null);
    }

    private static Revision read(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.find()) return null;
        return new Revision(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? null : Integer.parseInt(m.group(3)));
    }

    public boolean isLine() {
        return patch == null;
    }

    /** Whether a concrete revision is at or after this one (a line counts from its first release). */
    public boolean atOrBefore(Revision concrete) {
        return compareLine(concrete) < 0 || compareLine(concrete) == 0 && (patch == null || concrete.patchOrZero() >= patch);
    }

    /** Whether a concrete revision is at or before this one (a line counts up to its last release). */
    public boolean atOrAfter(Revision concrete) {
        return compareLine(concrete) > 0 || compareLine(concrete) == 0 && (patch == null || concrete.patchOrZero() <= patch);
    }

    private int compareLine(Revision o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    private int patchOrZero() {
        return patch == null ? 0 : patch;
    }

    @Override
    public int compareTo(Revision o) {
        int c = compareLine(o);
        return c != 0 ? c : Integer.compare(patchOrZero(), o.patchOrZero());
    }

    @Override
    public String toString() {
        return patch == null ? String.format("%d.%02d", major, minor) : String.format("%d.%02d.%02d", major, minor, patch);
    }
}
