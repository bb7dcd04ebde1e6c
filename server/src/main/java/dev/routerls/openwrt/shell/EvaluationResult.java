package dev.routerls.openwrt.shell;

import dev.routerls.core.Unanalysed;

import java.util.List;

/**
 * What evaluating a script produced: the firewall commands in the order they would run, the evaluator's
 * own problems (parts it could not follow, the step limit) and the part not evaluated when the analysis
 * budget ran out. Syntax problems stay on {@link ShellScript#problems()}.
 *
 * @param steps    evaluation steps used (commands run plus loop passes)
 * @param complete false when evaluation stopped early at the step limit
 */
public record EvaluationResult(List<EvaluatedCommand> commands, List<ShellProblem> problems,
                               List<Unanalysed> unanalysed, int steps, boolean complete) {
    public EvaluationResult {
        commands = List.copyOf(commands);
        problems = List.copyOf(problems);
        unanalysed = List.copyOf(unanalysed);
    }
}
