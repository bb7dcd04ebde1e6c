package dev.routerls.rules.openwrt;

import dev.routerls.core.Severity;
import dev.routerls.rules.Example;
import dev.routerls.rules.RuleInfo;

/**
 * {@code openwrt/uci-ignored-text}: what the UCI reader found that libuci reads without complaint but
 * differently than it looks (the problems that do not make libuci refuse the file).
 */
public final class UciIgnoredTextRule extends UciProblemRule {

    public UciIgnoredTextRule() {
        super(RuleInfo.rule("openwrt/uci-ignored-text", Severity.WARNING)
                .summary("UCI text that libuci silently ignores, such as commands after a ';' glued to an unquoted value")
                .rationale("""
                        A `;` ends a UCI command, so several commands may share a line. But when the `;` is \
                        written directly after an unquoted value, libuci's reader ends the whole line there: the \
                        commands after it on that line are dropped, and the file still loads without an error. \
                        Put a space before the `;`, quote the value, or write one command per line.""")
                .bad(Example.openwrt("etc/config/system", """
                        config system
                        	option timezone JST-9; option zonename 'Asia/Tokyo'
                        """))
                .good(Example.openwrt("etc/config/system", """
                        config system
                        	option timezone 'JST-9'; option zonename 'Asia/Tokyo'
                        """))
                .tags("syntax")
                .build(), false);
    }
}
