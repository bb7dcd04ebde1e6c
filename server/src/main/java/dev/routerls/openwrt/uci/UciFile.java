package dev.routerls.openwrt.uci;

import java.util.List;
import java.util.Optional;

/**
 * One parsed UCI file: its package name (the file name under /etc/config), its sections in file
 * order (repeated named sections already merged) and the syntax problems found while reading it.
 * The analysis goes on after a problem, so the sections hold everything that could be read.
 */
public record UciFile(String uri, String packageName, List<UciSection> sections, List<UciProblem> problems) {

    public UciFile {
        sections = List.copyOf(sections);
        problems = List.copyOf(problems);
    }

    public Optional<UciSection> section(String name) {
        return sections.stream().filter(s -> name.equals(s.name())).findFirst();
    }

    public List<UciSection> sectionsOfType(String type) {
        return sections.stream().filter(s -> s.type().equals(type)).toList();
    }
}
