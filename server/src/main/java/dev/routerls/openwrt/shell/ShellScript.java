package dev.routerls.openwrt.shell;

import dev.routerls.core.Unanalysed;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed firewall.user-style shell script: its top-level commands, the syntax problems found and the
 * part not read when the analysis budget ran out. A statement with a syntax error is left out; the rest
 * of the script is still parsed.
 */
public record ShellScript(String uri, String text, ShellCommand.Sequence body, List<ShellProblem> problems,
                          List<Unanalysed> unanalysed) {

    public ShellScript {
        problems = List.copyOf(problems);
        unanalysed = List.copyOf(unanalysed);
    }

    public static ShellScript parse(String uri, String text) {
        List<ShellProblem> problems = new ArrayList<>();
        List<Unanalysed> unanalysed = new ArrayList<>();
        ShellCommand.Sequence body = new ShellSyntax(uri, problems, unanalysed).script(MappedText.ofDocument(text));
        return new ShellScript(uri, text, body, problems, unanalysed);
    }

    /** The top-level commands in source order. */
    public List<ShellCommand> commands() {
        return body.commands();
    }
}
