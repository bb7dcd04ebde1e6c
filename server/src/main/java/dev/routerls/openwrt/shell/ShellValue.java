package dev.routerls.openwrt.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * A string the evaluator computed, where some stretches may be unknown (they depend on the running
 * router: {@code $(uci get ...)}, files, interfaces). Unknown stretches carry a short description of
 * where they came from instead of a made-up value, e.g. {@code --to ‹$(uci get …)›:5856-5871} keeps
 * the known port range next to the unknown address.
 */
public final class ShellValue {
    /** Values longer than this become unknown, so a runaway script cannot exhaust memory. */
    public static final int MAX_LENGTH = 1 << 20;

    /** A stretch of text; when {@code known} is false, {@code text} describes the unknown source. */
    public record Segment(String text, boolean known) {
    }

    public static final ShellValue EMPTY = new ShellValue(List.of());

    private final List<Segment> segments;

    private ShellValue(List<Segment> segments) {
        this.segments = segments;
    }

    public static ShellValue known(String text) {
        if (text.isEmpty()) return EMPTY;
        if (text.length() > MAX_LENGTH) return unknown("a value longer than " + MAX_LENGTH + " characters");
        return new ShellValue(List.of(new Segment(text, true)));
    }

    public static ShellValue unknown(String description) {
        return new ShellValue(List.of(new Segment(description, false)));
    }

    public List<Segment> segments() {
        return segments;
    }

    public boolean isKnown() {
        for (Segment s : segments) if (!s.known()) return false;
        return true;
    }

    public boolean isEmpty() {
        return segments.isEmpty();
    }

    /** The text when fully known, otherwise null. */
    public String text() {
        if (!isKnown()) return null;
        if (segments.size() == 1) return segments.get(0).text();
        StringBuilder sb = new StringBuilder();
        for (Segment s : segments) sb.append(s.text());
        return sb.toString();
    }

    /** The text with each unknown stretch shown as ‹description›; for messages and logs. */
    public String display() {
        StringBuilder sb = new StringBuilder();
        for (Segment s : segments) {
            if (s.known()) sb.append(s.text());
            else sb.append('‹').append(s.text()).append('›');
        }
        return sb.toString();
    }

    /** The known text before the first unknown stretch. */
    public String knownPrefix() {
        StringBuilder sb = new StringBuilder();
        for (Segment s : segments) {
            if (!s.known()) break;
            sb.append(s.text());
        }
        return sb.toString();
    }

    /** The known text after the last unknown stretch. */
    public String knownSuffix() {
        StringBuilder sb = new StringBuilder();
        for (int i = segments.size() - 1; i >= 0 && segments.get(i).known(); i--) sb.insert(0, segments.get(i).text());
        return sb.toString();
    }

    /** This value without its first {@code n} characters, which must lie in the known prefix. */
    public ShellValue dropKnownPrefix(int n) {
        List<Segment> out = new ArrayList<>();
        int left = n;
        for (Segment s : segments) {
            if (left > 0 && s.known()) {
                int cut = Math.min(left, s.text().length());
                left -= cut;
                if (cut < s.text().length()) out.add(new Segment(s.text().substring(cut), true));
            } else {
                out.add(s);
            }
        }
        return of(out);
    }

    public ShellValue concat(ShellValue other) {
        if (other.segments.isEmpty()) return this;
        if (segments.isEmpty()) return other;
        return new Builder().add(this).add(other).build();
    }

    static ShellValue of(List<Segment> segments) {
        Builder b = new Builder();
        for (Segment s : segments) b.add(s);
        return b.build();
    }

    /**
     * Joins values in time proportional to their total length (concatenating one piece at a time would copy
     * the text built so far for every piece): adjacent known text is one segment, adjacent unknown stretches
     * one unknown stretch, and past {@link #MAX_LENGTH} characters the result is unknown.
     */
    static final class Builder {
        private final List<Segment> out = new ArrayList<>();
        private final StringBuilder known = new StringBuilder();
        private long length;

        Builder add(ShellValue v) {
            for (Segment s : v.segments) add(s);
            return this;
        }

        Builder add(String text) {
            return add(new Segment(text, true));
        }

        Builder add(Segment s) {
            length += s.text().length();
            if (length > MAX_LENGTH) return this;       // the result is unknown anyway; keep no more text
            if (s.known()) {
                known.append(s.text());
                return this;
            }
            flushKnown();
            Segment last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && !last.known()) {
                // two unknown stretches side by side are one unknown stretch
                if (!last.text().equals(s.text()) && !last.text().endsWith("…")) {
                    String joined = last.text() + " + " + s.text();
                    out.set(out.size() - 1, new Segment(joined.length() > 120 ? joined.substring(0, 119) + "…" : joined, false));
                }
            } else {
                out.add(s);
            }
            return this;
        }

        private void flushKnown() {
            if (known.length() == 0) return;
            out.add(new Segment(known.toString(), true));
            known.setLength(0);
        }

        ShellValue build() {
            if (length > MAX_LENGTH) return unknown("a value longer than " + MAX_LENGTH + " characters");
            flushKnown();
            return out.isEmpty() ? EMPTY : new ShellValue(List.copyOf(out));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShellValue v && v.segments.equals(segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }

    @Override
    public String toString() {
        return display();
    }
}
