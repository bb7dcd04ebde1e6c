package dev.routerls.openwrt.shell;

import dev.routerls.core.SourceRange;

import java.util.List;

/**
 * A firewall command ({@code iptables}, {@code ip6tables}, {@code nft} and their -legacy/-nft
 * variants) the script would run, with its arguments expanded.
 *
 * @param program     the command name as run (basename, e.g. "iptables")
 * @param argv        all words including argv[0], each with the range of the source word it came from
 * @param range       the source command
 * @param loops       enclosing loop passes, outermost first (empty outside loops)
 * @param conditional true when the command was reached only under a condition the evaluator could not
 *                    decide (e.g. {@code [ -f /etc/x ]}); such commands may or may not run
 */
public record EvaluatedCommand(String program, List<EvaluatedWord> argv, SourceRange range, List<LoopIteration> loops,
                               boolean conditional) {

    public EvaluatedCommand {
        argv = List.copyOf(argv);
        loops = List.copyOf(loops);
    }

    /** True when every word is fully known. */
    public boolean known() {
        return argv.stream().allMatch(EvaluatedWord::known);
    }

    /** The words as strings, unknown stretches shown as ‹…›. */
    public List<String> argvDisplay() {
        return argv.stream().map(EvaluatedWord::display).toList();
    }

    /** The command line as one string, for messages. */
    public String display() {
        return String.join(" ", argvDisplay());
    }

    public boolean isIptables() {
        return program.startsWith("iptables") || program.startsWith("ip6tables");
    }

    public boolean isNft() {
        return program.equals("nft");
    }
}
