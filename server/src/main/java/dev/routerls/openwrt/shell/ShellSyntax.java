package dev.routerls.openwrt.shell;

import dev.routerls.core.AnalysisBudget;
import dev.routerls.core.SourceRange;
import dev.routerls.core.Unanalysed;
import dev.routerls.grammar.ShellLexer;
import dev.routerls.grammar.ShellParser;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.TerminalNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns script text into {@link ShellCommand}s with the ShellLexer/ShellParser grammars.
 * The parser runs one logical line at a time and stops at the first error in it; the statement is
 * reported once and parsing resumes at the next line where the broken construct has closed.
 */
final class ShellSyntax {
    private static final int MAX_NESTING = 40;

    private final String uri;
    private final List<ShellProblem> problems;
    private final List<Unanalysed> unanalysed;
    private final WordParser words = new WordParser(this);
    private int nesting;
    private boolean tooDeepReported;

    ShellSyntax(String uri, List<ShellProblem> problems, List<Unanalysed> unanalysed) {
        this.uri = uri;
        this.problems = problems;
        this.unanalysed = unanalysed;
    }

    /** Parses a whole script (or the inside of a command substitution). */
    ShellCommand.Sequence script(MappedText text) {
        ShellLexer lexer = new ShellLexer(CharStreams.fromString(text.text()));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        ShellParser parser = new ShellParser(tokens);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        TreeBuilder builder = new TreeBuilder(text, hereDocumentBodies(tokens));
        List<ShellCommand> commands = new ArrayList<>();
        int statements = 0;
        while (true) {
            while (tokens.LA(1) == ShellLexer.NEWLINE) tokens.consume();
            if (tokens.LA(1) == Token.EOF) break;
            if ((++statements & 255) == 0 && AnalysisBudget.current().spent()) {
                SourceRange rest = text.range(tokens.LT(1).getStartIndex(), text.length());
                unanalysed.add(AnalysisBudget.current().stopped(uri, rest, "the statements from here on were not read."));
                break;
            }
            int start = tokens.index();
            try {
                ShellParser.LineContext line = parser.line();
                ShellCommand.Sequence list = builder.list(line.list());
                if (list.commands().size() == 1) commands.add(list.commands().get(0));
                else commands.add(list);
            } catch (StackOverflowError e) {
                // thousands of nested ( or { exhaust the recursive parser: report the statement, go on after it
                problems.add(syntax(firstLine(text, tokens.get(start)),
                        "This statement is nested too deeply to analyse (thousands of open groups); the rest of the"
                                + " script is still checked. Close the groups or split the statement."));
                tokens.seek(start);
                while (tokens.LA(1) != Token.EOF && tokens.LA(1) != ShellLexer.NEWLINE) tokens.consume();
            } catch (ParseCancellationException e) {
                Token offending = offendingToken(e, tokens);
                report(text, tokens, start, offending, e.getCause() instanceof RecognitionException re ? re : null, parser);
                int resume = resumeIndex(tokens, start, offending.getTokenIndex());
                tokens.seek(Math.max(resume, start + 1));
            }
        }
        return new ShellCommand.Sequence(commands, text.whole());
    }

    /** The inside of {@code $(...)} or backquotes. */
    ShellCommand.Sequence nested(MappedText text) {
        if (!enter(text)) return new ShellCommand.Sequence(List.of(), text.whole());
        try {
            return script(text);
        } finally {
            leave();
        }
    }

    /**
     * Goes one level deeper into nested forms ($(...), `...`, $((...)), ${...}); false (after one finding for
     * the whole script) when that would pass {@value #MAX_NESTING} levels: each level reads its inside again, so
     * the bound keeps the work linear in the script's length.
     */
    boolean enter(MappedText inner) {
        if (nesting >= MAX_NESTING) {
            if (!tooDeepReported) {
                tooDeepReported = true;
                problems.add(syntax(firstLineOf(inner),
                        "Substitutions and expansions are nested more than " + MAX_NESTING
                                + " deep here; the inner ones are not analysed. Flatten them with variables."));
            }
            return false;
        }
        nesting++;
        return true;
    }

    void leave() {
        nesting--;
    }

    /** The first line of a piece of text (a finding over thousands of lines would hide the rest). */
    private static SourceRange firstLineOf(MappedText text) {
        SourceRange r = text.whole();
        return r.startLine() == r.endLine() ? r : new SourceRange(r.startLine(), r.startColumn(), r.startLine(),
                r.startColumn() + 1);
    }

    // ------------------------------------------------------------------ errors

    private static Token offendingToken(ParseCancellationException e, CommonTokenStream tokens) {
        if (e.getCause() instanceof RecognitionException re && re.getOffendingToken() != null) {
            return re.getOffendingToken();
        }
        return tokens.LT(1);
    }

    private void report(MappedText text, CommonTokenStream tokens, int start, Token offending, RecognitionException cause,
                        ShellParser parser) {
        SourceRange range;
        String message;
        if (offending.getType() == Token.EOF) {
            String closer = missingCloser(tokens, start);
            Token first = tokens.get(start);
            range = firstLine(text, first);
            message = closer == null
                    ? "The script ends in the middle of this command; complete it or remove it."
                    : "This '" + first.getText() + "' construct is never closed: the script ends before its '" + closer
                    + "'. Add the missing '" + closer + "'; the construct is not analysed.";
        } else if (offending instanceof ShellLexer.UnclosedToken u) {
            range = text.range(u.openerStart, u.openerStart + u.opener.length());
            message = switch (u.opener) {
                case "'", "\"", "`" -> "This quote is never closed, so the shell reads the rest of the script as one string."
                        + " Add the closing " + u.opener + ".";
                case "${" -> "This '${' is never closed, so the shell reads the rest of the script into the expansion."
                        + " Add the closing '}'.";
                default -> "This '" + u.opener + "' is never closed, so the shell reads the rest of the script into the"
                        + " command substitution. Add the closing ')'.";
            };
        } else {
            range = firstLine(text, offending);
            String expected = expected(cause, parser);
            message = "Unexpected " + describe(offending) + (expected == null ? "" : " (expected " + expected + ")")
                    + "; the shell would reject this statement. It is skipped and analysis continues after it.";
        }
        problems.add(syntax(range, message));
    }

    private static ShellProblem syntax(SourceRange range, String message) {
        return new ShellProblem(ShellProblem.Kind.SYNTAX, range, message);
    }

    private static SourceRange firstLine(MappedText text, Token t) {
        String s = t.getText() == null ? "" : t.getText();
        int nl = s.indexOf('\n');
        int len = s.codePointCount(0, nl >= 0 ? nl : s.length());
        return text.range(t.getStartIndex(), t.getStartIndex() + Math.max(len, 0));
    }

    private static String describe(Token t) {
        return switch (t.getType()) {
            case ShellLexer.NEWLINE -> "end of line";
            case ShellLexer.ERROR_CHAR -> "character '" + t.getText() + "'";
            default -> "'" + t.getText() + "'";
        };
    }

    /** A short list of what would have been accepted, when it is short enough to help. */
    private static String expected(RecognitionException cause, ShellParser parser) {
        if (cause == null) return null;
        IntervalSet set;
        try {
            set = cause.getExpectedTokens();
        } catch (RuntimeException e) {
            return null;
        }
        if (set == null || set.size() == 0 || set.size() > 3) return null;
        List<String> names = new ArrayList<>();
        for (int type : set.toList()) {
            names.add(switch (type) {
                case Token.EOF -> "end of script";
                case ShellLexer.NEWLINE -> "end of line";
                default -> parser.getVocabulary().getDisplayName(type);
            });
        }
        return String.join(" or ", names);
    }

    /** The closing word of the innermost construct still open at the end of the tokens. */
    private static String missingCloser(CommonTokenStream tokens, int start) {
        List<String> open = new ArrayList<>();
        for (int i = start; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.getChannel() != Token.DEFAULT_CHANNEL) continue;
            switch (t.getType()) {
                case ShellLexer.IF -> open.add("fi");
                case ShellLexer.DO -> open.add("done");
                case ShellLexer.CASE -> open.add("esac");
                case ShellLexer.LBRACE -> open.add("}");
                case ShellLexer.LPAREN -> open.add(")");
                case ShellLexer.FI, ShellLexer.DONE, ShellLexer.ESAC, ShellLexer.RBRACE, ShellLexer.RPAREN -> {
                    if (!open.isEmpty()) open.remove(open.size() - 1);
                }
                default -> {
                }
            }
        }
        if (open.isEmpty()) {
            // `while cond` without `do` yet
            for (int i = start; i < tokens.size(); i++) {
                int type = tokens.get(i).getType();
                if (type == ShellLexer.WHILE || type == ShellLexer.UNTIL || type == ShellLexer.FOR) return "do";
            }
            return null;
        }
        return open.get(open.size() - 1);
    }

    /**
     * Where to continue after a broken statement: the first newline at or after the error where the
     * if/do/case/{ constructs opened since the statement began are closed again.
     */
    private static int resumeIndex(CommonTokenStream tokens, int start, int errorIndex) {
        int depth = 0;
        for (int i = start; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.getType() == Token.EOF) return i;
            if (t.getChannel() != Token.DEFAULT_CHANNEL) continue;
            switch (t.getType()) {
                case ShellLexer.IF, ShellLexer.DO, ShellLexer.CASE, ShellLexer.LBRACE -> depth++;
                case ShellLexer.FI, ShellLexer.DONE, ShellLexer.ESAC, ShellLexer.RBRACE -> depth--;
                case ShellLexer.NEWLINE -> {
                    if (i >= errorIndex && depth <= 0) return i + 1;
                }
                default -> {
                }
            }
        }
        return tokens.size() - 1;
    }

    // ------------------------------------------------------------------ here-documents

    /** Pairs each {@code <<} operator (by token index) with the body the lexer read for it. */
    private static Map<Integer, Token> hereDocumentBodies(CommonTokenStream tokens) {
        List<Token> bodies = new ArrayList<>();
        List<Integer> operators = new ArrayList<>();
        List<Token> all = tokens.getTokens();
        for (int i = 0; i < all.size(); i++) {
            Token t = all.get(i);
            if (t.getType() == ShellLexer.HEREDOC_BODY) {
                bodies.add(t);
            } else if ((t.getType() == ShellLexer.DLESS || t.getType() == ShellLexer.DLESSDASH)) {
                Token next = nextDefault(all, i + 1);
                if (next != null && next.getType() != ShellLexer.NEWLINE && next.getType() != Token.EOF) operators.add(i);
            }
        }
        Map<Integer, Token> map = new HashMap<>();
        for (int i = 0; i < operators.size() && i < bodies.size(); i++) map.put(operators.get(i), bodies.get(i));
        return map;
    }

    private static Token nextDefault(List<Token> all, int from) {
        for (int i = from; i < all.size(); i++) {
            if (all.get(i).getChannel() == Token.DEFAULT_CHANNEL) return all.get(i);
        }
        return null;
    }

    // ------------------------------------------------------------------ parse tree to commands

    private final class TreeBuilder {
        private final MappedText text;
        private final Map<Integer, Token> bodies;

        TreeBuilder(MappedText text, Map<Integer, Token> bodies) {
            this.text = text;
            this.bodies = bodies;
        }

        private SourceRange range(ParserRuleContext ctx) {
            Token stop = ctx.getStop() == null || ctx.getStop().getTokenIndex() < ctx.getStart().getTokenIndex()
                    ? ctx.getStart() : ctx.getStop();
            int end = stop.getType() == Token.EOF ? stop.getStartIndex() : stop.getStopIndex() + 1;
            return text.range(ctx.getStart().getStartIndex(), Math.max(end, ctx.getStart().getStartIndex()));
        }

        ShellCommand.Sequence list(ShellParser.ListContext ctx) {
            List<ShellCommand> out = new ArrayList<>();
            List<ShellParser.AndOrContext> items = ctx.andOr();
            List<ShellParser.SeparatorOpContext> seps = ctx.separatorOp();
            for (int i = 0; i < items.size(); i++) {
                boolean background = i < seps.size() && seps.get(i).AMP() != null;
                out.add(maybeBackground(andOr(items.get(i)), background));
            }
            return new ShellCommand.Sequence(out, range(ctx));
        }

        private ShellCommand maybeBackground(ShellCommand c, boolean background) {
            return background ? new ShellCommand.Background(c, c.range()) : c;
        }

        ShellCommand.Sequence compoundList(ShellParser.CompoundListContext ctx) {
            ShellParser.TermContext term = ctx.term();
            return term(term, range(ctx));
        }

        private ShellCommand.Sequence term(ShellParser.TermContext term, SourceRange range) {
            List<ShellCommand> out = new ArrayList<>();
            List<ShellParser.AndOrContext> items = term.andOr();
            // separators follow their and-or list; the optional trailing one belongs to the parent
            List<ShellParser.SeparatorContext> seps = term.separator();
            ParserRuleContext parent = term.getParent();
            ShellParser.SeparatorContext trailing = null;
            if (parent instanceof ShellParser.CompoundListContext cl) trailing = cl.separator();
            if (parent instanceof ShellParser.CaseItemContext ci) trailing = ci.separator();
            for (int i = 0; i < items.size(); i++) {
                ShellParser.SeparatorContext sep = i < seps.size() ? seps.get(i) : trailing;
                boolean background = sep != null && sep.separatorOp() != null && sep.separatorOp().AMP() != null;
                out.add(maybeBackground(andOr(items.get(i)), background));
            }
            return new ShellCommand.Sequence(out, range);
        }

        ShellCommand andOr(ShellParser.AndOrContext ctx) {
            List<ShellParser.PipelineContext> ps = ctx.pipeline();
            if (ps.size() == 1) return pipeline(ps.get(0));
            List<ShellCommand> cmds = new ArrayList<>();
            for (ShellParser.PipelineContext p : ps) cmds.add(pipeline(p));
            List<ShellCommand.Operator> ops = new ArrayList<>();
            for (ShellParser.AndOrOpContext op : ctx.andOrOp()) {
                ops.add(op.AND_IF() != null ? ShellCommand.Operator.AND : ShellCommand.Operator.OR);
            }
            return new ShellCommand.AndOr(cmds, ops, range(ctx));
        }

        ShellCommand pipeline(ShellParser.PipelineContext ctx) {
            List<ShellCommand> cmds = new ArrayList<>();
            for (ShellParser.CommandContext c : ctx.command()) cmds.add(command(c));
            boolean negated = ctx.BANG() != null;
            if (cmds.size() == 1 && !negated) return cmds.get(0);
            return new ShellCommand.Pipeline(cmds, negated, range(ctx));
        }

        ShellCommand command(ShellParser.CommandContext ctx) {
            if (ctx.functionDefinition() != null) return function(ctx.functionDefinition());
            if (ctx.simpleCommand() != null) return simple(ctx.simpleCommand());
            ShellCommand inner = compound(ctx.compoundCommand());
            if (ctx.redirection().isEmpty()) return inner;
            return new ShellCommand.Redirected(inner, redirections(ctx.redirection()), range(ctx));
        }

        private ShellCommand function(ShellParser.FunctionDefinitionContext ctx) {
            ShellParser.FunctionBodyContext body = ctx.functionBody();
            ShellCommand inner = compound(body.compoundCommand());
            if (!body.redirection().isEmpty()) {
                inner = new ShellCommand.Redirected(inner, redirections(body.redirection()), range(body));
            }
            Token name = ctx.functionName().getStart();
            return new ShellCommand.FunctionDefinition(name.getText(), tokenRange(name), inner, range(ctx));
        }

        ShellCommand compound(ShellParser.CompoundCommandContext ctx) {
            SourceRange r = range(ctx);
            if (ctx.braceGroup() != null) return new ShellCommand.BraceGroup(compoundList(ctx.braceGroup().compoundList()), r);
            if (ctx.subshell() != null) return new ShellCommand.Subshell(compoundList(ctx.subshell().compoundList()), r);
            if (ctx.ifClause() != null) {
                ShellParser.IfClauseContext c = ctx.ifClause();
                List<ShellCommand.Branch> branches = new ArrayList<>();
                branches.add(new ShellCommand.Branch(compoundList(c.compoundList(0)), compoundList(c.compoundList(1))));
                for (ShellParser.ElifBranchContext e : c.elifBranch()) {
                    branches.add(new ShellCommand.Branch(compoundList(e.compoundList(0)), compoundList(e.compoundList(1))));
                }
                ShellCommand.Sequence elseBody = c.elseBranch() == null ? null : compoundList(c.elseBranch().compoundList());
                return new ShellCommand.If(branches, elseBody, r);
            }
            if (ctx.whileClause() != null) {
                ShellParser.WhileClauseContext c = ctx.whileClause();
                return new ShellCommand.Loop(false, compoundList(c.compoundList()), compoundList(c.doGroup().compoundList()), r);
            }
            if (ctx.untilClause() != null) {
                ShellParser.UntilClauseContext c = ctx.untilClause();
                return new ShellCommand.Loop(true, compoundList(c.compoundList()), compoundList(c.doGroup().compoundList()), r);
            }
            if (ctx.forClause() != null) {
                ShellParser.ForClauseContext c = ctx.forClause();
                List<ShellWord> items = null;
                if (c.IN() != null) {
                    items = new ArrayList<>();
                    List<ShellParser.AnyWordContext> ws = c.anyWord();
                    for (int i = 1; i < ws.size(); i++) items.add(word(ws.get(i)));
                }
                Token name = c.forName.getStart();
                if (!WordParser.isName(name.getText())) {
                    problems.add(syntax(tokenRange(name),
                            "'" + name.getText() + "' is not a valid variable name for a for loop; the shell rejects it."));
                }
                return new ShellCommand.For(name.getText(), tokenRange(name), items, compoundList(c.doGroup().compoundList()), r);
            }
            ShellParser.CaseClauseContext c = ctx.caseClause();
            List<ShellCommand.CaseItem> items = new ArrayList<>();
            for (ShellParser.CaseItemContext item : c.caseItem()) {
                List<ShellWord> patterns = new ArrayList<>();
                for (ShellParser.PatternWordContext p : item.pattern().patternWord()) patterns.add(wordOf(p.getStart()));
                ShellCommand.Sequence body = item.term() == null
                        ? new ShellCommand.Sequence(List.of(), range(item))
                        : term(item.term(), range(item.term()));
                items.add(new ShellCommand.CaseItem(patterns, body, range(item)));
            }
            return new ShellCommand.Case(word(c.subject), items, r);
        }

        ShellCommand.Simple simple(ShellParser.SimpleCommandContext ctx) {
            List<ShellCommand.Assignment> assignments = new ArrayList<>();
            List<ShellWord> ws = new ArrayList<>();
            List<ShellCommand.Redirection> redirections = new ArrayList<>();
            if (ctx.prefix() != null) {
                for (var child : ctx.prefix().children) {
                    if (child instanceof ShellParser.RedirectionContext rc) {
                        redirections.add(redirection(rc));
                    } else if (child instanceof TerminalNode tn) {
                        assignments.add(assignment(tn.getSymbol()));
                    }
                }
            }
            if (ctx.commandName() != null) ws.add(wordOf(ctx.commandName().getStart()));
            if (ctx.suffix() != null) {
                for (var child : ctx.suffix().children) {
                    if (child instanceof ShellParser.RedirectionContext rc) {
                        redirections.add(redirection(rc));
                    } else if (child instanceof ShellParser.AnyWordContext aw) {
                        ws.add(word(aw));
                    }
                }
            }
            return new ShellCommand.Simple(assignments, ws, redirections, range(ctx));
        }

        private ShellCommand.Assignment assignment(Token t) {
            String s = t.getText();
            int eq = s.indexOf('=');
            int start = t.getStartIndex();
            int nameLen = s.codePointCount(0, eq);
            ShellWord value = words.word(text.slice(start + nameLen + 1, t.getStopIndex() + 1));
            return new ShellCommand.Assignment(s.substring(0, eq), value, tokenRange(t));
        }

        private List<ShellCommand.Redirection> redirections(List<ShellParser.RedirectionContext> list) {
            List<ShellCommand.Redirection> out = new ArrayList<>();
            for (ShellParser.RedirectionContext r : list) out.add(redirection(r));
            return out;
        }

        private ShellCommand.Redirection redirection(ShellParser.RedirectionContext ctx) {
            int fd = -1;
            if (ctx.IO_NUMBER() != null) {
                try {
                    fd = Integer.parseInt(ctx.IO_NUMBER().getText());
                } catch (NumberFormatException e) {
                    fd = Integer.MAX_VALUE;
                }
            }
            if (ctx.fileRedirection() != null) {
                ShellParser.FileRedirectionContext f = ctx.fileRedirection();
                return new ShellCommand.Redirection(fd, f.op.getText(), word(f.anyWord()), null, range(ctx));
            }
            ShellParser.HereDocumentContext h = ctx.hereDocument();
            ShellWord delimiterWord = word(h.anyWord());
            String delimiter = ShellLexer.heredocDelimiter(delimiterWord.text());
            boolean stripTabs = h.op.getType() == ShellLexer.DLESSDASH;
            boolean expands = delimiterWord.text().chars().noneMatch(ch -> ch == '\'' || ch == '"' || ch == '\\');
            Token body = bodies.get(h.op.getTokenIndex());
            ShellCommand.HereDocument doc;
            if (body == null) {
                SourceRange at = range(ctx);
                problems.add(syntax(at,
                        "This here-document has no body: the script ends before the line after it. Add the body and a line '"
                                + delimiter + "'."));
                doc = new ShellCommand.HereDocument(delimiter, expands, stripTabs,
                        new ShellWord("", List.of(), at), false, at);
            } else {
                doc = hereDocument(body, delimiter, expands, stripTabs, range(ctx));
            }
            return new ShellCommand.Redirection(fd, h.op.getText(), delimiterWord, doc, range(ctx));
        }

        private ShellCommand.HereDocument hereDocument(Token body, String delimiter, boolean expands, boolean stripTabs,
                                                       SourceRange operatorRange) {
            MappedText all = text.slice(body.getStartIndex(), body.getStopIndex() + 1);
            // find the start of the last line: it is the delimiter when the document is terminated
            int lastLineStart = 0;
            for (int i = 0; i < all.length(); i++) if (all.codePointAt(i) == '\n') lastLineStart = i + 1;
            String last = all.slice(lastLineStart, all.length()).text().replace("\r", "");
            String lastStripped = stripTabs ? last.replaceFirst("^\t+", "") : last;
            boolean terminated = lastStripped.equals(delimiter);
            MappedText content = terminated ? all.slice(0, lastLineStart) : all;
            if (stripTabs) {
                boolean[] drop = new boolean[content.length()];
                boolean lineStart = true;
                for (int i = 0; i < content.length(); i++) {
                    int c = content.codePointAt(i);
                    if (lineStart && c == '\t') {
                        drop[i] = true;
                        continue;
                    }
                    lineStart = c == '\n';
                }
                content = content.select(i -> !drop[i]);
            }
            ShellWord word = expands
                    ? words.expandableText(content)
                    : new ShellWord(content.text(), List.of(new ShellWord.Literal(content.text(), true, content.whole())),
                    content.whole());
            if (!terminated) {
                problems.add(syntax(operatorRange,
                        "This here-document is never closed: no line '" + delimiter
                                + "' follows, so it swallows the rest of the script. Add the delimiter line."));
            }
            return new ShellCommand.HereDocument(delimiter, expands, stripTabs, word, terminated, all.whole());
        }

        private ShellWord word(ShellParser.AnyWordContext ctx) {
            return wordOf(ctx.getStart());
        }

        private ShellWord wordOf(Token t) {
            return words.word(text.slice(t.getStartIndex(), t.getStopIndex() + 1));
        }

        private SourceRange tokenRange(Token t) {
            return text.range(t.getStartIndex(), t.getStopIndex() + 1);
        }
    }
}
