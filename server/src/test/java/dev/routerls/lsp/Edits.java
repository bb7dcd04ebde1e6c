package dev.routerls.lsp;

import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The text edits of a workspace edit by document, whichever form the server sent (changes or document changes). */
final class Edits {
    private Edits() {
    }

    static Map<String, List<TextEdit>> byUri(WorkspaceEdit e) {
        Map<String, List<TextEdit>> out = new LinkedHashMap<>();
        if (e.getChanges() != null) e.getChanges().forEach((u, l) -> out.computeIfAbsent(u, k -> new ArrayList<>()).addAll(l));
        if (e.getDocumentChanges() != null) {
            for (var c : e.getDocumentChanges()) {
                if (c.isLeft()) {
                    out.computeIfAbsent(c.getLeft().getTextDocument().getUri(), k -> new ArrayList<>()).addAll(c.getLeft().getEdits());
                }
            }
        }
        return out;
    }
}
