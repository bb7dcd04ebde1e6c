package dev.routerls.cli;

import java.io.PrintStream;

/** One way {@code routerls lint} prints its result; {@link OutputFormats} names and describes each. */
interface OutputFormat {
    void write(LintResult result, PrintStream out, Terminal terminal);
}
