package dev.routerls.openwrt.shell;

import dev.routerls.core.SourceRange;

import java.util.ArrayList;
import java.util.List;

/** The commands of a parsed script. Every node keeps the document range it was parsed from. */
public sealed interface ShellCommand {
    SourceRange range();

    /**
     * The commands nested directly in this one, in source order (an {@code if}'s conditions and bodies, a loop's
     * condition and body …): what a walk over the tree descends into where a node needs no handling of its own.
     */
    List<ShellCommand> children();

    /** {@code NAME=value ... word ... redirections}. {@code words} may be empty (assignments only). */
    record Simple(List<Assignment> assignments, List<ShellWord> words, List<Redirection> redirections,
                  SourceRange range) implements ShellCommand {
        public Simple {
            assignments = List.copyOf(assignments);
            words = List.copyOf(words);
            redirections = List.copyOf(redirections);
        }

        @Override
        public List<ShellCommand> children() {
            return List.of();
        }
    }

    /** {@code a | b | c}, optionally negated with {@code !}. */
    record Pipeline(List<ShellCommand> commands, boolean negated, SourceRange range) implements ShellCommand {
        public Pipeline {
            commands = List.copyOf(commands);
        }

        @Override
        public List<ShellCommand> children() {
            return commands;
        }
    }

    /** {@code a && b || c}: {@code operators.get(i)} joins {@code commands.get(i)} and {@code i+1}. */
    record AndOr(List<ShellCommand> commands, List<Operator> operators, SourceRange range) implements ShellCommand {
        public AndOr {
            commands = List.copyOf(commands);
            operators = List.copyOf(operators);
        }

        @Override
        public List<ShellCommand> children() {
            return commands;
        }
    }

    enum Operator { AND, OR }

    /** Commands run one after another (separated by newlines or {@code ;}). */
    record Sequence(List<ShellCommand> commands, SourceRange range) implements ShellCommand {
        public Sequence {
            commands = List.copyOf(commands);
        }

        @Override
        public List<ShellCommand> children() {
            return commands;
        }
    }

    /** A command ended by {@code &}. */
    record Background(ShellCommand command, SourceRange range) implements ShellCommand {
        @Override
        public List<ShellCommand> children() {
            return present(command);
        }
    }

    record BraceGroup(Sequence body, SourceRange range) implements ShellCommand {
        @Override
        public List<ShellCommand> children() {
            return present(body);
        }
    }

    record Subshell(Sequence body, SourceRange range) implements ShellCommand {
        @Override
        public List<ShellCommand> children() {
            return present(body);
        }
    }

    /** {@code if}/{@code elif} branches in order; {@code elseBody} is null without {@code else}. */
    record If(List<Branch> branches, Sequence elseBody, SourceRange range) implements ShellCommand {
        public If {
            branches = List.copyOf(branches);
        }

        @Override
        public List<ShellCommand> children() {
            List<ShellCommand> out = new ArrayList<>();
            for (Branch b : branches) {
                out.add(b.condition());
                out.add(b.body());
            }
            out.add(elseBody);
            return present(out.toArray(ShellCommand[]::new));
        }
    }

    record Branch(Sequence condition, Sequence body) {
    }

    /** {@code while} (or {@code until} when {@code until} is true). */
    record Loop(boolean until, Sequence condition, Sequence body, SourceRange range) implements ShellCommand {
        @Override
        public List<ShellCommand> children() {
            return present(condition, body);
        }
    }

    /** {@code for variable in items; do body; done}; {@code items} is null without {@code in} (then "$@"). */
    record For(String variable, SourceRange variableRange, List<ShellWord> items, Sequence body, SourceRange range)
            implements ShellCommand {
        public For {
            items = items == null ? null : List.copyOf(items);
        }

        @Override
        public List<ShellCommand> children() {
            return present(body);
        }
    }

    record Case(ShellWord subject, List<CaseItem> items, SourceRange range) implements ShellCommand {
        public Case {
            items = List.copyOf(items);
        }

        @Override
        public List<ShellCommand> children() {
            return present(items.stream().map(CaseItem::body).toArray(ShellCommand[]::new));
        }
    }

    record CaseItem(List<ShellWord> patterns, Sequence body, SourceRange range) {
        public CaseItem {
            patterns = List.copyOf(patterns);
        }
    }

    record FunctionDefinition(String name, SourceRange nameRange, ShellCommand body, SourceRange range)
            implements ShellCommand {
        @Override
        public List<ShellCommand> children() {
            return present(body);
        }
    }

    /** A compound command with redirections after it, e.g. {@code done < file}. */
    record Redirected(ShellCommand command, List<Redirection> redirections, SourceRange range) implements ShellCommand {
        public Redirected {
            redirections = List.copyOf(redirections);
        }

        @Override
        public List<ShellCommand> children() {
            return present(command);
        }
    }

    record Assignment(String name, ShellWord value, SourceRange range) {
    }

    /**
     * {@code [fd]operator target}. {@code fd} is -1 when not written. For here-documents
     * ({@code <<}, {@code <<-}) {@code target} is the delimiter word and {@code hereDocument} the body.
     */
    record Redirection(int fd, String operator, ShellWord target, HereDocument hereDocument, SourceRange range) {
    }

    /**
     * A here-document body. {@code expands} is false when the delimiter was quoted (body taken
     * literally). {@code terminated} is false when the script ended before the delimiter line.
     */
    record HereDocument(String delimiter, boolean expands, boolean stripTabs, ShellWord body, boolean terminated,
                        SourceRange range) {
    }

    /** The commands given that are there (a missing part of a broken construct is null). */
    private static List<ShellCommand> present(ShellCommand... commands) {
        List<ShellCommand> out = new ArrayList<>(commands.length);
        for (ShellCommand c : commands) if (c != null) out.add(c);
        return out;
    }
}
