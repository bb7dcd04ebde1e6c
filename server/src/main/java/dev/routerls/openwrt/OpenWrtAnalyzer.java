package dev.routerls.openwrt;

import dev.routerls.analysis.AnalysisSettings;
import dev.routerls.analysis.SourceFile;
import dev.routerls.core.Diagnostic;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.router.RouterReader;
import dev.routerls.openwrt.uci.UciFile;
import dev.routerls.openwrt.uci.UciReader;
import dev.routerls.rules.RuleRunner;
import dev.routerls.rules.openwrt.OpenWrtRules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point for one OpenWrt router (its UCI files and scripts together): runs the per-file UCI
 * rules on each UCI file, then reads the router as a whole ({@link RouterReader}) and runs the
 * cross-file rules on it. Findings are returned per document URI.
 */
public final class OpenWrtAnalyzer {
    public Map<String, List<Diagnostic>> analyze(List<SourceFile> routerFiles, AnalysisSettings settings) {
        Map<String, List<Diagnostic>> out = new LinkedHashMap<>();
        for (SourceFile f : routerFiles) out.computeIfAbsent(f.uri(), k -> new ArrayList<>());
        // per-file UCI rules
        for (SourceFile f : routerFiles) {
            if (RouterReader.roleOf(f) != RouterReader.Role.UCI) continue;
            UciFile uci = UciReader.read(f.uri(), f.text());
            add(out, RuleRunner.run(OpenWrtRules.uciRules(), uci, f.uri(), settings));
        }
        // the router as a whole
        Router router = RouterReader.read(routerFiles, settings);
        router.firewallUser().ifPresent(s -> add(out, filter(s.problems(), settings)));
        router.rcLocal().ifPresent(s -> add(out, filter(s.problems(), settings)));
        router.firewallUserRun().ifPresent(r -> add(out, filter(r.notes(), settings)));
        String defaultUri = routerFiles.isEmpty() ? null : routerFiles.get(0).uri();
        add(out, RuleRunner.run(OpenWrtRules.routerRules(), router, defaultUri, settings));
        return out;
    }

    /** Router-level reading without rules, for tools that want the model (hover, tests). */
    public Router read(List<SourceFile> routerFiles, AnalysisSettings settings) {
        return RouterReader.read(routerFiles, settings);
    }

    private static List<Diagnostic> filter(List<Diagnostic> ds, AnalysisSettings settings) {
        return ds.stream().filter(d -> settings.enabled(d.ruleId())).map(settings::apply).toList();
    }

    private static void add(Map<String, List<Diagnostic>> out, List<Diagnostic> ds) {
        for (Diagnostic d : ds) out.computeIfAbsent(d.uri(), k -> new ArrayList<>()).add(d);
    }
}
