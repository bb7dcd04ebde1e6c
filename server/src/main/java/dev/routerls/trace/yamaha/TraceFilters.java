package dev.routerls.trace.yamaha;

import dev.routerls.yamaha.filter.FilterCondition;
import dev.routerls.yamaha.filter.IpFilter;
import dev.routerls.yamaha.model.YamahaConfig;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The config's static filters with what each matches, read once for the trace that holds this: the model
 * keeps only a filter's words ({@link IpFilter#condition()} reads them on each call), and a trace checks the
 * same lists for every packet it is given.
 */
final class TraceFilters {
    private final YamahaConfig m;
    private final Map<Integer, FilterCondition> read = new ConcurrentHashMap<>();

    TraceFilters(YamahaConfig m) {
        this.m = m;
    }

    /** The filter numbered {@code id}, or null when the config does not define it. */
    IpFilter get(int id) {
        return m.filters().get(id);
    }

    FilterCondition condition(IpFilter f) {
        return read.computeIfAbsent(f.id(), id -> f.condition());
    }
}
