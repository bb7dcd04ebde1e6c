package dev.routerls.openwrt.nft;

import dev.routerls.core.Diagnostic;

import java.util.List;

/**
 * An nftables snippet from /etc/nftables.d/ (fw4 includes it inside {@code table inet fw4}): its rule
 * statements, each with the chain it belongs to, and the syntax problems found while reading it.
 */
public record NftSnippet(String uri, List<NftRule> rules, List<Diagnostic> problems) {
    public static final String SYNTAX_RULE = "openwrt/nft-syntax";

    public NftSnippet {
        rules = List.copyOf(rules);
        problems = List.copyOf(problems);
    }

    /** Reads {@code text}; never throws, and reads past syntax errors. */
    public static NftSnippet parse(String uri, String text) {
        return NftSnippetReader.read(uri, text);
    }
}
