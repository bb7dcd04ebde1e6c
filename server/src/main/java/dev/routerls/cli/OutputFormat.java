package dev.routerls.cli;

import java.io.PrintStream;

/** One way {@code routerls lint} prints its result (text for people, SARIF, CI annotations, …). */
interface OutputFormat {
    /** The {@code --format} value. */
    String name();

    /** One line for {@code --help}. */
    String description();

    void write(LintResult result, PrintStream out, Terminal terminal);
}
