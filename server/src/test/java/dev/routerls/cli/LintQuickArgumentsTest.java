package dev.routerls.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code lint}'s quick argument reading ({@link LintCommand#readQuickly}) gives the command exactly what
 * picocli gives it, and leaves to picocli every shape it does not read itself.
 */
class LintQuickArgumentsTest {
    private static final List<List<String>> READ_QUICKLY = List.of(
            List.of("r.conf"),
            List.of("a.conf", "dir", "-"),
            List.of("--format", "sarif", "--fail-on", "warning", "x"),
            List.of("--format=json", "--fail-on=none", "x"),
            List.of("-f", "compact", "-q", "-c", "cfg.json", "-j", "3", "x", "y"),
            List.of("x", "--quiet", "y", "--model", "RTX830", "--openwrt-release", "23.05"),
            List.of("--baseline", "b.json", "--write-baseline=w.json", "x"),
            List.of("--stdin", "--stdin-filename", "etc/config/network"),
            List.of("--", "-odd-name.conf", "--format"),
            List.of());

    private static final List<List<String>> LEFT_TO_PICOCLI = List.of(
            List.of("--help"), List.of("-h"), List.of("-V"), List.of("--version"),
            List.of("-qf", "json", "x"), List.of("-fjson", "x"), List.of("-f=json", "x"),
            List.of("--format", "json", "--format", "text", "x"), List.of("-q", "--quiet", "x"),
            List.of("--format"), List.of("--jobs", "-1", "x"), List.of("--jobs", "two", "x"), List.of("--jobs", "+2", "x"),
            List.of("--quiet=true", "x"), List.of("--no-such-option", "x"), List.of("@args.txt"), List.of(""),
            List.of("--config", "--format", "x"));

    @Test
    void readsWhatPicocliReads() {
        for (List<String> args : READ_QUICKLY) {
            LintCommand quick = new LintCommand();
            assertTrue(quick.readQuickly(args.toArray(String[]::new)), "read quickly: " + args);
            LintCommand picocli = new LintCommand();
            new CommandLine(picocli).parseArgs(args.toArray(String[]::new));
            assertEquals(fields(picocli), fields(quick), args.toString());
        }
    }

    @Test
    void leavesEverythingElseToPicocli() {
        for (List<String> args : LEFT_TO_PICOCLI) {
            assertFalse(new LintCommand().readQuickly(args.toArray(String[]::new)), args.toString());
        }
    }

    @Test
    void knowsEveryOptionOfTheCommand() {
        // an option added to LintCommand but not to readQuickly would still work (picocli reads it), only slower
        for (CommandLine.Model.OptionSpec o : new CommandLine(new LintCommand()).getCommandSpec().options()) {
            if (o.usageHelp() || o.versionHelp()) continue;
            String[] args = o.arity().max == 0 ? new String[]{o.longestName(), "x"} : new String[]{o.longestName(), "1", "x"};
            assertTrue(new LintCommand().readQuickly(args), "readQuickly knows " + o.longestName());
        }
    }

    private static List<Object> fields(LintCommand c) {
        return Arrays.asList(c.format, c.failOn, c.quiet, c.config, c.baseline, c.writeBaseline, c.stdin, c.stdinFilename,
                c.jobs, c.analysis.model, c.analysis.openwrtRelease, c.analysis.paths);
    }
}
