package dev.routerls.openwrt;

import dev.routerls.analysis.AnalysisSettings;
import dev.routerls.analysis.SourceFile;
import dev.routerls.core.Diagnostic;

import java.util.List;
import java.util.Map;

/** Entry point for one OpenWrt router (its UCI files and scripts together). (Being built: issue 3.) */
public final class OpenWrtAnalyzer {
    public Map<String, List<Diagnostic>> analyze(List<SourceFile> routerFiles, AnalysisSettings settings) {
        return Map.of();
    }
}
