package dev.routerls.openwrt;

import dev.routerls.analysis.AnalysisSettings;
import dev.routerls.analysis.SourceFile;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.LanguageId;
import dev.routerls.openwrt.uci.UciConfigs;
import dev.routerls.openwrt.uci.UciFile;
import dev.routerls.openwrt.uci.UciReader;
import dev.routerls.rules.RuleRunner;
import dev.routerls.rules.openwrt.OpenWrtRules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point for one OpenWrt router (its UCI files and scripts together): reads the UCI files and
 * runs the OpenWrt rules over them. Findings are returned per document URI; every UCI file of the
 * router gets an entry, empty when it is clean.
 */
public final class OpenWrtAnalyzer {

    public Map<String, List<Diagnostic>> analyze(List<SourceFile> routerFiles, AnalysisSettings settings) {
        Map<String, List<Diagnostic>> result = new LinkedHashMap<>();
        UciConfigs uci = readUci(routerFiles);
        for (UciFile f : uci.uciFiles()) result.put(f.uri(), new ArrayList<>());
        if (uci.uciFiles().isEmpty()) return result;
        String fallbackUri = uci.uciFiles().get(0).uri();
        for (Diagnostic d : RuleRunner.run(OpenWrtRules.uciRules(), uci, fallbackUri, settings)) {
            result.computeIfAbsent(d.uri() == null ? fallbackUri : d.uri(), k -> new ArrayList<>()).add(d);
        }
        return result;
    }

    /** The router's UCI files, parsed; the package of each is its file name. */
    public static UciConfigs readUci(List<SourceFile> routerFiles) {
        List<UciFile> files = new ArrayList<>();
        for (SourceFile f : routerFiles) {
            if (f.language() == LanguageId.OPENWRT_UCI) files.add(UciReader.read(f.uri(), f.text()));
        }
        return UciConfigs.of(files);
    }
}
