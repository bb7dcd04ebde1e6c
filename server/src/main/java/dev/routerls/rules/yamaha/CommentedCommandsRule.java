package dev.routerls.rules.yamaha;

import dev.routerls.core.Severity;
import dev.routerls.rules.Example;
import dev.routerls.rules.RuleInfo;
import dev.routerls.rules.Findings;
import dev.routerls.yamaha.model.YamahaConfig;

/**
 * {@code yamaha/commented-commands} (info): most of the file is commands after {@code #}, as a terminal log
 * shows them after the console prompt. They read as comments, so none of them is checked; said once.
 */
public final class CommentedCommandsRule extends YamahaRule {
    public static final String ID = "yamaha/commented-commands";

    public CommentedCommandsRule() {
        super(RuleInfo.rule(ID, Severity.INFO)
                .summary("commands written as comments (a console log), so nothing in them is checked")
                .rationale("""
                        A terminal log shows each command after the console prompt `#`, and a config copied from \
                        one keeps it: every line then reads as a comment, and routerls (like the router) ignores \
                        them all. When most of a file is such lines, routerls says so once, so that an empty list of \
                        findings is not taken for a clean config.""")
                .bad(Example.yamaha("""
                        # ip lan1 address 192.168.100.1/24
                        # ip route default gateway pp 1
                        """))
                .good(Example.yamaha("""
                        ip lan1 address 192.168.100.1/24
                        ip route default gateway 192.168.100.254
                        """))
                .tags("syntax")
                .build());
    }

    @Override
    public void check(YamahaConfig m, Findings out) {
        m.commentedCommands().ifPresent(c -> out.report(c.first(), c.count() + " lines of this file are commands"
                + " written after `#` (a console prompt before each, as in a terminal log), so they read as comments"
                + " and none of them is checked. Remove the `# ` before the commands to have them checked."));
    }
}
