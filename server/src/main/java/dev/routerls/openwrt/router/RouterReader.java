package dev.routerls.openwrt.router;

import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.Cancellation;
import dev.routerls.core.SourceFile;
import dev.routerls.mape.MapeRuleTable;
import dev.routerls.openwrt.nft.NftSnippet;
import dev.routerls.openwrt.shell.ShellScript;
import dev.routerls.openwrt.uci.UciFile;
import dev.routerls.openwrt.uci.UciReader;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the files of one router into a {@link Router}. Files are recognised by their place under
 * {@code etc/} ({@link RouterFileRole}); a UCI file elsewhere counts as the package its name says.
 */
public final class RouterReader {
    private RouterReader() {
    }

    public static Router read(List<SourceFile> files, AnalysisSettings settings) {
        return read(files, settings, MapeRuleTable.bundled());
    }

    public static Router read(List<SourceFile> files, AnalysisSettings settings, MapeRuleTable table) {
        return read(files, settings, table, null);
    }

    /** Reads with parsed files taken from {@code cache} when their text is unchanged (null: parse everything). */
    public static Router read(List<SourceFile> files, AnalysisSettings settings, MapeRuleTable table,
                              RouterFileCache cache) {
        return read(files, settings, table, cache, Cancellation.NONE);
    }

    /** As above, looking at {@code cancel} before each file (a cancelled read throws, see {@link Cancellation}). */
    public static Router read(List<SourceFile> files, AnalysisSettings settings, MapeRuleTable table,
                              RouterFileCache cache, Cancellation cancel) {
        List<UciFile> uciFiles = new ArrayList<>();
        RouterFileCache.Script firewallUser = null;
        ShellScript rcLocal = null;
        List<NftSnippet> nftables = new ArrayList<>();
        OpenWrtRelease release = OpenWrtRelease.UNKNOWN;
        String root = null;
        for (SourceFile f : files) {
            cancel.check();
            if (root == null) root = f.routerRoot();
            switch (RouterFileRole.of(f.uri(), f.language())) {
                case UCI -> {
                    uciFiles.add(cache == null ? UciReader.read(f.uri(), f.text(), f.encoding())
                            : cache.uci(f.uri(), f.text(), f.encoding()));
                }
                case FIREWALL_USER -> {
                    if (firewallUser == null) {
                        firewallUser = cache == null ? RouterFileCache.evaluate(f.uri(), f.text())
                                : cache.firewallUser(f.uri(), f.text());
                    }
                }
                case RC_LOCAL -> rcLocal = ShellScript.parse(f.uri(), f.text());
                case RELEASE -> release = OpenWrtRelease.fromFile(ShellScript.parse(f.uri(), f.text())).orElse(release);
                case NFTABLES -> nftables.add(NftSnippet.parse(f.uri(), f.text()));
                case OTHER -> { }
            }
        }
        if (settings.release().isPresent()) release = OpenWrtRelease.fromSetting(settings.release().get());
        return new Router(root, uciFiles, firewallUser == null ? null : firewallUser.script(), rcLocal, nftables,
                release, firewallUser == null ? null : firewallUser.run(), table);
    }
}
