package dev.routerls.openwrt.shell;

import dev.routerls.core.Diagnostic;

import java.util.List;

/**
 * What evaluating a script produced: the firewall commands in the order they would run, and the
 * evaluator's own findings ({@code openwrt/shell-unevaluated} info, {@code openwrt/shell-loop-limit}
 * warning). Syntax problems stay on {@link ShellScript#problems()}.
 *
 * @param steps    evaluation steps used (commands run plus loop passes)
 * @param complete false when evaluation stopped early at the step limit
 */
public record EvaluationResult(List<EvaluatedCommand> commands, List<Diagnostic> diagnostics, int steps,
                               boolean complete) {
    public EvaluationResult {
        commands = List.copyOf(commands);
        diagnostics = List.copyOf(diagnostics);
    }
}
