package dev.routerls.openwrt.shell;

import dev.routerls.core.SourceRange;

/**
 * A problem the shell reader or the evaluator found in a script: its kind, where it is and what to tell the
 * user. Which rule reports a kind, under which id and severity, is the rules' business, not the reader's.
 */
public record ShellProblem(Kind kind, SourceRange range, String message) {

    public enum Kind {
        /** The shell would reject the statement (found by the reader). */
        SYNTAX,
        /** A part whose outcome is only known on the router, so the evaluator cannot follow it. */
        UNEVALUATED,
        /** The evaluation ran past its step limit (a loop that does not end) or nested too deep to follow. */
        STEP_LIMIT
    }
}
