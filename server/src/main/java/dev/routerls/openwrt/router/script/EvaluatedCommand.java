package dev.routerls.openwrt.router.script;

import dev.routerls.core.SourceRange;

import java.util.List;

/**
 * A command the script would run, with its arguments expanded. Commands run inside a loop appear
 * once per iteration, all pointing at the same source line.
 *
 * @param range the command in the source
 */
public record EvaluatedCommand(List<ScriptArgument> argv, SourceRange range) {

    public EvaluatedCommand {
        argv = List.copyOf(argv);
    }

    public String name() {
        return argv.isEmpty() ? "" : argv.get(0).value();
    }
}
