package dev.routerls.yamaha;

/**
 * The content of an embedded file ({@code embedded file NAME <<EOF} … {@code EOF}): the lines after the
 * opener up to and including the terminator line ({@code lastLine}). The router takes them as file text,
 * so they are neither parsed nor checked. Without a terminator the content runs to the end of the
 * document ({@code terminated} false). Lines are 0-based.
 */
public record EmbeddedText(int openerLine, int lastLine, boolean terminated) {
    public boolean contains(int line) {
        return line > openerLine && line <= lastLine;
    }
}
