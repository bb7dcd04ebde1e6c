package dev.routerls.openwrt.nft;

import dev.routerls.core.SourceRange;

import java.util.List;

/** One rule statement of a snippet: the chain it is in (null at top level), where it is, its terms. */
public record NftRule(String chain, SourceRange range, List<NftTerm> terms) {
    public NftRule {
        terms = List.copyOf(terms);
    }
}
