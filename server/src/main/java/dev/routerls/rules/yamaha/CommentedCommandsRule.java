package dev.routerls.rules.yamaha;

import dev.routerls.core.Severity;
import dev.routerls.rules.Findings;
import dev.routerls.yamaha.model.YamahaConfig;

/**
 * {@code yamaha/commented-commands} (info): most of the file is commands after {@code #}, as a terminal log
 * shows them after the console prompt. They read as comments, so none of them is checked; said once.
 */
public final class CommentedCommandsRule extends YamahaRule {
    public static final String ID = "yamaha/commented-commands";

    public CommentedCommandsRule() {
        super(ID, Severity.INFO, "commands written as comments (a console log), so nothing in them is checked");
    }

    @Override
    public void check(YamahaConfig m, Findings out) {
        m.commentedCommands().ifPresent(c -> out.report(c.first(), c.count() + " lines of this file are commands"
                + " written after `#` (a console prompt before each, as in a terminal log), so they read as comments"
                + " and none of them is checked. Remove the `# ` before the commands to have them checked."));
    }
}
