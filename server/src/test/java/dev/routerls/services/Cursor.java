package dev.routerls.services;

/**
 * Feature fixtures: config text with a cursor marker {@code |} where the user's caret is. The text a
 * service sees has the marker removed; {@code line}/{@code column} are 0-based, as LSP counts them.
 */
record Cursor(String text, int line, int column) {
    static Cursor of(String marked) {
        int at = marked.indexOf('|');
        if (at < 0) throw new IllegalArgumentException("no cursor marker '|' in fixture");
        String before = marked.substring(0, at);
        int line = (int) before.chars().filter(c -> c == '\n').count();
        return new Cursor(before + marked.substring(at + 1), line, at - (before.lastIndexOf('\n') + 1));
    }
}
