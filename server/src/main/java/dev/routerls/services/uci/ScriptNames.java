package dev.routerls.services.uci;

import dev.routerls.core.SourceRange;
import dev.routerls.openwrt.shell.ShellCommand;
import dev.routerls.openwrt.shell.ShellScript;
import dev.routerls.openwrt.shell.ShellWord;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every place a script sets or reads a variable, from its syntax tree: {@code NAME=value}, {@code for NAME
 * in}, and each {@code $NAME}/{@code ${NAME…}} in any word (inside quotes, command substitutions and
 * here-documents too). Navigation, highlights and completion of variable names read this table.
 */
final class ScriptNames {
    /** One occurrence; {@code write} where the variable is set. {@code value} is the assigned word, if any. */
    record Use(String name, SourceRange range, boolean write, ShellWord value) {
    }

    private final List<Use> uses = new ArrayList<>();

    private ScriptNames() {
    }

    static ScriptNames of(ShellScript script) {
        ScriptNames n = new ScriptNames();
        n.visit(script.body());
        return n;
    }

    List<Use> uses() {
        return uses;
    }

    Optional<Use> at(int line, int column) {
        return uses.stream().filter(u -> u.range().contains(line, column)).findFirst();
    }

    List<Use> of(String name) {
        return uses.stream().filter(u -> u.name().equals(name)).toList();
    }

    /** Names set anywhere in the script, in order of first assignment. */
    List<String> assigned() {
        return uses.stream().filter(Use::write).map(Use::name).distinct().toList();
    }

    private void visit(ShellCommand c) {
        if (c == null) return;
        if (c instanceof ShellCommand.Simple s) {
            for (ShellCommand.Assignment a : s.assignments()) {
                SourceRange r = a.range();
                uses.add(new Use(a.name(), new SourceRange(r.startLine(), r.startColumn(), r.startLine(),
                        r.startColumn() + a.name().length()), true, a.value()));
                word(a.value());
            }
            s.words().forEach(this::word);
            s.redirections().forEach(this::redirection);
        } else if (c instanceof ShellCommand.For f) {
            if (f.variableRange() != null) uses.add(new Use(f.variable(), f.variableRange(), true, null));
            if (f.items() != null) f.items().forEach(this::word);
            visit(f.body());
        } else if (c instanceof ShellCommand.Case k) {
            word(k.subject());
            for (ShellCommand.CaseItem i : k.items()) {
                i.patterns().forEach(this::word);
                visit(i.body());
            }
        } else if (c instanceof ShellCommand.Redirected r) {
            visit(r.command());
            r.redirections().forEach(this::redirection);
        } else {
            c.children().forEach(this::visit);
        }
    }

    private void redirection(ShellCommand.Redirection r) {
        word(r.target());
        if (r.hereDocument() != null && r.hereDocument().expands()) word(r.hereDocument().body());
    }

    private void word(ShellWord w) {
        if (w == null) return;
        for (ShellWord.Part p : w.parts()) {
            if (p instanceof ShellWord.Parameter par) {
                if (par.range() != null && isName(par.name())) uses.add(new Use(par.name(), par.range(), false, null));
                word(par.argument());
            } else if (p instanceof ShellWord.CommandSubstitution cs) {
                visit(cs.body());
            } else if (p instanceof ShellWord.Arithmetic a) {
                word(a.expression());
            }
        }
    }

    private static boolean isName(String n) {
        return n != null && !n.isEmpty() && (Character.isLetter(n.charAt(0)) || n.charAt(0) == '_');
    }
}
