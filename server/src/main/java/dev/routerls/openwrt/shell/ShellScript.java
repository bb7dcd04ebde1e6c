package dev.routerls.openwrt.shell;

import dev.routerls.core.Diagnostic;
import dev.routerls.core.LineIndex;
import dev.routerls.core.SourceRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    /** The top-level command whose text holds {@code range} (e.g. the loop around an evaluated command). */
    public Optional<ShellCommand> topLevelCommandAt(SourceRange range) {
        return commands().stream().filter(c -> contains(c.range(), range)).findFirst();
    }

    /** True when {@code inner} lies within {@code outer}. */
    public static boolean contains(SourceRange outer, SourceRange inner) {
        return before(outer.startLine(), outer.startColumn(), inner.startLine(), inner.startColumn())
                && before(inner.endLine(), inner.endColumn(), outer.endLine(), outer.endColumn());
    }

    private static boolean before(int l1, int c1, int l2, int c2) {
        return l1 < l2 || l1 == l2 && c1 <= c2;
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
