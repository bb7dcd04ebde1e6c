package dev.routerls.openwrt.schema;

import dev.routerls.openwrt.uci.UciSection;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The options of one section type. Some types take different options depending on one of their own
 * options ({@code proto} for interfaces, {@code type} for devices): those are the variants.
 */
public final class SectionSchema {
    private final String type;
    private final boolean closed;
    private final String selector;
    private final Map<String, OptionSpec> common;
    private final Map<String, Variant> variants;

    /** The options one value of the selector adds; {@code open} when the list is not exhaustive. */
    public record Variant(Map<String, OptionSpec> options, boolean open) {
        public Variant {
            options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        }
    }

    SectionSchema(String type, boolean closed, String selector, Map<String, OptionSpec> common,
                  Map<String, Variant> variants) {
        this.type = type;
        this.closed = closed;
        this.selector = selector;
        this.common = Collections.unmodifiableMap(new LinkedHashMap<>(common));
        this.variants = Collections.unmodifiableMap(new LinkedHashMap<>(variants));
    }

    public String type() {
        return type;
    }

    /** The option that picks a variant ({@code proto}, {@code type}), or null. */
    public String selector() {
        return selector;
    }

    /** The selector's value in {@code s} ("" when unset), or null when this type has no variants. */
    public String variantKey(UciSection s) {
        if (selector == null) return null;
        return s.get(selector).orElse("");
    }

    private Optional<Variant> variant(UciSection s) {
        String key = variantKey(s);
        return key == null ? Optional.empty() : Optional.ofNullable(variants.get(key));
    }

    /**
     * True when every option the section may carry is known, so anything else is a mistake: the
     * type is closed and, if it has variants, the section's variant is known and closed too.
     */
    public boolean knowsAllOptionsOf(UciSection s) {
        if (!closed) return false;
        if (selector == null) return true;
        return variant(s).map(v -> !v.open()).orElse(false);
    }

    /** The spec of {@code option} as it applies to {@code s} (its variant first). */
    public Optional<OptionSpec> option(UciSection s, String option) {
        Optional<OptionSpec> fromVariant = variant(s).map(v -> v.options().get(option));
        return fromVariant.isPresent() ? fromVariant : Optional.ofNullable(common.get(option));
    }

    /** Every option name that applies to {@code s}, for suggestions. */
    public Map<String, OptionSpec> optionsFor(UciSection s) {
        Map<String, OptionSpec> all = new LinkedHashMap<>(common);
        variant(s).ifPresent(v -> all.putAll(v.options()));
        return all;
    }

    boolean closed() {
        return closed;
    }

    /** The options every variant has. */
    Map<String, OptionSpec> common() {
        return common;
    }

    /** The variant keys this type knows (e.g. the protocols), for messages. */
    public Map<String, Variant> variants() {
        return variants;
    }
}
