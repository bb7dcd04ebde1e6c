package dev.routerls.core.edit;

/** Two edits of one document overlap (or insert at the same place), so their order is not defined. */
public final class EditConflictException extends RuntimeException {
    public EditConflictException(String message) {
        super(message);
    }
}
