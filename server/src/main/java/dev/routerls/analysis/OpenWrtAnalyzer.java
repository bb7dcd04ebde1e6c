package dev.routerls.analysis;

import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.Cancellation;
import dev.routerls.core.SourceFile;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.Unanalysed;
import dev.routerls.openwrt.nft.NftSnippet;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.router.RouterFileCache;
import dev.routerls.openwrt.router.RouterReader;
import dev.routerls.mape.MapeRuleTable;
import dev.routerls.openwrt.uci.UciConfigs;
import dev.routerls.openwrt.uci.UciFile;
import dev.routerls.rules.openwrt.OpenWrtRules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point for one OpenWrt router (its UCI files and scripts together): reads the UCI files and
 * runs the UCI rules over them, then reads the router as a whole ({@link RouterReader}: release,
 * interfaces, zones, the evaluated firewall.user) and runs the cross-file rules. Findings are
 * returned per document URI; every UCI file of the router gets an entry, empty when it is clean.
 */
public final class OpenWrtAnalyzer {

    private final RouterFileCache cache;

    public OpenWrtAnalyzer() {
        this(new RouterFileCache());
    }

    /** {@code cache} keeps parsed files between reads; tests pass one whose reads they count. */
    public OpenWrtAnalyzer(RouterFileCache cache) {
        this.cache = cache;
    }

    public Map<String, List<Diagnostic>> analyze(List<SourceFile> routerFiles, AnalysisSettings settings) {
        if (routerFiles.isEmpty()) return new LinkedHashMap<>();
        return analyze(read(routerFiles, settings), routerFiles.get(0).uri(), settings);
    }

    /**
     * Findings for a router already read (the server reads each version once and shares the model with
     * completion and hover). {@code fallbackUri} receives findings that belong to no one file.
     */
    public Map<String, List<Diagnostic>> analyze(Router router, String fallbackUri, AnalysisSettings settings) {
        return analyze(router, fallbackUri, settings, Cancellation.NONE);
    }

    /** As above, looking at {@code cancel} before each rule. */
    public Map<String, List<Diagnostic>> analyze(Router router, String fallbackUri, AnalysisSettings settings,
                                                 Cancellation cancel) {
        Map<String, List<Diagnostic>> result = new LinkedHashMap<>();
        for (UciFile f : router.uciFiles()) result.put(f.uri(), new ArrayList<>());
        if (!router.uciFiles().isEmpty()) {
            String uciFallback = router.uciFiles().get(0).uri();
            for (Diagnostic d : RuleRunner.run(OpenWrtRules.uciRules(), (UciConfigs) router, uciFallback, settings, cancel)) {
                result.computeIfAbsent(d.uri() == null ? uciFallback : d.uri(), k -> new ArrayList<>()).add(d);
            }
        }
        for (NftSnippet n : router.nftables()) result.computeIfAbsent(n.uri(), k -> new ArrayList<>());
        for (Diagnostic d : RuleRunner.run(OpenWrtRules.routerRules(), router, fallbackUri, settings, cancel)) {
            result.computeIfAbsent(d.uri(), k -> new ArrayList<>()).add(d);
        }
        // what the script readers left unfinished (the engine's finding, not a rule's)
        if (settings.enabled(AnalysisStopped.INFO.id())) {
            for (Unanalysed u : router.unanalysed()) {
                result.computeIfAbsent(u.uri(), k -> new ArrayList<>()).add(settings.apply(AnalysisStopped.finding(u)));
            }
        }
        return result;
    }

    /** The router model of these files (for rules, hover and tests); unchanged files are not parsed again. */
    public Router read(List<SourceFile> routerFiles, AnalysisSettings settings) {
        return read(routerFiles, settings, Cancellation.NONE);
    }

    /** As above, looking at {@code cancel} before each file. */
    public Router read(List<SourceFile> routerFiles, AnalysisSettings settings, Cancellation cancel) {
        return RouterReader.read(routerFiles, settings, MapeRuleTable.bundled(), cache, cancel);
    }
}
