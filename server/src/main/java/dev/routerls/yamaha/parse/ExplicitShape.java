package dev.routerls.yamaha.parse;

/**
 * How a line that starts like a command the grammar reads itself (an explicit rule) fails that rule, so
 * that only the generic rule took it. {@code commandWords} is the number of leading keywords the rule and
 * the line share: a reference command with more command words than that is another command, and wins.
 * <ul>
 *   <li>{@link Kind#WRONG_FORM}: the parameters do not have the rule's shape; {@code start}–{@code end} is the
 *   whole line, {@code form} the form to show (null: the catalog's), {@code hint} what was likely meant.</li>
 *   <li>{@link Kind#EXTRA_WORDS}: the command is complete and more words follow; {@code start}–{@code end} is
 *   the first extra word, {@code word} its text when it may be quoted (a mark such as an arrow; never a word
 *   that could be part of a password).</li>
 * </ul>
 */
public record ExplicitShape(Kind kind, String rule, int commandWords, String form, String hint, int start, int end,
                            String word, boolean note) {
    public enum Kind { WRONG_FORM, EXTRA_WORDS }
}
