package dev.routerls.core;

import java.util.List;

/** A quick fix a rule offers with its diagnostic: a title and the edits that carry it out. */
public record Fix(String title, List<TextEdit> edits) {
    public Fix {
        edits = List.copyOf(edits);
    }
}
