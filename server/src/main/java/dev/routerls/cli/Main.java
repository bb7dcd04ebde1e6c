package dev.routerls.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** {@code routerls}: lint, fix, rules, explain, mape, trace, lsp, uci, eval and completion subcommands. */
@Command(name = "routerls", mixinStandardHelpOptions = true, version = "routerls " + Version.VERSION,
        description = "Language server and linter for YAMAHA RTX/NVR and OpenWrt router configurations.",
        subcommands = {LintCommand.class, FixCommand.class, RulesCommand.class, ExplainCommand.class, MapeCommand.class,
                TraceCommand.class, LspCommand.class, GenerateDocsCommand.class, UciCommand.class, EvalCommand.class,
                CompletionCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        if (args.length > 0 && args[0].equals("lint")) {
            // a hook's or an editor's lint: read without building picocli's model (LintCommand#readQuickly)
            LintCommand lint = new LintCommand();
            if (lint.readQuickly(java.util.Arrays.copyOfRange(args, 1, args.length))) return callAsPicocliWould(lint);
        }
        CommandLine cl = args.length > 0 ? only(args[0]) : null;
        if (cl == null) cl = new CommandLine(new Main());
        // usage errors exit 2, as every routerls command does for usage and I/O problems
        cl.setExitCodeExceptionMapper(t -> 2);
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("routerls: " + ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return 2;
        });
        return cl.execute(args);
    }

    /** What picocli's execute does with a command's result: its exit code, or 2 and the trace for a failure. */
    private static int callAsPicocliWould(java.util.concurrent.Callable<Integer> command) {
        try {
            Integer code = command.call();
            return code == null ? 0 : code;
        } catch (Exception e) {
            e.printStackTrace();
            return 2;
        }
    }

    /**
     * A command line holding only the subcommand {@code name} (null if there is none such): picocli reads
     * the annotations of every command it is given, and a pre-commit hook should not wait for the other
     * nine. The full tree serves everything else (no subcommand, --help, completion).
     */
    private static CommandLine only(String name) {
        Object command = subcommand(name);
        if (command == null) return null;
        CommandLine root = new CommandLine(CommandSpec.create().name("routerls"));
        root.addSubcommand(name, new CommandLine(command));
        return root;
    }

    /**
     * The subcommand of that name, made without reading {@link Command#subcommands()}: that would load
     * and link every command class. A test checks that this names each of them as its annotation does.
     */
    static Object subcommand(String name) {
        return switch (name) {
            case "lint" -> new LintCommand();
            case "fix" -> new FixCommand();
            case "rules" -> new RulesCommand();
            case "explain" -> new ExplainCommand();
            case "mape" -> new MapeCommand();
            case "trace" -> new TraceCommand();
            case "lsp" -> new LspCommand();
            case "generate-docs" -> new GenerateDocsCommand();
            case "uci" -> new UciCommand();
            case "eval" -> new EvalCommand();
            default -> null; // completion needs the whole tree
        };
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
