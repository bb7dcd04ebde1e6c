package dev.routerls.cli;

import java.io.PrintStream;

/** One way {@code routerls lint} prints its result (text for people, SARIF, CI annotations, …). */
abstract class OutputFormat {
    private final String name;
    private final String description;

    /** {@code name} is the {@code --format} value, {@code description} one line for {@code --help}. */
    OutputFormat(String name, String description) {
        this.name = name;
        this.description = description;
    }

    /** The {@code --format} value. */
    final String name() {
        return name;
    }

    /** One line for {@code --help}. */
    final String description() {
        return description;
    }

    abstract void write(LintResult result, PrintStream out, Terminal terminal);
}
