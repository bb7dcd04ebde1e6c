package dev.routerls.rules.yamaha;

import dev.routerls.core.Severity;
import dev.routerls.core.SourceRange;
import dev.routerls.rules.Example;
import dev.routerls.rules.RuleInfo;
import dev.routerls.rules.Findings;
import dev.routerls.yamaha.model.YamahaConfig;

/**
 * {@code yamaha/pasted-note} (warning): a line of prose (a heading such as 【VLAN設定】, a remark) pasted with
 * the config without {@code #}. The router answers it with an error when the config is loaded, but it sets
 * nothing, so it is not the error a broken command is.
 */
public final class PastedNoteRule extends YamahaRule {
    public static final String ID = "yamaha/pasted-note";

    public PastedNoteRule() {
        super(RuleInfo.rule(ID, Severity.WARNING)
                .summary("a line of prose pasted with the config, not marked as a comment")
                .rationale("""
                        Configs copied from articles and manuals often carry their headings and remarks \
                        (【NGN接続設定】, ・… ) as lines of their own. The router answers such a line with an error when \
                        the config is loaded; it sets nothing, so unlike a broken command nothing goes missing, but the \
                        errors hide real ones. A line that starts with `#` is a comment the router ignores.""")
                .bad(Example.yamaha("""
                        【NGNとの接続設定】
                        ngn type lan2 ntt
                        """))
                .good(Example.yamaha("""
                        # 【NGNとの接続設定】
                        ngn type lan2 ntt
                        """))
                .tags("syntax")
                .build());
    }

    @Override
    public void check(YamahaConfig m, Findings out) {
        for (SourceRange r : m.pastedNotes()) {
            out.report(r, "this line is a note, not a command: the router answers it with an error when the config"
                    + " is loaded (it sets nothing). Start it with `#` to keep it as a comment.");
        }
    }
}
