package dev.routerls.openwrt.schema;

import dev.routerls.openwrt.uci.UciValue;

import java.util.List;

/**
 * One option a section type accepts. {@code multi} means the consumer reads several values: a uci
 * {@code list}, or one option holding space-separated words; each element must match {@code type}.
 */
public record OptionSpec(String name, Datatype type, boolean multi) {
    /** The elements of {@code value} the consumer reads one by one: its words when {@code multi}, else the whole value. */
    public List<UciValue> elements(UciValue value) {
        return multi ? value.words() : List.of(value);
    }
}
