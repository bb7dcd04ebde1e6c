package dev.routerls.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code routerls}: lint, fix, mape, rules, lsp, uci and eval subcommands. */
@Command(name = "routerls", mixinStandardHelpOptions = true, version = "routerls 0.1.0",
        description = "Language server and linter for YAMAHA RTX/NVR and OpenWrt router configurations.",
        subcommands = {LintCommand.class, FixCommand.class, RulesCommand.class, ExplainCommand.class, MapeCommand.class,
                LspCommand.class, GenerateDocsCommand.class, UciCommand.class, EvalCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        // usage errors exit 2, as every routerls command does for usage and I/O problems
        cl.setExitCodeExceptionMapper(t -> 2);
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("routerls: " + ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return 2;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
