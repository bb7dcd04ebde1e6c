package dev.routerls.services.types;

/**
 * What one word of a document is, as the grammar and the model read it (never a guess from its spelling).
 * {@code length} is in UTF-16 units on one line.
 */
public record SemanticToken(int line, int column, int length, Type type, boolean declaration) {
    /** The kinds of words a theme may colour apart. */
    public enum Type {
        /** The words that name a command ({@code nat descriptor type}, {@code config}, {@code iptables}). */
        COMMAND,
        /** A fixed word of a command ({@code masquerade}, {@code on}, {@code -j}). */
        KEYWORD,
        /** The number or name of a configured object (NAT descriptor, tunnel, filter, UCI section). */
        ID,
        ADDRESS,
        INTERFACE,
        /** A password or key (shown so a theme can dim it; its text never leaves the server). */
        SECRET,
        /** A UCI option name. */
        OPTION,
        /** A UCI section type. */
        TYPE,
        STRING,
        VARIABLE,
        NUMBER,
        COMMENT
    }
}
