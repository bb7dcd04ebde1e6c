package dev.routerls.services.types;

import dev.routerls.core.SourceRange;

import java.util.List;

/**
 * A line of text shown above a config line. With a {@code command}, clicking it runs that server command
 * with {@code arguments}; without one it only informs.
 */
public record CodeLensEntry(SourceRange range, String title, String command, List<Object> arguments) {
    public CodeLensEntry {
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
    }
}
