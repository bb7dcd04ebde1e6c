package dev.routerls.openwrt.router;

import dev.routerls.analysis.AnalysisSettings;
import dev.routerls.analysis.SourceFile;
import dev.routerls.core.LanguageId;
import dev.routerls.mape.MapeRuleTable;
import dev.routerls.openwrt.nft.NftSnippet;
import dev.routerls.openwrt.shell.EvaluationResult;
import dev.routerls.openwrt.shell.ShellEvaluator;
import dev.routerls.openwrt.shell.ShellScript;
import dev.routerls.openwrt.uci.UciFile;
import dev.routerls.openwrt.uci.UciReader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the files of one router into a {@link Router}. Files are recognised by their place under
 * {@code etc/}: {@code config/<package>}, {@code firewall.user}, {@code rc.local},
 * {@code openwrt_release}, {@code nftables.d/*.nft}; a UCI file elsewhere counts as the package its name says.
 */
public final class RouterReader {
    private RouterReader() {
    }

    /** What kind of router file a document is. */
    public enum Role { UCI, FIREWALL_USER, RC_LOCAL, RELEASE, NFTABLES, OTHER }

    public static Role roleOf(SourceFile f) {
        String name = fileName(f.uri());
        if (name.equals("openwrt_release")) return Role.RELEASE;
        if (name.equals("rc.local")) return Role.RC_LOCAL;
        if (name.startsWith("firewall.user")) return Role.FIREWALL_USER;
        if (f.language() == LanguageId.OPENWRT_NFTABLES) return Role.NFTABLES;
        if (f.language() == LanguageId.OPENWRT_UCI) return Role.UCI;
        if (f.language() == LanguageId.OPENWRT_FIREWALL_USER) return Role.FIREWALL_USER;
        return Role.OTHER;
    }

    public static Router read(List<SourceFile> files, AnalysisSettings settings) {
        return read(files, settings, MapeRuleTable.bundled());
    }

    public static Router read(List<SourceFile> files, AnalysisSettings settings, MapeRuleTable table) {
        List<UciFile> uciFiles = new ArrayList<>();
        ShellScript firewallUser = null;
        ShellScript rcLocal = null;
        List<NftSnippet> nftables = new ArrayList<>();
        OpenWrtRelease release = OpenWrtRelease.UNKNOWN;
        String root = null;
        for (SourceFile f : files) {
            if (root == null) root = f.routerRoot();
            switch (roleOf(f)) {
                case UCI -> {
                    uciFiles.add(UciReader.read(f.uri(), f.text()));
                }
                case FIREWALL_USER -> {
                    if (firewallUser == null) firewallUser = ShellScript.parse(f.uri(), f.text());
                }
                case RC_LOCAL -> rcLocal = ShellScript.parse(f.uri(), f.text());
                case RELEASE -> release = OpenWrtRelease.fromFile(ShellScript.parse(f.uri(), f.text())).orElse(release);
                case NFTABLES -> nftables.add(NftSnippet.parse(f.uri(), f.text()));
                case OTHER -> { }
            }
        }
        if (settings.release().isPresent()) release = OpenWrtRelease.fromSetting(settings.release().get());
        // nothing is preset from UCI: the script's own assignments decide its values
        EvaluationResult run = firewallUser == null ? null : ShellEvaluator.evaluate(firewallUser, Map.of());
        return new Router(root, uciFiles, firewallUser, rcLocal, nftables, release, run, table);
    }

    private static String fileName(String uri) {
        String p = uri == null ? "" : uri.replace('\\', '/');
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
