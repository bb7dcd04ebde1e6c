package dev.routerls.robustness;

import dev.routerls.testing.ScriptFindings;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.BeforeAll;
import dev.routerls.core.TextDecoder;
import dev.routerls.openwrt.nft.NftRule;
import dev.routerls.openwrt.nft.NftSnippet;

import java.util.List;

/**
 * Coverage-guided fuzzing of the nftables.d snippet reader: rules and syntax findings inside the
 * document, registered rule ids, the same result twice.
 */
class NftFuzzTest {
    @BeforeAll
    static void seeds() {
        FuzzSeeds.install(NftFuzzTest.class, "nftSnippet", FuzzSeeds.nftables());
    }

    @FuzzTest(maxDuration = "30s")
    void nftSnippet(byte[] input) {
        check(input);
    }

    static void check(byte[] input) {
        String text = TextDecoder.decode(input);
        String uri = "file:///fuzz/etc/nftables.d/10-mape.nft";
        NftSnippet snippet = NftSnippet.parse(uri, text);
        FuzzChecks.findings(ScriptFindings.of(snippet), uri, text, List.of());
        for (NftRule r : snippet.rules()) FuzzChecks.inside(r.range(), text, "nft rule");
        NftSnippet again = NftSnippet.parse(uri, text);
        FuzzChecks.same(ScriptFindings.of(snippet), ScriptFindings.of(again), "nft findings");
        FuzzChecks.same(snippet.rules().toString(), again.rules().toString(), "nft rules");
    }
}
