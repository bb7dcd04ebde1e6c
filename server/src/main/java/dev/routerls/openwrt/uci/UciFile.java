package dev.routerls.openwrt.uci;

import java.util.List;
import java.util.Optional;

/**
 * One parsed UCI file: its package name (the file name under /etc/config), its sections in libuci's
 * order (repeated named sections already merged) and the syntax problems found while reading it.
 * The analysis goes on after a problem, so the sections hold everything that could be read; the
 * options after a header that could not be read are in {@code brokenSections}, which no rule reads.
 */
public record UciFile(String uri, String packageName, List<UciSection> sections, List<UciProblem> problems,
                      List<UciSection> brokenSections) {

    public UciFile {
        sections = List.copyOf(sections);
        problems = List.copyOf(problems);
        brokenSections = List.copyOf(brokenSections);
    }

    public UciFile(String uri, String packageName, List<UciSection> sections, List<UciProblem> problems) {
        this(uri, packageName, sections, problems, List.of());
    }

    /** True when libuci loads the file: none of the problems is one of its parse errors. */
    public boolean acceptedByLibuci() {
        return problems.stream().noneMatch(UciProblem::rejectsFile);
    }

    public Optional<UciSection> section(String name) {
        return sections.stream().filter(s -> name.equals(s.name())).findFirst();
    }

    public List<UciSection> sectionsOfType(String type) {
        return sections.stream().filter(s -> s.type().equals(type)).toList();
    }
}
