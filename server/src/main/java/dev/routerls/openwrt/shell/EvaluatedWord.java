package dev.routerls.openwrt.shell;

import dev.routerls.core.SourceRange;

/** One argv entry of an evaluated command and the range of the source word it was expanded from. */
public record EvaluatedWord(ShellValue value, SourceRange range) {

    public boolean known() {
        return value.isKnown();
    }

    /** The text when fully known, otherwise null. */
    public String text() {
        return value.text();
    }

    /** The text with unknown stretches shown as ‹…›. */
    public String display() {
        return value.display();
    }
}
