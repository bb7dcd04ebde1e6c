package dev.routerls.services.types;

import dev.routerls.core.Diagnostic;
import dev.routerls.core.TextEdit;

import java.util.List;

/**
 * A code action on plain types: its title, whether it is a quick fix for {@code diagnostic} (null for
 * other actions), the edits of existing documents, and files it creates with their text.
 */
public record EditorAction(String title, boolean quickFix, Diagnostic diagnostic, List<TextEdit> edits,
                           List<NewFile> newFiles) {

    public EditorAction {
        edits = List.copyOf(edits);
        newFiles = List.copyOf(newFiles);
    }

    /** A file the action creates (replacing one of that name). */
    public record NewFile(String uri, String text) {
    }
}
