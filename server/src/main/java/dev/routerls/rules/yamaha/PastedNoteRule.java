package dev.routerls.rules.yamaha;

import dev.routerls.core.Severity;
import dev.routerls.core.SourceRange;
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
        super(ID, Severity.WARNING, "a line of prose pasted with the config, not marked as a comment");
    }

    @Override
    public void check(YamahaConfig m, Findings out) {
        for (SourceRange r : m.pastedNotes()) {
            out.report(r, "this line is a note, not a command: the router answers it with an error when the config"
                    + " is loaded (it sets nothing). Start it with `#` to keep it as a comment.");
        }
    }
}
