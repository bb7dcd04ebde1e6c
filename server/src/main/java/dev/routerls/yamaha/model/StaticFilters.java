package dev.routerls.yamaha.model;

import dev.routerls.core.SourceRange;
import dev.routerls.yamaha.filter.IpFilter;
import dev.routerls.yamaha.parse.Command;
import dev.routerls.yamaha.parse.ParsedLine;
import dev.routerls.yamaha.parse.Word;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The config's {@code ip filter N …} lines by number, kept as the parsed lines (which the document keeps
 * anyway) and their ranges in arrays; an {@link IpFilter} is made from the line's words when asked. A config
 * can have thousands of filter lines and only the listed ones are ever checked, so a map of filter objects
 * per open document cost more than the rest of the model (about 120 bytes a line against 24 here).
 */
public final class StaticFilters {

    /** Filter numbers, ascending. */
    private final int[] ids;
    private final ParsedLine[] lines;
    /** Start line, start column, end line, end column of each filter's line. */
    private final int[] ranges;

    /** {@code byNumber}: the parsed line and its range for each number (the last definition of a number). */
    StaticFilters(Map<Integer, Line> byNumber) {
        TreeMap<Integer, Line> sorted = new TreeMap<>(byNumber);
        ids = new int[sorted.size()];
        lines = new ParsedLine[sorted.size()];
        ranges = new int[4 * sorted.size()];
        int i = 0;
        for (Map.Entry<Integer, Line> e : sorted.entrySet()) {
            ids[i] = e.getKey();
            lines[i] = e.getValue().line();
            SourceRange r = e.getValue().range();
            ranges[4 * i] = r.startLine();
            ranges[4 * i + 1] = r.startColumn();
            ranges[4 * i + 2] = r.endLine();
            ranges[4 * i + 3] = r.endColumn();
            i++;
        }
    }

    /** What the builder collects for one filter line. */
    record Line(ParsedLine line, SourceRange range) { }

    /** The filter numbered {@code id} (a later definition replaces an earlier one, as on the router), or null. */
    public IpFilter get(int id) {
        int i = Arrays.binarySearch(ids, id);
        if (i < 0) return null;
        ParsedLine line = lines[i];
        Command.FilterDefinition c = (Command.FilterDefinition) line.command();
        Word action = c.action(line);
        return new IpFilter(id, IpFilter.Action.of(action.text()), action, c.fields(line),
                new SourceRange(ranges[4 * i], ranges[4 * i + 1], ranges[4 * i + 2], ranges[4 * i + 3]));
    }

    public int size() {
        return ids.length;
    }
}
