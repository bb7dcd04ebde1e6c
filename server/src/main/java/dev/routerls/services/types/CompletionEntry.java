package dev.routerls.services.types;

/**
 * One completion proposal. {@code insertText} is what goes into the document (null: the label);
 * {@code detail} is a one-line summary, {@code documentation} longer text in Markdown.
 */
public record CompletionEntry(String label, Kind kind, String detail, String documentation, String insertText) {
    public enum Kind { KEYWORD, COMMAND, VALUE, REFERENCE, INTERFACE, SECTION_TYPE, OPTION }

    public static CompletionEntry of(String label, Kind kind, String detail) {
        return new CompletionEntry(label, kind, detail, null, null);
    }
}
