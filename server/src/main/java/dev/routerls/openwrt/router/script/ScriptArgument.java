package dev.routerls.openwrt.router.script;

import dev.routerls.core.SourceRange;

/**
 * One argument of an evaluated command: its value after expansion, whether that value is known
 * (false when it came from something the evaluator could not run, e.g. {@code $(ip -6 addr …)}),
 * and the source word it came from.
 */
public record ScriptArgument(String value, boolean known, SourceRange range) {
}
