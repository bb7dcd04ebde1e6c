package dev.routerls.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code routerls completion}: prints the shell completion script picocli generates from the command
 * definitions. bash: {@code source <(routerls completion)}; zsh: {@code autoload -U +X bashcompinit &&
 * bashcompinit && source <(routerls completion)}.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a bash/zsh completion script for routerls.",
                "bash: source <(routerls completion)",
                "zsh:  autoload -U +X compinit && compinit; autoload -U +X bashcompinit && bashcompinit; source <(routerls completion)"})
final class CompletionCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        CommandLine root = spec.root().commandLine();
        spec.commandLine().getOut().print(AutoComplete.bash("routerls", root));
        spec.commandLine().getOut().flush();
    }
}
