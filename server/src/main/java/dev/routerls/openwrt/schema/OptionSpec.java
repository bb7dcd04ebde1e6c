package dev.routerls.openwrt.schema;

/**
 * One option a section type accepts. {@code multi} means the consumer reads several values: a uci
 * {@code list}, or one option holding space-separated words; each element must match {@code type}.
 */
public record OptionSpec(String name, Datatype type, boolean multi) {
}
