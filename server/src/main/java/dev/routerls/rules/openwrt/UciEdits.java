package dev.routerls.rules.openwrt;

import dev.routerls.core.SourceRange;
import dev.routerls.core.TextEdit;
import dev.routerls.openwrt.uci.UciOption;
import dev.routerls.openwrt.uci.UciSection;
import dev.routerls.openwrt.uci.UciValue;

/**
 * Edits of UCI sections for the OpenWrt rules' fixes: add an option line at the end of a section, or
 * replace a value. Values are written in single quotes, as uci export does; new lines are indented with
 * a tab (OpenWrt's own layout) unless the section's options start at column 0.
 */
final class UciEdits {
    private UciEdits() {
    }

    /** Adds {@code option|list NAME 'VALUE'} after the last line of {@code section}. */
    static TextEdit add(String uri, UciSection section, String keyword, String name, String value) {
        int last = section.header().range().endLine();
        for (UciSection.Header h : section.headers()) last = Math.max(last, h.range().endLine());
        for (UciOption o : section.options()) last = Math.max(last, o.range().endLine());
        return addAfter(uri, section, last, keyword, name, value);
    }

    /** Adds {@code option|list NAME 'VALUE'} as a line of {@code section} right after line {@code line}. */
    static TextEdit addAfter(String uri, UciSection section, int line, String keyword, String name, String value) {
        boolean flush = !section.options().isEmpty() && section.options().get(0).range().startColumn() == 0;
        String text = (flush ? "" : "\t") + keyword + " " + name + " " + quote(value) + "\n";
        return new TextEdit(uri, SourceRange.of(line + 1, 0, 0), text);
    }

    /** Replaces the value token (quotes included) with {@code 'value'}. */
    static TextEdit set(String uri, UciValue v, String value) {
        return new TextEdit(uri, v.range(), quote(value));
    }

    /** True when {@code v} is written as one plain token on one line, so it can be rewritten whole. */
    static boolean simple(UciValue v) {
        String raw = v.raw();
        return !raw.isEmpty() && !raw.contains("\\") && !raw.contains("\n") && !raw.contains("\r") && !v.text().contains("'")
                && (raw.equals(v.text()) || raw.equals("'" + v.text() + "'") || raw.equals("\"" + v.text() + "\""));
    }

    static String quote(String value) {
        return "'" + value + "'";
    }
}
