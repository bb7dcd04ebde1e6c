package dev.routerls.openwrt.shell;

import dev.routerls.core.SourceRange;

import java.util.List;

/**
 * One shell word as written, taken apart into literal text and expansions. {@code text} is the
 * source spelling (quotes included); {@code range} is where it is in the document.
 */
public record ShellWord(String text, List<Part> parts, SourceRange range) {

    public ShellWord {
        parts = List.copyOf(parts);
    }

    /** True when the word has no expansion, so its value is known from the text alone. */
    public boolean isLiteral() {
        return parts.stream().allMatch(p -> p instanceof Literal);
    }

    /** The value of a literal word (quotes removed); null when the word contains expansions. */
    public String literalValue() {
        if (!isLiteral()) return null;
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) sb.append(((Literal) p).text());
        return sb.toString();
    }

    /** A piece of a word. {@code quoted} parts are not split into fields. */
    public sealed interface Part permits Literal, Parameter, CommandSubstitution, Arithmetic {
        boolean quoted();

        SourceRange range();
    }

    /** Literal characters (quotes and escaping backslashes already removed). */
    public record Literal(String text, boolean quoted, SourceRange range) implements Part {
    }

    /**
     * {@code $name}, {@code ${name}} or {@code ${name<operator>argument}}. Operators: {@code - :- = := + :+
     * ? :? # ## % %%}, {@code length} for {@code ${#name}}, {@code unsupported} for forms the evaluator
     * does not follow (argument then null).
     */
    public record Parameter(String name, String operator, ShellWord argument, boolean quoted, SourceRange range)
            implements Part {
    }

    /** {@code $(...)} or a backquoted command; {@code body} is the parsed inner script. */
    public record CommandSubstitution(ShellCommand.Sequence body, boolean backquoted, boolean quoted, SourceRange range)
            implements Part {
    }

    /** {@code $((...))}; the expression text is itself expanded before it is computed. */
    public record Arithmetic(ShellWord expression, boolean quoted, SourceRange range) implements Part {
    }
}
