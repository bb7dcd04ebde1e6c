package dev.routerls.services.types;

import java.util.Map;

/**
 * A code action's edits with the editor versions of the documents they were computed for: an editor must
 * not apply them to any other version.
 */
public record VersionedAction(EditorAction action, Map<String, Integer> versions) {
    public VersionedAction {
        versions = Map.copyOf(versions);
    }
}
