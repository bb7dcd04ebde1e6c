package dev.routerls.cli;

import java.util.List;
import java.util.Optional;

/**
 * Every output format of {@code routerls lint}, by name. Tests enumerate {@link #names()} so that each
 * format is covered (e.g. by the guarantee that no secret from a config is ever printed).
 */
public final class OutputFormats {
    private static final List<OutputFormat> ALL = List.of(new TextFormat(), new CompactFormat(), new JsonFormat(),
            new SarifFormat(), new GithubFormat(), new CheckstyleFormat(), new GitlabFormat(), new JunitFormat());

    private OutputFormats() {
    }

    /** The {@code --format} values, e.g. for a test that runs every format. */
    public static List<String> names() {
        return ALL.stream().map(OutputFormat::name).toList();
    }

    static Optional<OutputFormat> find(String name) {
        return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    static List<OutputFormat> all() {
        return ALL;
    }
}
