package dev.routerls.openwrt.uci;

import dev.routerls.core.SourceRange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code config TYPE ['NAME']} section. A named section that appears again in the same file is
 * merged into the first one (libuci does the same), so {@link #headers()} may hold several lines.
 * Anonymous sections are addressed as {@code @type[n]}: n counts every section of that type, named
 * or not, in file order.
 *
 * <p>A <em>broken</em> section collects the option lines that follow a section header libuci cannot
 * read (or a stray line before the first header): they belong to no real section, so no rule reads
 * them and a typo in one header does not move its options into the section before it.
 */
public final class UciSection {
    private final String type;
    private final String name;
    private final int typeIndex;
    private final List<Header> headers = new ArrayList<>();
    private final List<UciOption> options = new ArrayList<>();

    /** One option as libuci holds it after reading the file: a single value, or a list of them. */
    public record Setting(String name, boolean list, List<UciValue> values) {
        public Setting {
            values = List.copyOf(values);
        }
    }

    /** Where one {@code config} line of this section is: the whole line, its type and its name (if any). */
    public record Header(SourceRange range, UciValue type, UciValue name) {
    }

    public UciSection(String type, String name, int typeIndex, Header header) {
        this.type = type;
        this.name = name == null || name.isEmpty() ? null : name;
        this.typeIndex = typeIndex;
        headers.add(header);
    }

    /**
     * The section a header that could not be read would have opened (see the class comment); the reader
     * keeps it in {@link UciFile#brokenSections()}, apart from the file's sections.
     */
    static UciSection broken(Header header) {
        return new UciSection("", null, -1, header);
    }

    public String type() {
        return type;
    }

    /** The section's name, or null when it is anonymous. */
    public String name() {
        return name;
    }

    public boolean isAnonymous() {
        return name == null;
    }

    /** Position among the sections of the same type in this file (0-based). */
    public int typeIndex() {
        return typeIndex;
    }

    /** The name, or {@code @type[n]} for an anonymous section: how uci commands address it. */
    public String ref() {
        return name != null ? name : "@" + type + "[" + typeIndex + "]";
    }

    public List<Header> headers() {
        return Collections.unmodifiableList(headers);
    }

    /** The first {@code config} line: where to point at the section as a whole. */
    public Header header() {
        return headers.get(0);
    }

    /**
     * Every option and list line of the section that libuci applies, in file order ({@code option}
     * lines without a value are not here: libuci neither creates nor clears an option for them).
     */
    public List<UciOption> options() {
        return Collections.unmodifiableList(options);
    }

    /** Option names in order of first appearance. */
    public Set<String> optionNames() {
        Set<String> names = new LinkedHashSet<>();
        for (UciOption o : options) names.add(o.name());
        return names;
    }

    /**
     * The lines that make up the current value of {@code name} under libuci's rules: a later
     * {@code option} replaces everything before it; {@code list} appends (turning an earlier single
     * {@code option} into the first list element). Empty when the option is not set.
     */
    public List<UciOption> effective(String name) {
        List<UciOption> out = new ArrayList<>();
        for (UciOption o : options) {
            if (!o.name().equals(name)) continue;
            if (o.kind() == UciOption.Kind.OPTION) out.clear();
            out.add(o);
        }
        return out;
    }

    /** True when the current value of {@code name} is a list (the last line that set it was {@code list}). */
    public boolean isList(String name) {
        List<UciOption> eff = effective(name);
        return !eff.isEmpty() && eff.get(eff.size() - 1).isList();
    }

    /** The current single value of {@code name}; for a list, its last element. */
    public Optional<UciValue> value(String name) {
        List<UciOption> eff = effective(name);
        return eff.isEmpty() ? Optional.empty() : Optional.of(eff.get(eff.size() - 1).value());
    }

    /** The current text of {@code name}, if set. */
    public Optional<String> get(String name) {
        return value(name).map(UciValue::text);
    }

    /** Every value of {@code name} (one for an option, all elements for a list). */
    public List<UciValue> values(String name) {
        return effective(name).stream().map(UciOption::value).toList();
    }

    /**
     * The options as libuci holds them: in order of first appearance, each with its current value (a
     * later {@code option} replaces, a {@code list} after an {@code option} turns it into a list that
     * starts with the option's value).
     */
    public List<Setting> settings() {
        List<Setting> out = new ArrayList<>();
        for (String n : optionNames()) {
            List<UciOption> eff = effective(n);
            out.add(new Setting(n, eff.get(eff.size() - 1).isList(), eff.stream().map(UciOption::value).toList()));
        }
        return out;
    }

    void addHeader(Header h) {
        headers.add(h);
    }

    void addOption(UciOption o) {
        options.add(o);
    }

    @Override
    public String toString() {
        return "config " + type + (name != null ? " '" + name + "'" : " (" + ref() + ")");
    }
}
