package dev.routerls.openwrt.shell;

import dev.routerls.core.Diagnostic;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed firewall.user-style shell script: its top-level commands and the syntax problems found
 * (rule {@code openwrt/shell-syntax}, errors). A statement with a syntax error is left out; the rest
 * of the script is still parsed.
 */
public record ShellScript(String uri, String text, ShellCommand.Sequence body, List<Diagnostic> problems) {

    public ShellScript {
        problems = List.copyOf(problems);
    }

    public static ShellScript parse(String uri, String text) {
        List<Diagnostic> problems = new ArrayList<>();
        ShellCommand.Sequence body = new ShellSyntax(uri, problems).script(MappedText.ofDocument(text));
        return new ShellScript(uri, text, body, problems);
    }

    /** The top-level commands in source order. */
    public List<ShellCommand> commands() {
        return body.commands();
    }
}
