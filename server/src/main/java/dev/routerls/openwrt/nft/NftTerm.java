package dev.routerls.openwrt.nft;

import dev.routerls.core.SourceRange;

import java.util.List;

/**
 * One term of an nftables statement: a word, a quoted string, an IPv4 address or prefix, a number, a
 * range {@code lo-hi}, a {@code :} or {@code ,}, or an anonymous set/map {@code { … }} whose
 * {@code elements} are the comma-separated term lists inside it.
 */
public record NftTerm(Kind kind, String text, SourceRange range, List<List<NftTerm>> elements) {
    public enum Kind { WORD, STRING, IPV4, RANGE, NUMBER, COLON, COMMA, BRACED }

    public NftTerm {
        elements = List.copyOf(elements);
    }

    /** The text without the quotes of a string. */
    public String value() {
        return kind == Kind.STRING && text.length() >= 2 ? text.substring(1, text.length() - 1) : text;
    }

    public boolean isWord(String w) {
        return kind == Kind.WORD && text.equals(w);
    }
}
