package dev.routerls.analysis;

import dev.routerls.core.LanguageId;
import dev.routerls.robustness.LintRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** nftables.d snippets are recognised and analysed with the router they belong to. */
class NftablesFilesTest {

    @Test
    void nftFilesHaveTheirOwnLanguage() {
        assertEquals(LanguageId.OPENWRT_NFTABLES, LanguageDetector.detect("/router/etc/nftables.d/10-mape.nft", "chain x {\n}\n"));
        assertEquals(LanguageId.OPENWRT_NFTABLES, LanguageId.fromId("openwrt-nftables"));
        assertTrue(LanguageId.OPENWRT_NFTABLES.isOpenWrt());
    }

    @Test
    void lintingTheRouterFolderChecksTheSnippetAgainstTheNetworkConfig(@TempDir Path dir) throws IOException {
        Path samples = Path.of(System.getProperty("routerls.projectDir", "..")).resolve("samples/openwrt/fw4-nftables-wrong-device");
        Path etc = dir.resolve("router/etc");
        for (String rel : new String[]{"config/network", "config/firewall", "openwrt_release", "nftables.d/10-mape.nft"}) {
            Files.createDirectories(etc.resolve(rel).getParent());
            Files.copy(samples.resolve("etc").resolve(rel), etc.resolve(rel));
        }
        // naming only the snippet still reads the rest of its router
        LintRun r = LintRun.of("lint", "--format", "json", "--fail-on", "none", etc.resolve("nftables.d/10-mape.nft").toString());
        assertEquals(0, r.exit(), r.describe());
        assertTrue(r.out().replace(" ", "").contains("\"language\":\"openwrt-nftables\""), r.out());
        assertTrue(r.out().contains("openwrt/mape-tunnel-device"), r.out());
    }
}
