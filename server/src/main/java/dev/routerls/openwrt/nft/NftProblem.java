package dev.routerls.openwrt.nft;

import dev.routerls.core.SourceRange;

/** A syntax error the nftables.d reader found: where, and what to tell the user (nft refuses such a snippet). */
public record NftProblem(SourceRange range, String message) {
}
