package dev.routerls.openwrt.nft;

import dev.routerls.core.Unanalysed;

import java.util.List;

/**
 * An nftables snippet from /etc/nftables.d/ (fw4 includes it inside {@code table inet fw4}): its rule
 * statements, each with the chain it belongs to, the syntax problems found while reading it, and the
 * parts nested too deep to read.
 */
public record NftSnippet(String uri, List<NftRule> rules, List<NftProblem> problems, List<Unanalysed> unanalysed) {

    public NftSnippet {
        rules = List.copyOf(rules);
        problems = List.copyOf(problems);
        unanalysed = List.copyOf(unanalysed);
    }

    /** Reads {@code text}; never throws, and reads past syntax errors. */
    public static NftSnippet parse(String uri, String text) {
        return NftSnippetReader.read(uri, text);
    }
}
