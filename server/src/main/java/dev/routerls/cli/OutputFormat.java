package dev.routerls.cli;

import java.io.PrintStream;

/** One way {@code routerls lint} prints its result; {@link OutputFormats} names and describes each. */
interface OutputFormat {
    void write(LintResult result, PrintStream out, Terminal terminal);

    /** Whether it prints findings' fingerprints: they cost a hash each, so a run whose output has none skips them. */
    default boolean printsFingerprints() {
        return false;
    }
}
