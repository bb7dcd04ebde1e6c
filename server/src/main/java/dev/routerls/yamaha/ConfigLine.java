package dev.routerls.yamaha;

import dev.routerls.yamaha.model.LinePositions;
import dev.routerls.yamaha.model.SelectContext;
import dev.routerls.yamaha.parse.ParsedLine;

/**
 * One logical line of a document (a wrapped line re-joined counts once), with where it is, what it
 * parsed to, and the PP/tunnel block it belongs to. What completion, hover and definition start from.
 */
public record ConfigLine(LinePositions positions, ParsedLine parsed, SelectContext context) {
    public int firstLine() {
        return positions.firstLine();
    }

    public int lastLine() {
        return positions.lastLine();
    }

    public boolean contains(int line) {
        return line >= firstLine() && line <= lastLine();
    }
}
