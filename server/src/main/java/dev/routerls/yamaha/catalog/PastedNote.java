package dev.routerls.yamaha.catalog;

/**
 * Words that are no command parameter but a note pasted into a config: arrows ({@code ← from the ONU}),
 * HTML comments ({@code <!-- note -->}), an ellipsis ({@code 1 2 3 ...}), {@code //} remarks, and text in
 * Japanese or other non-ASCII script after a complete command. The router rejects a line that carries one.
 */
public final class PastedNote {
    private PastedNote() {
    }

    /**
     * Whether the note is only marks (an arrow, an ellipsis, {@code <!--}): safe to quote in a message. Other
     * words are never quoted, as on a line the grammar could not read a password may be among them.
     */
    public static boolean quotable(String word) {
        if (!looksLikeNote(word) || word.length() > 4) return false;
        for (int i = 0; i < word.length(); i++) if (Character.isLetterOrDigit(word.charAt(i))) return false;
        return true;
    }

    public static boolean looksLikeNote(String word) {
        if (word.isEmpty()) return false;
        if (word.startsWith("<!--") || word.equals("-->") || word.startsWith("//")) return true;
        if (word.equals("...") || word.equals("\u2026") || word.equals("etc.")) return true;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= 0x2190 && c <= 0x21FF) return true; // arrows
            if (c > 0x7F) return true; // Japanese and other scripts: a remark, not a keyword
        }
        return false;
    }
}
