package dev.routerls.services.uci;

import dev.routerls.core.SourceRange;
import dev.routerls.openwrt.mape.SnatBlockGenerator;
import dev.routerls.openwrt.shell.ShellCommand;
import dev.routerls.openwrt.shell.ShellScript;
import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.feature.OutlineParticipant;
import dev.routerls.services.types.FoldRange;
import dev.routerls.services.types.OutlineSymbol;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The outline of firewall.user (top-level variables, functions, loops and conditionals with what they
 * contain, and the MAP-E SNAT blocks routerls generated, between their marker comments) and its folding
 * ranges ({@code if}, {@code while}/{@code until}, {@code for}, {@code case}, functions, here-documents and
 * generated blocks), read from the parsed script.
 */
final class ScriptOutline implements OutlineParticipant {
    private static final int NAME_LENGTH = 60;

    @Override
    public List<OutlineSymbol> outline(FeatureContext c) {
        Optional<ShellScript> script = ScriptDevices.script(c.router(), c.uri());
        if (script.isEmpty()) return List.of();
        List<OutlineSymbol> out = new ArrayList<>();
        Set<String> variables = new HashSet<>();
        for (ShellCommand cmd : script.get().commands()) symbols(c, cmd, variables, out);
        out.addAll(generatedBlocks(c));
        out.sort((a, b) -> Integer.compare(a.range().startLine(), b.range().startLine()));
        return out;
    }

    private void symbols(FeatureContext c, ShellCommand cmd, Set<String> variables, List<OutlineSymbol> out) {
        if (cmd instanceof ShellCommand.Simple s && s.words().isEmpty()) {
            for (ShellCommand.Assignment a : s.assignments()) {
                if (!variables.add(a.name())) continue;
                SourceRange r = a.range();
                SourceRange name = new SourceRange(r.startLine(), r.startColumn(), r.startLine(), r.startColumn() + a.name().length());
                out.add(new OutlineSymbol(a.name(), a.value() == null ? null : a.value().text(), OutlineSymbol.Kind.VARIABLE,
                        r, name, List.of()));
            }
        } else if (cmd instanceof ShellCommand.FunctionDefinition f) {
            out.add(new OutlineSymbol(f.name() + "()", null, OutlineSymbol.Kind.FUNCTION, f.range(), f.nameRange(),
                    children(c, f.body())));
        } else if (cmd instanceof ShellCommand.Loop l) {
            out.add(block(c, (l.until() ? "until " : "while ") + text(c, l.condition().range()), l.range(), children(c, l.body())));
        } else if (cmd instanceof ShellCommand.For f) {
            String items = f.items() == null ? "" : " in " + String.join(" ", f.items().stream().map(w -> w.text()).toList());
            out.add(block(c, "for " + f.variable() + items, f.range(), children(c, f.body())));
        } else if (cmd instanceof ShellCommand.If i && !i.branches().isEmpty()) {
            List<OutlineSymbol> kids = new ArrayList<>();
            for (ShellCommand.Branch b : i.branches()) kids.addAll(children(c, b.body()));
            if (i.elseBody() != null) kids.addAll(children(c, i.elseBody()));
            out.add(block(c, "if " + text(c, i.branches().get(0).condition().range()), i.range(), kids));
        } else if (cmd instanceof ShellCommand.Redirected r) {
            symbols(c, r.command(), variables, out);
        } else if (cmd instanceof ShellCommand.Sequence s) {
            for (ShellCommand x : s.commands()) symbols(c, x, variables, out);
        }
    }

    /** The functions, loops and conditionals inside a body (its plain commands are not outline entries). */
    private List<OutlineSymbol> children(FeatureContext c, ShellCommand body) {
        List<OutlineSymbol> out = new ArrayList<>();
        if (body instanceof ShellCommand.Sequence s) {
            for (ShellCommand x : s.commands()) {
                if (!(x instanceof ShellCommand.Simple)) symbols(c, x, new HashSet<>(), out);
            }
        } else if (body instanceof ShellCommand.BraceGroup g) {
            return children(c, g.body());
        } else if (body != null && !(body instanceof ShellCommand.Simple)) {
            symbols(c, body, new HashSet<>(), out);
        }
        return out;
    }

    private static OutlineSymbol block(FeatureContext c, String name, SourceRange range, List<OutlineSymbol> children) {
        SourceRange keyword = SourceRange.of(range.startLine(), range.startColumn(),
                Math.min(c.lines().line(range.startLine()).length(), range.startColumn() + name.indexOf(' ')));
        String shown = name.length() > NAME_LENGTH ? name.substring(0, NAME_LENGTH - 1) + "…" : name;
        return new OutlineSymbol(shown, null, OutlineSymbol.Kind.RULE, range, keyword, children);
    }

    /** The source text of a condition, without the separator before {@code do}/{@code then}. */
    private static String text(FeatureContext c, SourceRange r) {
        if (r == null) return "";
        String t = c.lines().text(r).strip();
        while (t.endsWith(";")) t = t.substring(0, t.length() - 1).strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip() + " …";
    }

    /** routerls' generated SNAT blocks, between their BEGIN and END marker comments. */
    private static List<OutlineSymbol> generatedBlocks(FeatureContext c) {
        List<OutlineSymbol> out = new ArrayList<>();
        int begin = -1;
        String device = null;
        for (int i = 0; i < c.lines().lineCount(); i++) {
            String l = c.lines().line(i).strip();
            if (l.startsWith(SnatBlockGenerator.BEGIN)) {
                begin = i;
                device = l.substring(SnatBlockGenerator.BEGIN.length()).strip();
            } else if (l.startsWith(SnatBlockGenerator.END) && begin >= 0) {
                SourceRange whole = new SourceRange(begin, 0, i, c.lines().line(i).length());
                out.add(new OutlineSymbol("MAP-E SNAT block " + device + " (generated)", null, OutlineSymbol.Kind.RULE, whole,
                        SourceRange.of(begin, 0, c.lines().line(begin).length()), List.of()));
                begin = -1;
            }
        }
        return out;
    }

    @Override
    public List<FoldRange> folding(FeatureContext c) {
        Optional<ShellScript> script = ScriptDevices.script(c.router(), c.uri());
        List<FoldRange> out = new ArrayList<>();
        if (script.isEmpty()) return out;
        fold(script.get().body(), out);
        for (OutlineSymbol s : generatedBlocks(c)) out.add(new FoldRange(s.range().startLine(), s.range().endLine(), false));
        return out;
    }

    private static void fold(ShellCommand cmd, List<FoldRange> out) {
        if (cmd == null) return;
        if (cmd instanceof ShellCommand.Sequence s) {
            s.commands().forEach(x -> fold(x, out));
            return;
        }
        SourceRange r = cmd.range();
        boolean compound = cmd instanceof ShellCommand.If || cmd instanceof ShellCommand.Loop || cmd instanceof ShellCommand.For
                || cmd instanceof ShellCommand.Case || cmd instanceof ShellCommand.FunctionDefinition;
        if (compound && r != null && r.endLine() > r.startLine()) out.add(new FoldRange(r.startLine(), r.endLine(), false));
        if (cmd instanceof ShellCommand.Simple s) {
            for (ShellCommand.Redirection red : s.redirections()) {
                if (red.hereDocument() != null && red.hereDocument().range() != null && red.hereDocument().range().endLine() > r.startLine()) {
                    out.add(new FoldRange(r.startLine(), red.hereDocument().range().endLine(), false));
                }
            }
        } else if (cmd instanceof ShellCommand.If i) {
            for (ShellCommand.Branch b : i.branches()) fold(b.body(), out);
            fold(i.elseBody(), out);
        } else if (cmd instanceof ShellCommand.Loop l) {
            fold(l.body(), out);
        } else if (cmd instanceof ShellCommand.For f) {
            fold(f.body(), out);
        } else if (cmd instanceof ShellCommand.Case k) {
            k.items().forEach(i -> fold(i.body(), out));
        } else if (cmd instanceof ShellCommand.FunctionDefinition f) {
            fold(f.body(), out);
        } else if (cmd instanceof ShellCommand.BraceGroup g) {
            fold(g.body(), out);
        } else if (cmd instanceof ShellCommand.Redirected red) {
            fold(red.command(), out);
        } else if (cmd instanceof ShellCommand.Pipeline p) {
            p.commands().forEach(x -> fold(x, out));
        } else if (cmd instanceof ShellCommand.AndOr a) {
            a.commands().forEach(x -> fold(x, out));
        }
    }
}
