package dev.routerls.core.edit;

/**
 * An edit of one document in character offsets: replace {@code [start, end)} with {@code text}. The
 * text already uses the document's line terminator.
 */
public record OffsetEdit(int start, int end, String text) {
    public boolean isInsertion() {
        return start == end;
    }
}
