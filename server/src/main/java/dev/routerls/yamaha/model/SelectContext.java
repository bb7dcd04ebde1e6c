package dev.routerls.yamaha.model;

import dev.routerls.grammar.YamahaLexer;
import dev.routerls.yamaha.parse.Command;
import dev.routerls.yamaha.parse.ParsedLine;
import dev.routerls.yamaha.parse.Word;

/**
 * Which block a line belongs to: the PP selected with {@code pp select} ("1", "anonymous") or the tunnel
 * selected with {@code tunnel select}; at most one is set. {@link #NONE} is the global level.
 */
public record SelectContext(String pp, Integer tunnel) {
    public static final SelectContext NONE = new SelectContext(null, null);

    public boolean isNone() {
        return pp == null && tunnel == null;
    }

    /**
     * The context after line {@code p}: a {@code pp select}/{@code tunnel select} line switches it (to none
     * for {@code none} and the {@code no} forms), a target number too large to be one leaves it as it was,
     * every other line keeps it. The model builder and the editor's line-only reading both step with this.
     */
    public SelectContext after(ParsedLine p) {
        Command c = p.command();
        if (c instanceof Command.PpSelect s) {
            Word t = s.target();
            if (p.negated() || t == null || t.type() == YamahaLexer.NONE) return NONE;
            if (t.type() == YamahaLexer.ANONYMOUS) return new SelectContext("anonymous", null);
            if (t.type() != YamahaLexer.NUMBER) return new SelectContext(t.text(), null);
            Integer n = number(t);
            return n == null ? this : new SelectContext(n.toString(), null);
        }
        if (c instanceof Command.TunnelSelect s) {
            Word t = s.target();
            if (p.negated() || t == null || t.type() == YamahaLexer.NONE) return NONE;
            Integer n = number(t);
            return n == null ? this : new SelectContext(null, n);
        }
        return this;
    }

    private static Integer number(Word w) {
        try {
            return w.intValue();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        if (pp != null) return "pp " + pp;
        if (tunnel != null) return "tunnel " + tunnel;
        return "global";
    }
}
