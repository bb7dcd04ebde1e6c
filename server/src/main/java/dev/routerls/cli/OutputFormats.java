package dev.routerls.cli;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Every output format of {@code routerls lint}: its {@code --format} value, one line for {@code --help}, and
 * the class that writes it. Tests enumerate {@link #names()} so that each format is covered (e.g. by the
 * guarantee that no secret from a config is ever printed).
 */
public final class OutputFormats {
    private record Entry(String name, String description, OutputFormat format) {
    }

    private static final List<Entry> ALL = List.of(
            new Entry("text", "findings by file, with source line and caret; a summary (default)",
                    new TextFormat()),
            new Entry("compact", "path:line:col: severity rule: message (one line each, for grep)",
                    new CompactFormat()),
            new Entry("json", "routerls's own JSON: files with their findings, 1-based positions", new JsonFormat()),
            new Entry("sarif", "SARIF 2.1.0 (GitHub code scanning and other SARIF viewers)", new SarifFormat()),
            new Entry("github", "GitHub Actions annotations (::error file=…::message)", new GithubFormat()),
            new Entry("checkstyle", "Checkstyle XML (Jenkins warnings-ng and most CI servers)", new CheckstyleFormat()),
            new Entry("gitlab", "GitLab Code Quality JSON (artifacts:reports:codequality)", new GitlabFormat()),
            new Entry("junit", "JUnit XML: a test case per file, a failure per finding", new JunitFormat()));

    private OutputFormats() {
    }

    /** The {@code --format} values, e.g. for a test that runs every format. */
    public static List<String> names() {
        return ALL.stream().map(Entry::name).toList();
    }

    static Optional<OutputFormat> find(String name) {
        return ALL.stream().filter(e -> e.name().equals(name)).findFirst().map(Entry::format);
    }

    /** The formats with their descriptions, one a line, for the end of {@code routerls lint --help}. */
    static String[] helpLines() {
        int width = ALL.stream().mapToInt(e -> e.name().length()).max().orElse(0);
        return ALL.stream().map(e -> String.format("  %-" + width + "s  %s", e.name(), e.description())).toArray(String[]::new);
    }

    /** The {@code --format} values for picocli's help and shell completion. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return names().iterator();
        }
    }
}
