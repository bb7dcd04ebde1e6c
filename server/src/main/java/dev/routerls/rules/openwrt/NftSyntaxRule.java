package dev.routerls.rules.openwrt;

import dev.routerls.core.Severity;
import dev.routerls.openwrt.nft.NftProblem;
import dev.routerls.openwrt.nft.NftSnippet;
import dev.routerls.openwrt.router.Router;
import dev.routerls.rules.BaseRule;
import dev.routerls.rules.Example;
import dev.routerls.rules.Findings;
import dev.routerls.rules.RuleInfo;

/** {@code openwrt/nft-syntax}: what the nftables.d reader could not read. */
public final class NftSyntaxRule extends BaseRule<Router> {

    public NftSyntaxRule() {
        super(RuleInfo.rule("openwrt/nft-syntax", Severity.ERROR)
                .summary("nftables.d snippet syntax errors (nft then rejects it)")
                .rationale("""
                        fw4 pastes every /etc/nftables.d/*.nft file into its own `table inet fw4` and loads the \
                        result with nft in one go. A syntax error in one snippet makes nft reject the whole \
                        ruleset, so the firewall does not start with the new rules at all. routerls reads the \
                        snippet's chains and rules and points at what nft would refuse.""")
                .bad(Example.openwrt("etc/nftables.d/10-ssh.nft", """
                        chain user_input {
                        	type filter hook input priority filter; policy accept;
                        	tcp dport 22 ip saddr 192.0.2.0/24 accept
                        """))
                .good(Example.openwrt("etc/nftables.d/10-ssh.nft", """
                        chain user_input {
                        	type filter hook input priority filter; policy accept;
                        	tcp dport 22 ip saddr 192.0.2.0/24 accept
                        }
                        """))
                .tags("syntax", "nftables")
                .build());
    }

    @Override
    public void check(Router router, Findings out) {
        for (NftSnippet n : router.nftables()) check(n, out);
    }

    /** Reports the syntax errors the reader found in one snippet. */
    public void check(NftSnippet snippet, Findings out) {
        for (NftProblem p : snippet.problems()) out.report(snippet.uri(), p.range(), p.message());
    }
}
