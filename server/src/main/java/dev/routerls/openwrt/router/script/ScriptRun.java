package dev.routerls.openwrt.router.script;

import dev.routerls.core.Diagnostic;

import java.util.List;

/**
 * The outcome of evaluating a script: the firewall commands ({@code iptables}, {@code ip6tables},
 * {@code nft} …) it would run in order, and notes about what could not be followed (info) or the
 * step limit (warning).
 */
public record ScriptRun(String uri, List<EvaluatedCommand> commands, List<Diagnostic> notes) {

    public ScriptRun {
        commands = List.copyOf(commands);
        notes = List.copyOf(notes);
    }

    public static ScriptRun empty(String uri) {
        return new ScriptRun(uri, List.of(), List.of());
    }
}
