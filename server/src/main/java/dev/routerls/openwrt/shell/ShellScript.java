package dev.routerls.openwrt.shell;

import dev.routerls.core.LineIndex;
import dev.routerls.core.SourceRange;
import dev.routerls.core.Unanalysed;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    /** The top-level command whose text holds {@code range} (e.g. the loop around an evaluated command). */
    public Optional<ShellCommand> topLevelCommandAt(SourceRange range) {
        return commands().stream().filter(c -> c.range().contains(range)).findFirst();
    }

    /**
     * Nothing but blanks before {@code range} on its first line, and blanks or a comment after it on its last:
     * whole lines can be commented out, or text inserted after them, without touching anything else.
     */
    public boolean onOwnLines(SourceRange range) {
        LineIndex index = new LineIndex(text);
        String first = index.line(range.startLine());
        String last = index.line(range.endLine());
        if (!first.substring(0, Math.min(range.startColumn(), first.length())).isBlank()) return false;
        String rest = last.substring(Math.min(range.endColumn(), last.length())).strip();
        return rest.isEmpty() || rest.startsWith("#") || rest.equals(";");
    }
}
