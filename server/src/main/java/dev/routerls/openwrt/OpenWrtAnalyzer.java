package dev.routerls.openwrt;

import dev.routerls.analysis.AnalysisSettings;
import dev.routerls.analysis.SourceFile;
import dev.routerls.core.Diagnostic;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.router.RouterReader;
import dev.routerls.openwrt.uci.UciConfigs;
import dev.routerls.openwrt.uci.UciFile;
import dev.routerls.rules.RuleRunner;
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

    public Map<String, List<Diagnostic>> analyze(List<SourceFile> routerFiles, AnalysisSettings settings) {
        Map<String, List<Diagnostic>> result = new LinkedHashMap<>();
        if (routerFiles.isEmpty()) return result;
        // one read of every file: the router model is also the UCI rules' input
        Router router = read(routerFiles, settings);
        for (UciFile f : router.uciFiles()) result.put(f.uri(), new ArrayList<>());
        if (!router.uciFiles().isEmpty()) {
            String fallbackUri = router.uciFiles().get(0).uri();
            for (Diagnostic d : RuleRunner.run(OpenWrtRules.uciRules(), (UciConfigs) router, fallbackUri, settings)) {
                result.computeIfAbsent(d.uri() == null ? fallbackUri : d.uri(), k -> new ArrayList<>()).add(d);
            }
        }
        router.firewallUser().ifPresent(s -> add(result, s.problems(), settings));
        router.rcLocal().ifPresent(s -> add(result, s.problems(), settings));
        router.firewallUserRun().ifPresent(r -> add(result, r.diagnostics(), settings));
        add(result, RuleRunner.run(OpenWrtRules.routerRules(), router, routerFiles.get(0).uri(), settings), AnalysisSettings.DEFAULT);
        return result;
    }

    /** The router model of these files (for rules, hover and tests). */
    public Router read(List<SourceFile> routerFiles, AnalysisSettings settings) {
        return RouterReader.read(routerFiles, settings);
    }

    /** Adds findings made outside the rule runner, honouring the user's disable/severity settings. */
    private static void add(Map<String, List<Diagnostic>> out, List<Diagnostic> ds, AnalysisSettings settings) {
        for (Diagnostic d : ds) {
            if (!settings.enabled(d.ruleId())) continue;
            out.computeIfAbsent(d.uri(), k -> new ArrayList<>()).add(settings.apply(d));
        }
    }
}
