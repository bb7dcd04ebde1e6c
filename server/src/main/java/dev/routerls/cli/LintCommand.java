package dev.routerls.cli;

import dev.routerls.analysis.RouterLocator;
import dev.routerls.core.Severity;
import dev.routerls.core.TextDecoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code routerls lint}: analyse files and folders (or standard input), print findings in one of the
 * {@link OutputFormats}, exit 0 when nothing reaches --fail-on, 1 when something does, 2 on a usage,
 * settings or I/O error.
 */
@Command(name = "lint", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Lint YAMAHA and OpenWrt configuration files (folders are walked).")
final class LintCommand implements Callable<Integer> {

    /** Lists the formats with their descriptions at the end of {@code --help}. */
    @Spec
    void describeFormats(CommandSpec spec) {
        spec.usageMessage().footerHeading("%nFormats:%n").footer(OutputFormats.helpLines());
    }

    @Option(names = {"-f", "--format"}, defaultValue = "text", paramLabel = "FORMAT", completionCandidates = OutputFormats.Names.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; see Formats below)")
    String format;

    @Option(names = "--fail-on", defaultValue = "error", paramLabel = "SEVERITY",
            description = "exit 1 when a finding reaches this severity: error, warning, info, hint or none (default: ${DEFAULT-VALUE})")
    String failOn;

    @Option(names = {"-q", "--quiet"}, description = "report errors only")
    boolean quiet;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "settings file for every file (default: the .routerls.json nearest above each file)")
    Path config;

    @Option(names = "--baseline", paramLabel = "FILE", description = "report only findings not recorded in this baseline")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "record today's findings in FILE (for --baseline) instead of reporting them")
    Path writeBaseline;

    @Option(names = "--stdin", description = "lint the text on standard input (needs --stdin-filename)")
    boolean stdin;

    @Option(names = "--stdin-filename", paramLabel = "PATH",
            description = "the path standard input is linted as: its language, router and settings come from it")
    Path stdinFilename;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "files linted in parallel (default: the number of cores)")
    Integer jobs;

    @Mixin
    AnalysisOptions analysis;

    /**
     * Reads {@code args} (those after {@code lint}) into this command as picocli would, for the shapes a hook
     * or an editor plug-in passes: {@code --name value}, {@code --name=value}, {@code -f value}, flags, paths
     * and {@code --}. Anything else (help, version, an unknown or repeated option, a value that starts with
     * '-', an @argfile, an empty argument, a bad number) returns false and is left to picocli, whose messages
     * stay the only ones. Building picocli's model and parser costs a cold run about a third of its CPU;
     * LintQuickArgumentsTest checks that both readings agree.
     */
    boolean readQuickly(String[] args) {
        analysis = new AnalysisOptions();
        format = "text"; // the defaultValue of each option above
        failOn = "error";
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<Path> paths = new java.util.ArrayList<>();
        boolean positionalOnly = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.isEmpty() || a.startsWith("@")) return false;
            if (positionalOnly || !a.startsWith("-") || a.equals("-")) {
                paths.add(Path.of(a));
                continue;
            }
            if (a.equals("--")) {
                positionalOnly = true;
                continue;
            }
            String name = a, value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            String canonical = switch (name) {
                case "-f", "--format" -> "--format";
                case "-q", "--quiet" -> "--quiet";
                case "-c", "--config" -> "--config";
                case "-j", "--jobs" -> "--jobs";
                case "--fail-on", "--baseline", "--write-baseline", "--stdin", "--stdin-filename", "--model",
                     "--openwrt-release" -> name;
                default -> null;
            };
            if (canonical == null || !seen.add(canonical)) return false;
            if (canonical.equals("--quiet") || canonical.equals("--stdin")) {
                if (value != null) return false;
                if (canonical.equals("--quiet")) quiet = true;
                else stdin = true;
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.length) return false;
                value = args[++i];
            }
            if (value.startsWith("-") || value.startsWith("@")) return false;
            switch (canonical) {
                case "--format" -> format = value;
                case "--fail-on" -> failOn = value;
                case "--config" -> config = Path.of(value);
                case "--baseline" -> baseline = Path.of(value);
                case "--write-baseline" -> writeBaseline = Path.of(value);
                case "--stdin-filename" -> stdinFilename = Path.of(value);
                case "--model" -> analysis.model = value;
                case "--openwrt-release" -> analysis.openwrtRelease = value;
                case "--jobs" -> {
                    if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) return false;
                    jobs = Integer.valueOf(value);
                }
                default -> {
                    return false;
                }
            }
        }
        if (!paths.isEmpty()) analysis.paths = paths;
        return true;
    }

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        try {
            return lint(out, err);
        } finally {
            out.flush();
        }
    }

    private int lint(PrintStream out, PrintStream err) {
        OutputFormat output = OutputFormats.find(format).orElse(null);
        if (output == null) {
            return usage(err, "--format must be one of " + String.join(", ", OutputFormats.names()) + ", not '" + format + "'");
        }
        Severity threshold = null;
        if (!failOn.equalsIgnoreCase("none")) {
            try {
                threshold = Severity.parse(failOn);
            } catch (IllegalArgumentException e) {
                return usage(err, "--fail-on must be error, warning, info, hint or none, not '" + failOn + "'");
            }
        }
        List<Path> paths = analysis.paths == null ? List.of() : analysis.paths;
        if (stdin != (stdinFilename != null)) return usage(err, "--stdin and --stdin-filename PATH go together");
        if (stdin && !paths.isEmpty()) return usage(err, "with --stdin, give no PATH (the text comes from standard input)");
        if (!stdin && paths.isEmpty()) return usage(err, "give at least one PATH (file or folder) to lint, or --stdin (routerls lint --help)");
        if (jobs != null && jobs < 1) return usage(err, "--jobs must be at least 1");
        Terminal terminal = Terminal.detect();
        try {
            ConfigResolver configs = new ConfigResolver(config, analysis.model, analysis.openwrtRelease);
            FileCollector collector = new FileCollector();
            List<FileCollector.Unit> units;
            Map<Path, String> texts = Map.of();
            if (stdin) {
                Path as = stdinFilename;
                texts = Map.of(as, TextDecoder.decode(System.in.readAllBytes()));
                units = List.of(new FileCollector.Unit(RouterLocator.rootOf(as), List.of(as)));
            } else {
                units = collector.plan(paths, p -> {
                    try {
                        return configs.ignored(p);
                    } catch (ConfigFile.Invalid e) {
                        throw new InvalidSettings(e);
                    }
                });
            }
            int threads = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
            boolean fingerprints = output.printsFingerprints() || baseline != null || writeBaseline != null;
            LintResult result = new BatchLinter(collector, configs, texts, threads,
                    terminal.stderrTty() && units.size() > 1 ? err : null, fingerprints).run(units);
            if (writeBaseline != null) {
                Baseline.write(result, writeBaseline);
                long n = result.files().stream().mapToLong(f -> f.findings().size()).sum();
                err.println("routerls: recorded " + n + " finding(s) in " + writeBaseline + "; lint with --baseline "
                        + writeBaseline + " to see only new ones");
                return 0;
            }
            if (baseline != null) {
                Baseline accepted = Baseline.read(baseline);
                result = result.filter(f -> !accepted.contains(f));
            }
            if (quiet) result = result.filter(f -> f.severity() == Severity.ERROR);
            output.write(result, out, terminal);
            Severity t = threshold;
            boolean failed = t != null && result.files().stream().flatMap(f -> f.findings().stream())
                    .anyMatch(f -> f.severity().atLeast(t));
            return failed ? 1 : 0;
        } catch (ConfigFile.Invalid e) {
            err.println("routerls: invalid settings: " + e.getMessage());
            return 2;
        } catch (InvalidSettings e) {
            err.println("routerls: invalid settings: " + e.getCause().getMessage());
            return 2;
        } catch (IOException e) {
            err.println("routerls: " + e.getMessage());
            return 2;
        } catch (UncheckedIOException e) {
            err.println("routerls: " + e.getCause().getMessage());
            return 2;
        }
    }

    private static int usage(PrintStream err, String message) {
        err.println("routerls lint: " + message);
        return 2;
    }

    /** Carries an invalid settings file out of the folder walk's filter. */
    private static final class InvalidSettings extends RuntimeException {
        InvalidSettings(ConfigFile.Invalid cause) {
            super(cause);
        }
    }
}
